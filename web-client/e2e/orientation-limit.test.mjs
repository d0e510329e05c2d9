// Past the room's run limit, Run and Submit wait with a countdown. A file of its own: it fakes the
// page's clock to see the countdown end, and node gives each file one minute, which the limit's
// window (a minute since the first of ten runs) would take by itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode, waitForExactCode } from "./support/editor.mjs";
import { joinAs, text } from "./support/people.mjs";

const FINISHED = '#run-status[data-state="ok"], #run-status[data-state="failed"]';

test(
  "past the room's run limit, Run and Submit wait with a countdown, and are enabled again when it ends",
  { timeout: 120_000 },
  scenario(async ({ open }) => {
    // The room's limit (LiveRoom.RUNS_PER_MINUTE in the server): ten runs a minute.
    const LIMIT = 10;
    let runsSent = 0;
    const echo = "print('got', input())\n";
    const { links } = await createRoom({ title: "Limit room", problemId: "two-sum" });
    const candidate = await joinAs(open, links.candidate, "Sam", (page) => {
      // Counts the run commands the page sends, whatever the server answers.
      page.on("websocket", (socket) =>
        socket.on("framesent", ({ payload }) => typeof payload === "string" && /"type":"run"/.test(payload) && runsSent++),
      );
    });
    await candidate.locator("#submit").waitFor(WAIT);
    await replaceCode(candidate, echo);
    await waitForExactCode(candidate, echo);
    for (let i = 0; i < LIMIT; i++) {
      // A run shows the Output tab: the next input is typed in the Input tab again.
      await candidate.click("#tab-stdin");
      await candidate.fill("#stdin", `run ${i}\n`);
      await candidate.locator("#run:not([disabled])").waitFor(RUN_WAIT);
      await candidate.click("#run");
      await candidate.locator("#output", { hasText: `got run ${i}` }).waitFor(RUN_WAIT);
      await candidate.locator(FINISHED).waitFor(RUN_WAIT);
    }
    // The page's clock from here on is one the test can move forward (it runs on as usual meanwhile).
    await candidate.clock.install();
    await candidate.locator("#run:not([disabled])").waitFor(RUN_WAIT);
    await candidate.click("#run");
    const countdown = candidate.locator("#rate-limit");
    await countdown.waitFor(WAIT);
    assert.match(await text(candidate, "#run-status"), /Too many runs/);
    assert.equal(await countdown.getAttribute("role"), "timer");
    const seconds = async () => Number(/^Run again in (\d+) s$/.exec(await countdown.innerText())?.[1]);
    const first = await seconds();
    assert.ok(first >= 1 && first <= 60, `a wait of ${first} s`);
    assert.ok(await candidate.locator("#run").isDisabled(), "Run waits");
    assert.ok(await candidate.locator("#submit").isDisabled(), "Submit waits");
    assert.equal(runsSent, LIMIT + 1);
    // Ctrl/Cmd+Enter is held back too: the page does not ask for another refusal meanwhile.
    await candidate.click("#editor .cm-content");
    await candidate.keyboard.press("Control+Enter");
    await candidate.waitForTimeout(500);
    assert.equal(runsSent, LIMIT + 1, "no run command during the wait");
    await candidate.clock.fastForward(1_500);
    await candidate.waitForFunction((before) => {
      const shown = /(\d+) s$/.exec(document.querySelector("#rate-limit")?.textContent ?? "")?.[1];
      return shown !== undefined && Number(shown) < before;
    }, first, WAIT);
    assert.ok(await candidate.locator("#run").isDisabled(), "Run still waits");

    // At the end of the wait both are back, and the console says so.
    await candidate.clock.fastForward(first * 1000);
    await countdown.waitFor({ state: "detached", ...WAIT });
    await candidate.locator("#run-status", { hasText: "You can run again." }).waitFor(WAIT);
    await candidate.locator("#run:not([disabled])").waitFor(WAIT);
    assert.ok(await candidate.locator("#submit").isEnabled(), "Submit is back");
  }),
);
