// The top bar: one line on a desktop screen however many people are in the room.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { issueLink } from "./support/layout.mjs";

/**
 * The chips shown in the bar, those behind "+N" and the button's text, read at one moment: the bar
 * adjusts how many chips show as its other items change width, and each state is drawn whole.
 */
const chips = (page) =>
  page.evaluate(() => ({
    shown: document.querySelectorAll("#participants > .participant").length,
    listed: document.querySelectorAll("#participant-list .participant").length,
    more: document.querySelector("#more-participants")?.textContent ?? null,
  }));

test(
  "the top bar keeps to one line on a 1280 px screen with six people in the room",
  { timeout: 120_000 },
  scenario(async ({ open, shot }) => {
    const { id, links } = await createRoom({ title: "Platform team interview", problemId: "two-sum" });
    const more = await Promise.all([
      issueLink(id, "interviewer", "Second Interviewer"),
      issueLink(id, "observer", "Bartholomew Longname-Observer"),
      issueLink(id, "observer", "Hiring Manager"),
    ]);
    const [interviewer, candidate] = await join(open, links);
    // Three people: the chips that fit show, the others are behind "+N" (in a room with a problem
    // the bar also holds Run examples and Submit, which leave room for fewer than three chips).
    await interviewer.waitForFunction(() => document.querySelectorAll("#participants .participant:not(.offline)").length === 3, null, WAIT);
    const { shown: first, more: firstMore } = await chips(interviewer);
    assert.ok(first >= 1 && first <= 3, `${first} chips show`);
    assert.equal(firstMore, first < 3 ? `+${3 - first}` : null);
    await join(open, { a: more[0], b: more[1], c: more[2] }, ["a", "b", "c"]);
    for (const page of [interviewer, candidate]) {
      await page.waitForFunction(() => document.querySelectorAll("#participants .participant:not(.offline)").length === 6, null, WAIT);
      const row = await page.evaluate(() => {
        const bar = document.querySelector(".topbar");
        const box = bar.getBoundingClientRect();
        const items = [...bar.querySelectorAll(":scope > :not(.group), :scope > .group > *")]
          .map((c) => ({ what: c.id || c.className, box: c.getBoundingClientRect() }))
          .filter((c) => c.box.height > 0)
          .map((c) => ({ what: c.what, left: c.box.left, right: c.box.right, middle: c.box.top + c.box.height / 2, height: c.box.height }));
        return { height: box.height, width: box.width, scrollWidth: bar.scrollWidth, middle: box.top + box.height / 2, items };
      });
      const tallest = Math.max(...row.items.map((c) => c.height));
      const all = JSON.stringify(row);
      assert.ok(row.height < tallest * 2, `the top bar is ${row.height} px high, its tallest item ${tallest} px: ${all}`);
      assert.ok(row.scrollWidth <= row.width, `the top bar's items fit its width: ${all}`);
      for (const item of row.items) assert.ok(Math.abs(item.middle - row.middle) <= 1, `${item.what} is on the one line: ${all}`);
      const inOrder = [...row.items].sort((a, b) => a.left - b.left);
      for (let i = 1; i < inOrder.length; i++) {
        assert.ok(inOrder[i].left >= inOrder[i - 1].right - 0.5, `${inOrder[i - 1].what} and ${inOrder[i].what} do not overlap: ${all}`);
      }
      // The first chips show; the rest are behind "+N".
      const { shown, listed, more: button } = await chips(page);
      assert.equal(shown + listed, 6);
      assert.ok(shown >= 1 && shown <= 3, `${shown} chips show`);
      assert.equal(button, `+${6 - shown}`);
      assert.ok(await page.locator("#participant-list").isHidden());
    }
    await interviewer.click("#more-participants");
    await interviewer.locator("#participant-list .participant").first().waitFor(WAIT);
    const opened = await chips(interviewer);
    assert.equal(opened.shown + opened.listed, 6);
    for (const chip of await interviewer.locator("#participant-list .participant").all()) assert.ok(await chip.isVisible());
    await shot(interviewer, "desktop-interviewer-six-people");
    await interviewer.keyboard.press("Escape");
    await interviewer.locator("#participant-list").waitFor({ state: "hidden", ...WAIT });
  }),
);
