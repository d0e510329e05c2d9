// Past the room's run limit, Run and Submit wait with a countdown. A file of its own: it moves the
// page's clock forward to see the countdown end (the limit's window is a minute, and node gives a
// file one minute), and a clock is its browser context's, which the file's next scenario would get.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { startAndStopRuns } from "./support/control.mjs";
import { joinAs, text } from "./support/people.mjs";

test(
  "past the room's run limit, Run and Submit wait with a countdown, and are enabled again when it ends",
  { timeout: 120_000 },
  scenario(async ({ open }) => {
    // The room's limit (RoomRuns in the server): ten runs a minute. The interviewer's runs, each
    // stopped as soon as it starts, take them all.
    const LIMIT = 10;
    let runsSent = 0;
    const { links } = await createRoom({ title: "Limit room", problemId: "two-sum" });
    // The first of the runs starts after this.
    const runsFrom = Date.now();
    await startAndStopRuns(links.interviewer, LIMIT);
    const candidate = await joinAs(open, links.candidate, "Sam", (page) => {
      // Counts the run commands the page sends, whatever the server answers.
      page.on("websocket", (socket) =>
        socket.on("framesent", ({ payload }) => typeof payload === "string" && /"type":"run"/.test(payload) && runsSent++),
      );
    });
    await candidate.locator("#submit").waitFor(WAIT);
    // The page shows the room's last run, stopped, before anything else happens in its console.
    await candidate.locator('#run-status[data-state="stopped"]', { hasText: "Stopped by Interviewer" }).waitFor(WAIT);
    // The page's clock from here on is one the test can move forward (it runs on as usual meanwhile).
    await candidate.clock.install();
    await candidate.click("#run");
    const countdown = candidate.locator("#rate-limit");
    await countdown.waitFor(WAIT);
    assert.match(await text(candidate, "#run-status"), /Too many runs/);
    assert.equal(await countdown.getAttribute("role"), "timer");
    const seconds = async () => Number(/^Run again in (\d+) s$/.exec(await countdown.innerText())?.[1]);
    const first = await seconds();
    // The server's wait: until the first of the ten runs is a minute old, so no shorter than a
    // minute less the time since the runs began (and a second for the countdown's whole seconds).
    const elapsed = Math.ceil((Date.now() - runsFrom) / 1000);
    assert.ok(first >= 60 - elapsed - 1 && first <= 60, `a wait of ${first} s, ${elapsed} s after the runs began`);
    assert.ok(await candidate.locator("#run").isDisabled(), "Run waits");
    assert.ok(await candidate.locator("#submit").isDisabled(), "Submit waits");
    assert.equal(runsSent, 1);
    // Ctrl/Cmd+Enter is held back too: the page does not ask for another refusal meanwhile.
    await candidate.click("#editor .cm-content");
    await candidate.keyboard.press("Control+Enter");
    await candidate.waitForTimeout(500);
    assert.equal(runsSent, 1, "no run command during the wait");
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
