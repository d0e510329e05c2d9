// People in a room with names of their own, and what a keyboard user does.
import assert from "node:assert/strict";
import { connected } from "./scenario.mjs";

/**
 * Opens a room link in a page of its own whose user has chosen this name, and waits until it is in.
 * `before(page)` runs before the page loads (to watch its sockets, say).
 */
export async function joinAs(open, url, name, before = () => undefined) {
  const page = await open();
  before(page);
  await page.addInitScript((chosen) => localStorage.setItem("coderoom.name", chosen), name);
  await page.goto(url);
  await connected(page);
  return page;
}

/** In the page: what has the focus, as a short description for a test's messages. */
export const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return "body";
    return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "");
  });

export const focusIs = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/**
 * Presses Tab (or Shift+Tab) from where the focus is until this element has it, as a keyboard user
 * would. In the code editor, Escape comes right before the key: CodeMirror's Tab indents, and its
 * Escape lets only a Tab pressed within 2 s leave, a window a busy machine can miss between steps.
 */
export async function tabTo(page, selector, key = "Tab", presses = 60) {
  const path = [];
  for (let i = 0; i <= presses; i++) {
    if (await focusIs(page, selector)) return;
    path.push(await focused(page));
    if (await focusIs(page, ".cm-content")) await page.keyboard.press("Escape");
    await page.keyboard.press(key);
  }
  assert.fail(`${key} never reached ${selector}; the focus went ${path.join(" → ")}`);
}

export const text = (page, selector) => page.locator(selector).innerText();
