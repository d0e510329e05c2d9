// The room as each role in both themes, through axe (support/axe.mjs), and the editor colours axe
// does not measure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { waitForCode } from "./support/editor.mjs";
import { Audit, THEMES, inTheme, themed } from "./support/axe.mjs";

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

test("the room as interviewer, candidate and observer, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  // The two themes side by side, each in browser contexts of its own.
  await Promise.all(THEMES.map(async (colorScheme) => {
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
  }));
  audit.assertClean();
}));
