// The top bar: one line on a desktop screen however many people are in the room.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { issueLink } from "./support/layout.mjs";

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
    const first = await interviewer.locator("#participants > .participant").count();
    assert.ok(first >= 1 && first <= 3, `${first} chips show`);
    if (first < 3) assert.equal(await interviewer.locator("#more-participants").innerText(), `+${3 - first}`);
    else assert.equal(await interviewer.locator("#more-participants").count(), 0);
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
      assert.equal(await page.locator("#participants .participant").count(), 6);
      const shown = await page.locator("#participants > .participant").count();
      assert.ok(shown >= 1 && shown <= 3, `${shown} chips show`);
      assert.equal(await page.locator("#more-participants").innerText(), `+${6 - shown}`);
      assert.ok(await page.locator("#participant-list").isHidden());
    }
    await interviewer.click("#more-participants");
    await interviewer.locator("#participant-list .participant").first().waitFor(WAIT);
    const listed = await interviewer.locator("#participant-list .participant").count();
    assert.equal(listed + (await interviewer.locator("#participants > .participant").count()), 6);
    for (const chip of await interviewer.locator("#participant-list .participant").all()) assert.ok(await chip.isVisible());
    await shot(interviewer, "desktop-interviewer-six-people");
    await interviewer.keyboard.press("Escape");
    await interviewer.locator("#participant-list").waitFor({ state: "hidden", ...WAIT });
  }),
);
