// How the room looks: Vim and the light theme, and a narrow screen's tabs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { DESKTOP, NARROW, connected, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";

test("Vim mode and the theme switch on and off; the theme follows the system until chosen", scenario(async ({ open, shot }) => {
  const starterCode = "def greet(name):\n    return f'hello {name}'\n\nprint(greet(input()))\n";
  const { links } = await createRoom({ title: "Theme room", starterCode });
  const [candidate] = await join(open, links, ["candidate"], { ...DESKTOP, colorScheme: "light" });
  await candidate.locator("body.light").waitFor({ state: "attached", ...WAIT });
  const [interviewer] = await join(open, links, ["interviewer"], { ...DESKTOP, colorScheme: "dark" });
  await interviewer.locator("body:not(.light)").waitFor({ state: "attached", ...WAIT });
  await interviewer.check("#vim-toggle");
  await interviewer.locator("#editor .cm-scroller.cm-vimMode").waitFor({ state: "attached", ...WAIT });
  await interviewer.uncheck("#vim-toggle");
  await interviewer.locator("#editor .cm-scroller.cm-vimMode").waitFor({ state: "detached", ...WAIT });
  await interviewer.click("#theme-toggle");
  await interviewer.locator("body.light").waitFor({ state: "attached", ...WAIT });
  await shot(interviewer, "desktop-interviewer-light");
  await interviewer.click("#theme-toggle");
  await interviewer.locator("body:not(.light)").waitFor({ state: "attached", ...WAIT });
}));

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

