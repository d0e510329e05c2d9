// Reading and typing into a room page's shared editor.
import assert from "node:assert/strict";
import { WAIT } from "./env.mjs";

/** In the page: the text of its main editor, its lines without the remote carets' name labels. */
function editorText() {
  const content = document.querySelector("#editor .cm-content").cloneNode(true);
  for (const caret of content.querySelectorAll(".cm-remote-caret")) caret.remove();
  return [...content.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n");
}

export const code = (page) => page.evaluate(editorText);

/** Waits until the page's editor holds exactly this text (trailing blank lines aside). */
export async function waitForExactCode(page, text) {
  // The same as editorText, inline: the page's CSP forbids evaluating strings, so a predicate
  // cannot call a function passed in as source.
  await page.waitForFunction(
    (expected) => {
      const content = document.querySelector("#editor .cm-content")?.cloneNode(true);
      if (!content) return false;
      for (const caret of content.querySelectorAll(".cm-remote-caret")) caret.remove();
      const lines = [...content.querySelectorAll(".cm-line")].map((line) => line.textContent);
      return lines.join("\n").trimEnd() === expected;
    },
    text.trimEnd(),
    WAIT,
  );
}

/** Waits until the page's editor contains this text. */
export async function waitForCode(page, text) {
  await page.waitForFunction(
    (expected) => document.querySelector("#editor .cm-content")?.textContent?.includes(expected),
    text,
    WAIT,
  );
}

/** Waits until the page's editor no longer contains this text. */
export async function waitForNoCode(page, text) {
  await page.waitForFunction(
    (gone) => !document.querySelector("#editor .cm-content")?.textContent?.includes(gone),
    text,
    WAIT,
  );
}

/** Types this text at the end of the page's editor, as its user. */
export async function typeAtEnd(page, text) {
  await page.click("#editor .cm-content");
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(text);
}

/** Replaces everything in the page's editor with this text, as typed by its user. */
export async function replaceCode(page, text) {
  await page.click("#editor .cm-content");
  await page.keyboard.press("Control+a");
  // Deleting first: Chrome's own insertText over highlighted text wraps it in a styled span,
  // which the CSP refuses (harmlessly: CodeMirror redraws the line) but reports.
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.insertText(text);
}

/** Asserts that the page's editor does not contain this text, with what it holds instead. */
export async function assertNoCode(page, text, why) {
  const now = await code(page);
  assert.ok(!now.includes(text), `${why}:\n${now}`);
}
