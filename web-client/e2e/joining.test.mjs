// Joining a room: each link's role, the token leaving the address bar, and links that cannot open it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EXPIRED_URL, MISSING_ROOM_URL, WAIT } from "./support/env.mjs";
import { connected, expectFatal, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";

test("interviewer, candidate and observer join with their roles", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Browser test interview" });
  const [interviewer, candidate, observer] = await join(open, links);
  assert.equal(await interviewer.locator("#role").innerText(), "Interviewer");
  assert.equal(await candidate.locator("#role").innerText(), "Candidate");
  assert.equal(await observer.locator("#role").innerText(), "Spectating");
  assert.match(await observer.locator("#banner").innerText(), /Spectating/);
  await interviewer.locator('#participants .participant[data-role="observer"]').waitFor(WAIT);
  await interviewer.locator('#participants .participant[data-role="candidate"]').waitFor(WAIT);
  assert.equal(await interviewer.locator(".room-title").innerText(), "Browser test interview");
  assert.ok(await observer.locator("#run").isHidden(), "observers have no Run button");
  assert.ok(await observer.locator("#tab-stdin").isHidden(), "nor an input for runs");
}));

test("the token leaves the address bar and the history, and a reload rejoins", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Token room" });
  const [interviewer, candidate, observer] = await join(open, links);
  const roomPath = new URL(links.candidate).pathname;
  for (const page of [interviewer, candidate, observer]) {
    const address = await page.evaluate(() => location.href);
    // (The address itself is not printed: it would put a token in the test's output.)
    assert.ok(!address.includes("token"), "the address bar still holds the room's token");
    assert.equal(new URL(address).pathname.startsWith("/rooms/"), true);
  }
  assert.equal(await candidate.evaluate(() => location.pathname), roomPath);
  await candidate.reload();
  await connected(candidate);
  assert.equal(await candidate.locator("#role").innerText(), "Candidate");
  assert.ok(!(await candidate.evaluate(() => location.href)).includes("token"));
  // Still one candidate in the room: the reloaded page is the same participant again.
  await interviewer.locator('#participants .participant[data-role="candidate"]:not(.offline)').waitFor(WAIT);
  assert.equal(await interviewer.locator('#participants .participant[data-role="candidate"]').count(), 1);
}));

test("an expired link shows why it cannot open the room", scenario(async ({ open, shot }) => {
  const page = await open(EXPIRED_URL);
  await expectFatal(page, 4401, "token_expired", /expired/);
  await shot(page, "expired-link");
}));

test("a link to a room that does not exist says so", scenario(async ({ open }) => {
  const page = await open(MISSING_ROOM_URL);
  await expectFatal(page, 4404, "room_not_found", /no such room/);
}));
