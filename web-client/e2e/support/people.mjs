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

/** Presses Tab (or Shift+Tab) from where the focus is until this element has it, as a keyboard user would. */
export async function tabTo(page, selector, key = "Tab", presses = 40) {
  for (let i = 0; i < presses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  assert.fail(`${selector} is not reached with ${presses} presses of ${key}`);
}

export const text = (page, selector) => page.locator(selector).innerText();
