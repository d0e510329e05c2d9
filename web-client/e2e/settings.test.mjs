// The settings page: API tokens shown once, used and revoked; the team's invitations by one-time
// link, roles and removal; and signing out everywhere. People sign in with real passkeys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { API_KEY, BASE, WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { claimLink, sessionOf, signUp } from "./support/accounts.mjs";

const ROOM = JSON.stringify({ title: "From the ATS", language: "python" });

/** POST /api/rooms with an API token, from outside the browser, as an integration would. */
async function createRoomWith(token) {
  const response = await fetch(`${BASE}/api/rooms`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: ROOM,
  });
  return response.status;
}

/** Reads the secret the page shows once, copies it with the page's button, and dismisses it. */
async function takeShownOnce(page) {
  await page.locator("#shown-once").waitFor(WAIT);
  const secret = await page.locator("#shown-once-secret").inputValue();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  await page.click("#shown-once-copy");
  await page.locator("#shown-once", { hasText: "Copied." }).waitFor(WAIT);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  return secret;
}

/** Answers yes in the page's confirmation dialog. */
async function confirm(page) {
  await page.locator("#settings-confirm").waitFor(WAIT);
  await page.click("#settings-confirm-confirm");
}

test("a member creates an API token, sees it once, an integration uses it, and revoking it stops it at once", scenario(async ({ open, shot }) => {
  const page = await signUp(open, BASE, API_KEY, { name: "Ada" });
  await page.goto(`${BASE}/settings`);
  await page.locator("#no-tokens").waitFor(WAIT);
  await page.fill("#token-name", "ATS");
  await page.check("#scope-reports-read");
  await page.click("#create-token");
  const token = await takeShownOnce(page);
  assert.match(token, /^crt_[A-Za-z0-9_-]{40,}$/);
  await shot(page, "settings-token-shown-once");
  await page.click("#shown-once-done");
  await page.locator("#shown-once").waitFor({ state: "detached", ...WAIT });
  assert.ok(!(await page.content()).includes(token), "the secret is gone from the page");

  assert.equal(await createRoomWith(token), 201, "the token creates rooms");
  await page.reload();
  const row = page.locator("#token-list li", { hasText: "ATS" });
  await row.waitFor(WAIT);
  assert.match(await row.innerText(), /rooms:create, reports:read/);
  assert.match(await row.innerText(), /used just now/);
  assert.ok(!(await page.content()).includes(token), "the list never shows the secret");
  await shot(page, "settings-tokens");

  await page.click('button[aria-label="Revoke ATS"]');
  await confirm(page);
  await page.locator("#no-tokens").waitFor(WAIT);
  assert.equal(await createRoomWith(token), 401, "a revoked token is refused at once");
}));

test("an owner invites by one-time link, the invitee joins, and the owner changes their role and removes them", scenario(async ({ open, shot }) => {
  const owner = await signUp(open, BASE, API_KEY, { name: "Grace" });
  await owner.goto(`${BASE}/settings`);
  await owner.locator("#invite").waitFor(WAIT);
  await owner.selectOption("#invite-role", "interviewer");
  await owner.fill("#invite-email", "linus@example.com");
  await owner.click("#invite");
  const url = await takeShownOnce(owner);
  assert.match(url, /\/account\/link#token=/);
  await owner.click("#shown-once-done");
  await owner.locator("#invitation-list li", { hasText: "linus@example.com" }).waitFor(WAIT);

  const invitee = await claimLink(open, url, { name: "Linus" });
  assert.equal((await sessionOf(invitee)).body.team.role, "interviewer");
  // An interviewer sees the team but none of the managers' controls.
  await invitee.goto(`${BASE}/settings`);
  await invitee.locator("#member-list li", { hasText: "Grace" }).waitFor(WAIT);
  assert.equal(await invitee.locator("#invite").count(), 0);
  assert.equal(await invitee.locator('button[aria-label^="Remove"]').count(), 0);

  await owner.reload();
  const linus = owner.locator("#member-list li", { hasText: "Linus" });
  await linus.waitFor(WAIT);
  await owner.locator("#no-invitations").waitFor(WAIT);
  await shot(owner, "settings-team");
  const linusId = await linus.getAttribute("data-user-id");
  await owner.selectOption(`#role-${linusId}`, "admin");
  await owner.waitForFunction(async () => (await (await fetch("/api/team")).json()).members.some((m) => m.role === "admin"), null, WAIT);
  assert.equal((await sessionOf(invitee)).body.team.role, "admin");

  await owner.click('button[aria-label="Remove Linus"]');
  await confirm(owner);
  await linus.waitFor({ state: "detached", ...WAIT });
  assert.equal((await sessionOf(invitee)).status, 401, "the removed member's session ended");
}));

test("signing out everywhere ends this browser's session and the others'", scenario(async ({ open }) => {
  const page = await signUp(open, BASE, API_KEY, { name: "Barbara" });
  await page.goto(`${BASE}/settings`);
  await page.click("#sign-out-everywhere");
  await confirm(page);
  await page.waitForURL(`${BASE}/signin`, WAIT);
  assert.equal((await sessionOf(page)).status, 401);
}));
