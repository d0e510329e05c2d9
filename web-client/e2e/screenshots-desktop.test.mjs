// Screenshots of each role on a desktop, in a problem room after a failing submission, with the
// interviewer's notes under the problem (web-client/screenshots/).
import { test } from "node:test";
import { RUN_WAIT } from "./support/env.mjs";
import { DESKTOP, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode } from "./support/editor.mjs";
import { WRONG_TWO_SUM } from "./support/layout.mjs";

const ROLES = ["interviewer", "candidate", "observer"];

test(
  "screenshots: each role on a desktop after a submission",
  { timeout: 120_000 },
  scenario(async ({ open, shot }) => {
    const { links } = await createRoom({ title: "Backend interview", problemId: "two-sum" });
    const pages = await join(open, links, ROLES, DESKTOP);
    // The welcome has a screenshot of its own; these show the room at work.
    for (const page of pages) await page.click("#welcome-dismiss");
    await pages[0].click("#notes .cm-content");
    await pages[0].keyboard.insertText("Reads the problem carefully; asks about duplicates.");
    await replaceCode(pages[1], WRONG_TWO_SUM);
    await pages[1].click("#submit");
    await Promise.all(pages.map((page) => page.locator("#tests-summary", { hasText: "2 / 11 tests passed" }).waitFor(RUN_WAIT)));
    for (const [i, role] of ROLES.entries()) await shot(pages[i], `desktop-${role}-tests`);
  }),
);
