// axe-core on every kind of page, in the light and the dark theme (the pages follow the system's
// setting, which each browser context sets): nothing serious or critical may be found. Its
// color-contrast rule measures text at 4.5:1 (3:1 for large text) against what is behind it.
// Besides axe: focus goes into dialogs and stays there, and the run output is not a live region.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, EXPIRED_URL, MISSING_ROOM_URL, RUN_WAIT, WAIT } from "./support/env.mjs";
import { DESKTOP, connected, expectFatal, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode, waitForCode, waitForExactCode } from "./support/editor.mjs";
import { Audit } from "./support/axe.mjs";

const THEMES = ["light", "dark"];
const inTheme = (colorScheme) => ({ ...DESKTOP, colorScheme });
const RUN_TIMEOUT = { timeout: 150_000 };

/** Waits until the page shows the theme the system asks for. */
async function themed(page, colorScheme) {
  await page.locator(`html[data-theme="${colorScheme}"]`).waitFor({ state: "attached", ...WAIT });
}

/** WCAG's contrast ratio of two colours given as [r, g, b] (0–255). */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/**
 * In the page: the colours axe does not measure, as [r, g, b]: the line numbers (the gutter is
 * hidden from screen readers, so axe skips it) and the focused editor's outline, each with what
 * is behind it.
 */
const editorColours = (page) =>
  page.evaluate(() => {
    const rgb = (colour) => colour.match(/[\d.]+/g).slice(0, 3).map(Number);
    const opaque = (colour) => !/^rgba\(.*,\s*0\)$|^transparent$/.test(colour);
    const background = (element) => {
      for (let e = element; e; e = e.parentElement) {
        const colour = getComputedStyle(e).backgroundColor;
        if (opaque(colour)) return rgb(colour);
      }
      return [255, 255, 255];
    };
    const number = document.querySelector("#editor .cm-lineNumbers .cm-gutterElement:not(.cm-activeLineGutter)");
    const editor = document.querySelector("#editor .cm-editor");
    const outline = getComputedStyle(editor);
    return {
      lineNumber: rgb(getComputedStyle(number).color),
      gutter: background(number),
      focused: editor.classList.contains("cm-focused"),
      outline: outline.outlineStyle === "none" ? null : rgb(outline.outlineColor),
      outlineWidth: parseFloat(outline.outlineWidth),
      around: background(editor.parentElement),
    };
  });

// Two Sum (server/src/main/resources/problems/two-sum.json): right for one public case only.
const WRONG_TWO_SUM = `def twoSum(nums, target):
    print("trying", nums)
    return [0, 1]
`;

test("the landing page, before and after creating a room, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  for (const colorScheme of THEMES) {
    const page = await open(BASE, inTheme(colorScheme));
    await themed(page, colorScheme);
    await page.locator("#checks li.pending").waitFor({ state: "detached", ...WAIT });
    await page.locator("#room-problem").waitFor(WAIT);
    await audit.check(page, `the landing page (${colorScheme})`);
    // A failed attempt shows its error in the form.
    await page.fill("#api-key", "not the key");
    await page.fill("#room-title", "Accessible room");
    await page.click("form.create button[type=submit]");
    await page.locator(".form-error:not(:empty)").waitFor(WAIT);
    await audit.check(page, `the landing page with an error (${colorScheme})`);
  }
  audit.assertClean();
}));

test("the room as interviewer, candidate and observer, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  for (const colorScheme of THEMES) {
    const { links } = await createRoom({ title: `Accessible room (${colorScheme})`, problemId: "two-sum" });
    const pages = await join(open, links, ["interviewer", "candidate", "observer"], inTheme(colorScheme));
    const [interviewer, candidate] = pages;
    await waitForCode(candidate, "twoSum");
    // Someone else's caret and selection are in the code, and focus in the editor shows.
    await candidate.click("#editor .cm-content");
    await candidate.keyboard.press("Control+End");
    await interviewer.locator("#editor .cm-remote-caret").waitFor(WAIT);
    for (const [page, role] of pages.map((page, i) => [page, ["interviewer", "candidate", "observer"][i]])) {
      await themed(page, colorScheme);
      await audit.check(page, `the room as ${role} (${colorScheme})`);
    }
    const colours = await editorColours(candidate);
    const numbers = contrast(colours.lineNumber, colours.gutter);
    console.log(`line numbers (${colorScheme}): ${numbers.toFixed(2)}:1`);
    assert.ok(numbers >= 4.5, `line numbers at ${numbers.toFixed(2)}:1 in the ${colorScheme} theme: ${JSON.stringify(colours)}`);
    assert.ok(colours.focused && colours.outline && colours.outlineWidth >= 1, `the focused editor has an outline: ${JSON.stringify(colours)}`);
    const outline = contrast(colours.outline, colours.around);
    console.log(`editor focus outline (${colorScheme}): ${outline.toFixed(2)}:1`);
    assert.ok(outline >= 3, `the editor's focus outline at ${outline.toFixed(2)}:1 in the ${colorScheme} theme: ${JSON.stringify(colours)}`);
  }
  audit.assertClean();
}));

