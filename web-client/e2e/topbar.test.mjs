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
    const { id, links } = await createRoom({ title: "Panel interview for the platform team", problemId: "two-sum" });
    const more = await Promise.all([
      issueLink(id, "interviewer", "Second Interviewer"),
      issueLink(id, "observer", "Bartholomew Longname-Observer"),
      issueLink(id, "observer", "Hiring Manager"),
    ]);
    const pages = await join(open, { ...links, a: more[0], b: more[1], c: more[2] }, ["interviewer", "candidate", "observer", "a", "b", "c"]);
    const [interviewer, candidate] = pages;
    for (const page of [interviewer, candidate]) {
      await page.waitForFunction(() => document.querySelectorAll("#participants .participant:not(.offline)").length === 6, null, WAIT);
      const row = await page.evaluate(() => {
        const bar = document.querySelector(".topbar").getBoundingClientRect();
        const items = [...document.querySelector(".topbar").children]
          .map((c) => ({ what: c.id || c.className, box: c.getBoundingClientRect() }))
          .filter((c) => c.box.height > 0);
        return { height: bar.height, middle: bar.top + bar.height / 2, items: items.map((c) => ({ what: c.what, middle: c.box.top + c.box.height / 2, height: c.box.height })) };
      });
      const tallest = Math.max(...row.items.map((c) => c.height));
      assert.ok(row.height < tallest * 2, `the top bar is ${row.height} px high, its tallest item ${tallest} px: ${JSON.stringify(row.items)}`);
      for (const item of row.items) assert.ok(Math.abs(item.middle - row.middle) <= 1, `${item.what} is on the one line: ${JSON.stringify(row)}`);
      // The first chips show; the rest are behind "+3".
      assert.equal(await page.locator("#participants .participant").count(), 6);
      assert.equal(await page.locator("#more-participants").innerText(), "+3");
      assert.ok(await page.locator("#participant-list").isHidden());
    }
    await interviewer.click("#more-participants");
    await interviewer.locator("#participant-list .participant").first().waitFor(WAIT);
    assert.equal(await interviewer.locator("#participant-list .participant").count(), 3);
    for (const chip of await interviewer.locator("#participant-list .participant").all()) assert.ok(await chip.isVisible());
    await shot(interviewer, "desktop-interviewer-six-people");
    await interviewer.keyboard.press("Escape");
    await interviewer.locator("#participant-list").waitFor({ state: "hidden", ...WAIT });
  }),
);
