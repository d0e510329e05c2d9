// Everyone is told who changed the language or the problem; switching the language of written code
// is confirmed first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { createRoom, templates } from "./support/rooms.mjs";
import { typeAtEnd, waitForCode, waitForExactCode } from "./support/editor.mjs";
import { joinAs, text } from "./support/people.mjs";

test(
  "everyone is told who changed the language and the problem, and switching written code's language asks first",
  { timeout: 120_000 },
  scenario(async ({ open, shot }) => {
    const starters = await templates();
    const { links } = await createRoom({ title: "Notice room", starterCode: starters.python });
    const interviewer = await joinAs(open, links.interviewer, "Ada");
    const candidate = await joinAs(open, links.candidate, "Sam");
    await waitForExactCode(candidate, starters.python);
    assert.equal(await candidate.locator("#change-notices").getAttribute("role"), "status");

    // Starter code: no question, and a notice naming who did it on both pages.
    await interviewer.selectOption("#language-select", "go");
    await candidate.locator(".change-notice", { hasText: "Ada changed the language to Go." }).waitFor(WAIT);
    await interviewer.locator(".change-notice", { hasText: "You changed the language to Go." }).waitFor(WAIT);
    assert.equal(await interviewer.locator("#language-dialog").count(), 0);
    assert.equal(await text(candidate, "#language"), "Go");
    await shot(candidate, "change-notice-candidate");
    // It goes by itself.
    await candidate.locator(".change-notice").waitFor({ state: "detached", timeout: 15_000 });

    // Written code: the interviewer is asked; cancelling keeps the language and the picker on it.
    await typeAtEnd(candidate, "// the candidate's own work\n");
    await waitForCode(interviewer, "the candidate's own work");
    await interviewer.selectOption("#language-select", "python");
    const dialog = interviewer.locator("#language-dialog");
    await dialog.waitFor(WAIT);
    assert.match(await dialog.innerText(), /Switch the language to Python\?/);
    await shot(interviewer, "language-warning");
    await interviewer.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached", ...WAIT });
    assert.equal(await interviewer.locator("#language-select").inputValue(), "go");
    assert.equal(await interviewer.locator("#editor").getAttribute("data-language"), "go");
    assert.equal(await text(candidate, "#language"), "Go");

    // Confirming switches it, and the candidate is told.
    await interviewer.selectOption("#language-select", "javascript");
    await interviewer.click("#language-dialog-confirm");
    await candidate.locator(".change-notice", { hasText: "Ada changed the language to JavaScript." }).waitFor(WAIT);
    // The interviewer's page has the change from the server too before its picker is read.
    await interviewer.locator(".change-notice", { hasText: "You changed the language to JavaScript." }).waitFor(WAIT);
    await interviewer.locator('#editor[data-language="javascript"]').waitFor(WAIT);
    assert.equal(await interviewer.locator("#language-select").inputValue(), "javascript");

    await interviewer.selectOption("#problem-select", "two-sum");
    await candidate.locator(".change-notice", { hasText: "Ada set the problem to Two Sum." }).waitFor(WAIT);
    // The newer notice about the language replaced nothing else: each subject has one notice.
    assert.ok((await candidate.locator(".change-notice").count()) <= 2);
  }),
);
