// The whole interview without a mouse: create a room on the dashboard, open it, type, run,
// submit and end it with the keyboard alone (Tab, Shift+Tab, Enter, Escape and typing; the only
// navigation not made by a key is signing up, which lands on the dashboard).
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { signUp } from "./support/accounts.mjs";
import { connected, scenario } from "./support/scenario.mjs";
import { waitForCode } from "./support/editor.mjs";
import { focusIs, focused, tabTo } from "./support/people.mjs";

const RUN_TIMEOUT = { timeout: 150_000 };
const FINISHED = '#run-status[data-state="ok"], #run-status[data-state="failed"]';

test(
  "with the keyboard alone, an interviewer creates a room, opens it, types, runs, submits and ends the interview",
  RUN_TIMEOUT,
  scenario(async ({ open }) => {
    const page = await signUp(open);
    await page.locator("#new-interview").waitFor(WAIT);

    // The dashboard's form: opened with Enter, a title, the default language, a problem, and Enter.
    await tabTo(page, "#new-interview");
    await page.keyboard.press("Enter");
    await page.locator("#room-problem option[value=two-sum]").waitFor({ state: "attached", ...WAIT });
    await tabTo(page, "#room-title");
    await page.keyboard.type("Keyboard interview");
    await tabTo(page, "#room-problem");
    // A closed select picks options with the arrow keys.
    for (let i = 0; i < 20 && (await page.locator("#room-problem").inputValue()) !== "two-sum"; i++) await page.keyboard.press("ArrowDown");
    assert.equal(await page.locator("#room-problem").inputValue(), "two-sum");
    await tabTo(page, "#create-room-save");
    await page.keyboard.press("Enter");
    await page.locator("a.open-room").waitFor(WAIT);

    await tabTo(page, "a.open-room");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/rooms\//, WAIT);
    await connected(page);
    await waitForCode(page, "twoSum");

    // Into the editor, and a line typed at its top.
    await tabTo(page, "#editor .cm-content");
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("print('typed with the keyboard')");
    await page.keyboard.press("Enter");
    await waitForCode(page, "print('typed with the keyboard')from typing");

    // Ctrl+Enter runs from inside the editor.
    await page.keyboard.press("Control+Enter");
    await page.locator(FINISHED).waitFor(RUN_WAIT);
    assert.match(await page.locator("#output").innerText(), /typed with the keyboard/);

    // Escape, then Tab, leaves the editor.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    assert.ok(!(await focusIs(page, ".cm-content, body")), `Escape then Tab leaves the editor for a control, not ${await focused(page)}`);

    // Submit is in the top bar, back the way the focus came.
    await tabTo(page, "#submit", "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.locator("#tests-summary", { hasText: /\d+ \/ 11 tests passed/ }).waitFor(RUN_WAIT);

    // End: the dialog takes the focus (on Cancel, the safe answer); Tab reaches the confirmation.
    await tabTo(page, "#end");
    await page.keyboard.press("Enter");
    await page.locator("#end-dialog[open]").waitFor(WAIT);
    assert.ok(await focusIs(page, "#end-dialog button"), `the dialog has the focus, not ${await focused(page)}`);
    await tabTo(page, "#end-dialog-confirm", "Tab", 4);
    await page.keyboard.press("Enter");
    // The interviewer stays in the ended room, read-only, the way to the report in focus.
    await page.locator("#ended-room").waitFor(WAIT);
    // The focus moves once the ended room has rendered, so wait for it rather than look once.
    await page
      .waitForFunction(() => document.activeElement?.matches("#open-report") ?? false, null, WAIT)
      .catch(async () => assert.fail(`the ended room's report link has the focus, not ${await focused(page)}`));
  }),
);