test("the Tests tab after a failing submission, in both themes", RUN_TIMEOUT, scenario(async ({ open }) => {
  const audit = new Audit();
  for (const colorScheme of THEMES) {
    const { links } = await createRoom({ title: `Accessible tests (${colorScheme})`, problemId: "two-sum" });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"], inTheme(colorScheme));
    await waitForCode(candidate, "twoSum");
    await replaceCode(candidate, WRONG_TWO_SUM);
    await waitForExactCode(interviewer, WRONG_TWO_SUM);
    await candidate.click("#submit");
    for (const page of [interviewer, candidate]) {
      await page.locator("#tests-summary", { hasText: "2 / 6 tests passed" }).waitFor(RUN_WAIT);
      assert.equal(await page.locator("#tab-tests").getAttribute("aria-selected"), "true");
      // A failed case opened, as someone reading why it failed would.
      await page.locator('.case[data-status="failed"] summary').first().click();
      await audit.check(page, `the Tests tab, failed, as ${page === interviewer ? "interviewer" : "candidate"} (${colorScheme})`);
    }
    // The output of a run, stderr included.
    await replaceCode(candidate, "import sys\nprint('to stdout')\nprint('to stderr', file=sys.stderr)\nsys.exit(3)\n");
    await waitForCode(interviewer, "to stderr");
    await candidate.keyboard.press("Control+Enter");
    await candidate.locator('#run-status[data-state="failed"]').waitFor(RUN_WAIT);
    await candidate.locator("#output .stream-stderr").waitFor(WAIT);
    await audit.check(candidate, `the Output tab after a failed run (${colorScheme})`);
  }
  audit.assertClean();
}));

test("the end-of-interview dialog and the ended room, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  for (const colorScheme of THEMES) {
    const { links } = await createRoom({ title: `Accessible end (${colorScheme})` });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"], inTheme(colorScheme));
    await interviewer.click("#end");
    await interviewer.locator("#end-dialog[open]").waitFor(WAIT);
    await audit.check(interviewer, `the end dialog (${colorScheme})`);
    await interviewer.click("#end-dialog-confirm");
    for (const page of [interviewer, candidate]) await expectFatal(page, 4410, "room_ended", /interview has ended/);
    await audit.check(candidate, `the ended room (${colorScheme})`);
  }
  audit.assertClean();
}));

test("the screens of links that cannot open a room, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  for (const colorScheme of THEMES) {
    const options = inTheme(colorScheme);
    const expired = await open(EXPIRED_URL, options);
    await expectFatal(expired, 4401, "token_expired", /expired/);
    await audit.check(expired, `an expired link (${colorScheme})`);

    const missing = await open(MISSING_ROOM_URL, options);
    await expectFatal(missing, 4404, "room_not_found", /no such room/);
    await audit.check(missing, `a link to no room (${colorScheme})`);

    const { links } = await createRoom({ title: `Accessible removal (${colorScheme})` });
    const [interviewer, observer] = await join(open, links, ["interviewer", "observer"], options);
    await interviewer.click('#participants .participant[data-role="observer"] .kick');
    await interviewer.locator("#remove-dialog[open]").waitFor(WAIT);
    await audit.check(interviewer, `the remove dialog (${colorScheme})`);
    await interviewer.click("#remove-dialog-confirm");
    await expectFatal(observer, 4403, "kicked", /removed/);
    await audit.check(observer, `a removed participant (${colorScheme})`);
    const revoked = await open(links.observer, options);
    await expectFatal(revoked, 4401, "token_revoked", /revoked/);
    await audit.check(revoked, `a revoked link (${colorScheme})`);
  }
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
  const [interviewer] = await join(open, links, ["interviewer", "candidate"]);
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
  await expectFatal(interviewer, 4410, "room_ended", /interview has ended/);
  assert.equal(await focusPlace(interviewer, "#fatal"), "dialog");
  await interviewer.keyboard.press("Escape");
  assert.ok(await interviewer.locator("#fatal[open]").isVisible());
  assert.equal(await focusPlace(interviewer, "#fatal"), "dialog");
}));

test("icon buttons and tabs are named for what they do; the status line is live, the output is not", RUN_TIMEOUT, scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Names room", problemId: "two-sum" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  // Buttons that show only a symbol say in words what they do.
  await interviewer.getByRole("button", { name: "Remove Candidate" }).waitFor(WAIT);
  await interviewer.getByRole("button", { name: /^Use the (light|dark) theme$/ }).waitFor(WAIT);
  const unnamed = await interviewer.evaluate(() =>
    [...document.querySelectorAll("button")]
      .filter((b) => !(b.getAttribute("aria-label") || b.textContent?.trim() || b.getAttribute("title")))
      .map((b) => b.outerHTML),
  );
  assert.deepEqual(unnamed, [], "every button has a name");

  // The console's tabs are a tab list: arrow keys move between them, each opens its panel.
  const tabs = candidate.getByRole("tablist", { name: "Console" }).getByRole("tab");
  assert.deepEqual(await tabs.allInnerTexts(), ["Output", "Tests", "Input"]);
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
