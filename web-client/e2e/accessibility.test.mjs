// axe-core in the browser suite (support/axe.mjs), in the light and the dark theme: nothing
// serious or critical may be found. Its color-contrast rule measures text at 4.5:1 (3:1 for large
// text) against what is behind it. The checks are spread over several files, as each file must
// finish within a scenario's time limit: accessibility.test.mjs (the dashboard, the candidate's
// notice, names, tabs
// and live regions), accessibility-room.test.mjs (the room by role, with the colours axe does not
// measure), accessibility-results.test.mjs (test results and run output),
// accessibility-dialogs.test.mjs (dialogs and the ended room) and accessibility-closed.test.mjs
// (the screens of links that cannot open a room).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, RUN_WAIT, WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { issueLink } from "./support/layout.mjs";
import { signUp } from "./support/accounts.mjs";
import { replaceCode, waitForCode } from "./support/editor.mjs";
import { Audit, THEMES, inTheme, themed } from "./support/axe.mjs";

test("the dashboard, its form with an error, and the candidate's notice, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  const { id } = await createRoom({ title: "Notice room" });
  for (const colorScheme of THEMES) {
    const page = await signUp(open, { options: inTheme(colorScheme) });
    await themed(page, colorScheme);
    await page.locator("#group-upcoming").waitFor(WAIT);
    await audit.check(page, `the dashboard (${colorScheme})`);
    // A refused plan shows the server's sentence in the form.
    await page.click("#new-interview");
    await page.fill("#room-title", "Accessible room");
    await page.fill("#scheduled-at", "2200-01-01T10:00");
    await page.click("#create-room-save");
    await page.locator("#create-room-dialog .form-error:not(:empty)").waitFor(WAIT);
    await audit.check(page, `the dashboard's form with an error (${colorScheme})`);

    const candidate = await open(await issueLink(id, "candidate"), inTheme(colorScheme));
    await themed(candidate, colorScheme);
    await candidate.locator("#candidate-notice").waitFor(WAIT);
    await audit.check(candidate, `the candidate's notice (${colorScheme})`);
  }
  audit.assertClean();
}));

test("icon buttons and tabs are named for what they do; the status line is live, the output is not", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Names room", problemId: "two-sum" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  // Buttons that show only a symbol say in words what they do.
  // With a problem set, a chip that does not fit beside the run buttons is behind "+N".
  // The bar shows fewer or more chips as its other items change width, so the chip may move behind
  // "+N" (or back) at any moment: the button is looked for until it shows, opening "+N" when the
  // chip is behind it.
  const remove = interviewer.getByRole("button", { name: "Remove Candidate" });
  const moreButton = interviewer.locator("#more-participants");
  const list = interviewer.locator("#participant-list");
  const deadline = Date.now() + WAIT.timeout;
  while (!(await remove.isVisible())) {
    assert.ok(Date.now() < deadline, "the Remove Candidate button shows, in the bar or behind +N");
    if ((await moreButton.isVisible()) && !(await list.isVisible())) {
      // It may go away as the chips come back into the bar; the loop looks again.
      await moreButton.click({ timeout: 1000 }).catch((e) => {
        if (e.name !== "TimeoutError") throw e;
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (await list.isVisible()) await interviewer.keyboard.press("Escape");
  await interviewer.getByRole("button", { name: /^Use the (light|dark) theme$/ }).waitFor(WAIT);
  const unnamed = await interviewer.evaluate(() =>
    [...document.querySelectorAll("button")]
      .filter((b) => !(b.getAttribute("aria-label") || b.textContent?.trim() || b.getAttribute("title")))
      .map((b) => b.outerHTML),
  );
  assert.deepEqual(unnamed, [], "every button has a name");

  // The console's tabs are a tab list: arrow keys move between them, each opens its panel.
  const tabs = candidate.getByRole("tablist", { name: "Console" }).getByRole("tab");
  assert.deepEqual(await tabs.allInnerTexts(), ["Output", "Tests", "Input", "Submissions"]);
  await candidate.getByRole("tab", { name: "Output" }).focus();
  await candidate.keyboard.press("ArrowRight");
  assert.equal(await candidate.getByRole("tab", { name: "Tests" }).getAttribute("aria-selected"), "true");
  assert.equal(await candidate.evaluate(() => document.activeElement?.id), "tab-tests");
  await candidate.getByRole("tabpanel", { name: "Tests" }).waitFor(WAIT);
  await candidate.keyboard.press("ArrowLeft");
  await candidate.getByRole("tabpanel", { name: "Output" }).waitFor(WAIT);

  // A run of many lines: the status line announces how it went; the output is not read aloud.
  await replaceCode(candidate, "for i in range(1000):\n    print('line', i)\n");
  await waitForCode(interviewer, "range(1000)");
  await candidate.keyboard.press("Control+Enter");
  await candidate.locator('#run-status[data-state="ok"]').waitFor(RUN_WAIT);
  await candidate.locator("#output", { hasText: "line 999" }).waitFor(WAIT);
  const live = await candidate.evaluate(() => {
    const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"], [role="marquee"], [role="timer"]';
    const output = document.querySelector("#output");
    return {
      output: output.closest(LIVE)?.outerHTML.slice(0, 80) ?? null,
      inside: output.querySelector(LIVE)?.outerHTML.slice(0, 80) ?? null,
      status: document.querySelector("#run-status").getAttribute("role"),
    };
  });
  assert.deepEqual(live, { output: null, inside: null, status: "status" });
}));
