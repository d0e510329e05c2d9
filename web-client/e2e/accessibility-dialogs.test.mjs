// Dialogs through axe (support/axe.mjs) in both themes, and how they hold the focus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { expectFatal, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { Audit, THEMES, inTheme } from "./support/axe.mjs";

test("the end-of-interview dialog and the ended room, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  // The two themes side by side, each in browser contexts of its own.
  await Promise.all(THEMES.map(async (colorScheme) => {
    const { links } = await createRoom({ title: `Accessible end (${colorScheme})` });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"], inTheme(colorScheme));
    await interviewer.click("#end");
    await interviewer.locator("#end-dialog[open]").waitFor(WAIT);
    await audit.check(interviewer, `the end dialog (${colorScheme})`);
    await interviewer.click("#end-dialog-confirm");
    await expectFatal(candidate, 4410, "room_ended", /interview has ended/);
    await audit.check(candidate, `the ended room (${colorScheme})`);
    await interviewer.locator("#ended-room #report-code").waitFor(WAIT);
    await audit.check(interviewer, `the ended room, as its interviewer keeps it (${colorScheme})`);
  }));
  audit.assertClean();
}));

/** In the page: where the focus is, relative to the open dialog `selector`. */
const focusPlace = (page, selector) =>
  page.evaluate((s) => {
    // The browser's own controls (address bar and the like) take the focus between the dialog's
    // last element and its first: the document then has no focus, which is not the page behind.
    if (!document.hasFocus()) return "browser";
    const e = document.activeElement;
    return e?.closest(s) ? "dialog" : `outside: ${e?.tagName.toLowerCase()}#${e?.id ?? ""}`;
  }, selector);

test("dialogs take the focus, keep it from the page behind, and give it back", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Dialog focus room" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  await interviewer.focus("#end");
  await interviewer.keyboard.press("Enter");
  await interviewer.locator("#end-dialog[open]").waitFor(WAIT);
  assert.equal(await interviewer.evaluate(() => document.activeElement?.textContent), "Cancel", "the safe answer has the focus");
  for (const key of ["Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await interviewer.keyboard.press(key);
    assert.match(await focusPlace(interviewer, "#end-dialog"), /^(dialog|browser)$/, `after ${key}`);
  }
  await interviewer.keyboard.press("Shift+Tab");
  if ((await focusPlace(interviewer, "#end-dialog")) === "browser") await interviewer.keyboard.press("Shift+Tab");
  assert.equal(await focusPlace(interviewer, "#end-dialog"), "dialog");
  // Escape cancels, and the focus is back where it was.
  await interviewer.keyboard.press("Escape");
  await interviewer.locator("#end-dialog").waitFor({ state: "detached", ...WAIT });
  assert.equal(await interviewer.evaluate(() => document.activeElement?.id), "end");

  // The remove dialog likewise, opened from an icon button named for whom it removes.
  const remove = interviewer.getByRole("button", { name: "Remove Candidate" });
  await remove.focus();
  await interviewer.keyboard.press("Enter");
  await interviewer.locator("#remove-dialog[open]").waitFor(WAIT);
  assert.equal(await focusPlace(interviewer, "#remove-dialog"), "dialog");
  await interviewer.keyboard.press("Escape");
  await interviewer.locator("#remove-dialog").waitFor({ state: "detached", ...WAIT });
  assert.equal(await interviewer.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Remove Candidate");

  // A closing screen cannot be dismissed: Escape leaves it, and the focus, where they are.
  await interviewer.focus("#end");
  await interviewer.keyboard.press("Enter");
  await interviewer.locator("#end-dialog-confirm").focus();
  await interviewer.keyboard.press("Enter");
  await expectFatal(candidate, 4410, "room_ended", /interview has ended/);
  assert.equal(await focusPlace(candidate, "#fatal"), "dialog");
  await candidate.keyboard.press("Escape");
  assert.ok(await candidate.locator("#fatal[open]").isVisible());
  assert.equal(await focusPlace(candidate, "#fatal"), "dialog");
}));
