// Small screens: every page fits 360 px, and its controls are big enough to touch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, EXPIRED_URL, MISSING_ROOM_URL, WAIT } from "./support/env.mjs";
import { signUp } from "./support/accounts.mjs";
import { consent } from "./support/rooms.mjs";
import { expectFatal, join, scenario } from "./support/scenario.mjs";
import { SMALLEST, assertNoSidewaysScroll, assertTouchTargets } from "./support/layout.mjs";

const ROLES = ["interviewer", "candidate", "observer"];

test(
  "every page fits a 360 px screen, with controls of at least 44 px",
  { timeout: 150_000 },
  scenario(async ({ open }) => {
    const landing = await signUp(open, { options: SMALLEST });
    await landing.locator("#group-upcoming").waitFor(WAIT);
    await assertNoSidewaysScroll(landing, 360, "the dashboard");
    await assertTouchTargets(landing, "the dashboard");
    await landing.click("#new-interview");
    await landing.fill("#room-title", "A long interview title that has to fit on a small screen somehow");
    await landing.locator("#room-problem option[value=two-sum]").waitFor({ state: "attached", ...WAIT });
    await landing.selectOption("#room-problem", "two-sum");
    await assertNoSidewaysScroll(landing, 360, "the dashboard's form");
    await assertTouchTargets(landing, "the dashboard's form");
    await landing.click("#create-room-save");
    await landing.locator('.link-url[data-role="observer"]').waitFor(WAIT);
    await assertNoSidewaysScroll(landing, 360, "the new interview's links");
    await assertTouchTargets(landing, "the new interview's links");
    const links = {};
    for (const role of ROLES) links[role] = await landing.locator(`.link-url[data-role="${role}"]`).inputValue();
    await landing.click("#created-done");
    await landing.locator("tr.room-row").first().waitFor(WAIT);
    await assertNoSidewaysScroll(landing, 360, "the dashboard with an interview");
    await assertTouchTargets(landing, "the dashboard with an interview");
    // The candidate's notice is dashboard.test.mjs's; here the candidate has agreed.
    await consent(new URL(links.candidate).pathname.split("/")[2], links.candidate);

    const pages = await join(open, links, ROLES, SMALLEST);
    for (const [i, role] of ROLES.entries()) {
      const page = pages[i];
      await page.locator("#problem-title").waitFor({ state: "attached", ...WAIT });
      for (const pane of ["code", "console", "problem"]) {
        await page.click(`.mobile-tabs button[data-pane="${pane}"]`);
        await assertNoSidewaysScroll(page, 360, `the room as ${role}, ${pane} pane`);
        await assertTouchTargets(page, `the room as ${role}, ${pane} pane`);
      }
    }
    // On a small screen the people are behind one button; the list it opens fits, and so do the
    // interviewer's remove buttons in it.
    await pages[0].click("#more-participants");
    await pages[0].locator("#participant-list .kick").first().waitFor(WAIT);
    assert.equal(await pages[0].locator("#participant-list .kick").count(), 2);
    await assertNoSidewaysScroll(pages[0], 360, "the room's list of people");
    await assertTouchTargets(pages[0], "the room's list of people");
    await pages[0].keyboard.press("Escape");

    const expired = await open(EXPIRED_URL, SMALLEST);
    await expectFatal(expired, 4401, "token_expired", /expired/);
    await assertNoSidewaysScroll(expired, 360, "the expired link's screen");
    await assertTouchTargets(expired, "the expired link's screen");
    const missing = await open(MISSING_ROOM_URL, SMALLEST);
    await expectFatal(missing, 4404, "room_not_found", /no such room/);
    await assertNoSidewaysScroll(missing, 360, "the missing room's screen");
    await assertTouchTargets(missing, "the missing room's screen");
    const lost = await open(`${BASE}/no/such/page`, SMALLEST);
    await lost.locator("h1", { hasText: "Page not found" }).waitFor(WAIT);
    await assertNoSidewaysScroll(lost, 360, "the not-found page");
  }),
);

