// Screenshots of each role on a phone, upright (the code, then the console) and on its side, in a
// problem room after a failing submission (web-client/screenshots/).
import { test } from "node:test";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { connected, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode } from "./support/editor.mjs";
import { LANDSCAPE, PHONE, WRONG_TWO_SUM } from "./support/layout.mjs";

const ROLES = ["interviewer", "candidate", "observer"];

test(
  "screenshots: each role on a phone upright and on its side after a submission",
  { timeout: 120_000 },
  scenario(async ({ open, shot }) => {
    const { links } = await createRoom({ title: "Backend interview", problemId: "two-sum" });
    const upright = await Promise.all(ROLES.map((role) => open(links[role], PHONE)));
    await Promise.all(upright.map(connected));
    // The welcome has a screenshot of its own; these show the room at work.
    for (const page of upright) await page.locator("#welcome-dismiss").tap();
    await replaceCode(upright[1], WRONG_TWO_SUM);
    await upright[1].tap("#submit");
    await Promise.all(upright.map((page) => page.locator("#tests-summary", { hasText: "2 / 11 tests passed" }).waitFor({ state: "attached", ...RUN_WAIT })));
    for (const [i, role] of ROLES.entries()) {
      const page = upright[i];
      await page.tap('.mobile-tabs button[data-pane="code"]');
      await page.locator("#editor .cm-line", { hasText: "return [0, 1]" }).waitFor(WAIT);
      await shot(page, `phone-${role}-portrait`);
      await page.tap('.mobile-tabs button[data-pane="console"]');
      await page.locator("#tests-summary").waitFor(WAIT);
      await shot(page, `phone-${role}-portrait-tests`);
    }
    const sideways = await Promise.all(ROLES.map((role) => open(links[role], LANDSCAPE)));
    await Promise.all(sideways.map(connected));
    for (const page of sideways) await page.locator("#welcome-dismiss").tap();
    for (const [i, role] of ROLES.entries()) {
      await sideways[i].locator("#editor .cm-line", { hasText: "return [0, 1]" }).waitFor(WAIT);
      await shot(sideways[i], `phone-${role}-landscape`);
    }
  }),
);
