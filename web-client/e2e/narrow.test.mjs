// A narrow screen: the panes are tabs, the interviewer's notes a tab of the left pane, and the
// people behind one button.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { NARROW, connected, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";

test(
  "a narrow screen shows the panes as tabs",
  { timeout: 120_000 },
  scenario(async ({ open }) => {
    const { links } = await createRoom({ title: "Narrow room", starterCode: "print('hello from the candidate')\n" });
    const [interviewer] = await join(open, links, ["interviewer", "observer"]);
    // A run, whose output the narrow pages find when they join.
    await interviewer.click("#editor .cm-content");
    await interviewer.keyboard.press("Control+Enter");
    await interviewer.locator('#run-status[data-state="ok"]').waitFor(RUN_WAIT);
    // On a wide screen the notes are under the problem, not behind a tab.
    assert.equal(await interviewer.locator("#tab-notes").count(), 0);
    await interviewer.click("#notes .cm-content");
    await interviewer.keyboard.insertText("Strong start; ask about complexity.");
    for (const role of ["interviewer", "observer"]) {
      const page = await open(links[role], NARROW);
      await connected(page);
      await page.locator(".mobile-tabs").waitFor(WAIT);
      assert.ok(await page.locator("#editor").isVisible(), "code is the first tab");
      assert.ok(await page.locator(".console").isHidden(), "the console waits behind its tab");
      assert.ok(await page.locator("#console-separator").isHidden(), "no bars to drag between tabs");
      await page.click('.mobile-tabs button[data-pane="console"]');
      assert.ok(await page.locator(".console").isVisible());
      assert.ok(await page.locator("#editor").isHidden());
      // The latest run's output loads after the page joins: wait for it rather than read once.
      await page.locator("#output", { hasText: "hello from the candidate" }).waitFor(WAIT);
      await page.click('.mobile-tabs button[data-pane="problem"]');
      if (role === "interviewer") {
        // A narrow screen keeps the notes behind a tab of their own.
        assert.ok(await page.locator("#notes").isHidden());
        await page.click("#tab-notes");
        await page.locator("#notes .cm-content", { hasText: "ask about complexity" }).waitFor(WAIT);
        assert.ok(await page.locator("#problem").isHidden());
      } else {
        assert.equal(await page.locator("#tab-notes").count(), 0, "observers have no notes");
        assert.equal(await page.locator("#notes").count(), 0, "observers have no notes");
        assert.match(await page.locator("#problem").innerText(), /No problem is set/);
        // Two pages on the observer link are one participant, listed first and marked as you; on a
        // small screen the list opens from one button.
        assert.equal(await page.locator('#participants .participant[data-role="observer"]').count(), 1);
        assert.equal(await page.locator("#more-participants").innerText(), "2 people");
        await page.click("#more-participants");
        assert.ok(await page.locator("#participants .participant").first().locator(".you").isVisible(), "you are marked");
      }
      await page.close();
    }
    // The observer's first page is still open: the link is still in the room, once.
    await interviewer.locator('#participants .participant[data-role="observer"]:not(.offline)').waitFor(WAIT);
    assert.equal(await interviewer.locator('#participants .participant[data-role="observer"]').count(), 1);
  }),
);

