// Passkeys in Chromium: signing up through a one-time link, signing out and in again, sessions
// across browsers, a link used twice, a copied passkey, and recovery onto a new device. Each
// browser context has its own virtual authenticator (support/accounts.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, WAIT } from "./support/env.mjs";
import { DESKTOP, NARROW, scenario } from "./support/scenario.mjs";
import {
  addAuthenticator,
  authenticatorOf,
  claimLink,
  issueLink,
  passkeysOf,
  postFrom,
  putPasskeys,
  sessionOf,
  signInWithPasskey,
  signUp,
} from "./support/accounts.mjs";

test("a new team owner registers a passkey through the setup link, signs out, signs in again with it, and a reload keeps the session", scenario(async ({ open, shot }) => {
  const link = await issueLink({ purpose: "setup", teamName: "Passkey team" });
  assert.match(link.url, /\/account\/link#token=/);
  const page = await open(null, DESKTOP);
  await addAuthenticator(page);
  await page.goto(link.url);
  await page.locator("#link-title", { hasText: "Create the first administrator" }).waitFor(WAIT);
  assert.equal(new URL(page.url()).hash, "", "the token leaves the address bar");
  await page.fill("#person-name", "Grace Owner");
  await shot(page, "account-link-setup");
  await page.click("#create-passkey");
  await page.waitForURL(`${BASE}/dashboard`, WAIT);

  const signedIn = await sessionOf(page);
  assert.equal(signedIn.status, 200);
  assert.equal(signedIn.body.user.name, "Grace Owner");
  assert.equal(signedIn.body.team.name, "Passkey team");
  assert.equal(signedIn.body.team.role, "owner");
  const [passkey] = await passkeysOf(page);
  assert.ok(passkey.isResidentCredential, "the passkey is discoverable");

  assert.equal(await postFrom(page, "/api/auth/signout"), 200);
  assert.equal((await sessionOf(page)).status, 401, "signed out");

  await signInWithPasskey(page);
  assert.equal((await sessionOf(page)).body.user.id, signedIn.body.user.id, "the same person again");
  await page.reload();
  const reloaded = await sessionOf(page);
  assert.equal(reloaded.status, 200, "a reload keeps the session");
  assert.equal(reloaded.body.user.id, signedIn.body.user.id);
  // Signed in, the sign-in page has nothing to offer and sends on to the dashboard.
  await page.goto(`${BASE}/signin`);
  await page.waitForURL(`${BASE}/dashboard`, WAIT);
}));

test("signing out everywhere ends the sessions of every browser, and a copied passkey that falls behind is refused", scenario(async ({ open }) => {
  const first = await signUp(open, { name: "Two Browsers" });
  const user = (await sessionOf(first)).body.user;

  // A second browser holds a copy of the passkey (as a cloned key would) and signs in with it.
  const second = await open(null, DESKTOP);
  await addAuthenticator(second);
  await putPasskeys(second, await passkeysOf(first));
  await signInWithPasskey(second);
  assert.equal((await sessionOf(second)).body.user.id, user.id);
  assert.equal((await sessionOf(first)).status, 200, "both browsers are signed in");

  // Signing out everywhere, in one browser, ends the other browser's session too.
  assert.equal(await postFrom(second, "/api/auth/signout-everywhere"), 200);
  assert.equal((await sessionOf(second)).status, 401, "this browser is signed out");
  assert.equal((await sessionOf(first)).status, 401, "and so is the other one");
  await first.reload();
  // The dashboard it was on sends a signed-out person to sign in.
  await first.waitForURL(`${BASE}/signin`, WAIT);
  assert.equal((await sessionOf(first)).status, 401, "a reload does not bring it back");

  // The copy moved the counter on; the original, now behind it, is refused as a clone.
  await first.goto(`${BASE}/signin`);
  await first.click("#passkey-signin");
  await first.locator("#signin-error", { hasText: "counter went backwards" }).waitFor(WAIT);
  assert.equal((await sessionOf(first)).status, 401);
}));

test("a setup link works once: opened again it says it was used, and the server refuses it", scenario(async ({ open, shot }) => {
  const link = await issueLink({ purpose: "setup" });
  const owner = await claimLink(open, link.url, { name: "Only Once" });
  assert.equal((await sessionOf(owner)).status, 200);

  const again = await open(null, DESKTOP);
  await addAuthenticator(again);
  await again.goto(link.url);
  await again.locator("#link-dead", { hasText: "already been used or has expired" }).waitFor(WAIT);
  assert.equal(await again.locator("#create-passkey").count(), 0, "nothing offers to use it");
  await shot(again, "account-link-used");

  const token = new URL(link.url).hash.replace(/^#token=/, "");
  const response = await fetch(`${BASE}/api/auth/passkey/register/options`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ linkToken: token, name: "Second Try" }),
  });
  assert.equal(response.status, 404);
  assert.equal((await response.json()).error, "link_invalid");
}));

test("a recovery link lets the same person add a passkey on a new device and sign in with it", scenario(async ({ open, shot }) => {
  const lost = await signUp(open, { name: "Lost Device" });
  const user = (await sessionOf(lost)).body.user;

  const link = await issueLink({ purpose: "recovery", user: user.id });
  const device = await open(null, NARROW);
  await addAuthenticator(device);
  await device.goto(link.url);
  await device.locator("#link-title", { hasText: "Recover access for Lost Device" }).waitFor(WAIT);
  assert.equal(await device.locator("#person-name").count(), 0, "recovery asks no name");
  await shot(device, "account-link-recovery-narrow");
  await device.click("#create-passkey");
  await device.waitForURL(`${BASE}/dashboard`, WAIT);
  assert.equal((await sessionOf(device)).body.user.id, user.id, "the same account");

  assert.equal(await postFrom(device, "/api/auth/signout"), 200);
  await signInWithPasskey(device);
  assert.equal((await sessionOf(device)).body.user.id, user.id, "the new passkey signs in");
  const [newPasskey] = await passkeysOf(device);
  const [oldPasskey] = await passkeysOf(lost);
  assert.notEqual(newPasskey.credentialId, oldPasskey.credentialId, "a new passkey, not a copy");
}));

test("the sign-in page, light and dark, on a desktop and a narrow screen", scenario(async ({ open, shot }) => {
  for (const [size, viewport] of [["desktop", DESKTOP], ["narrow", NARROW]]) {
    for (const colorScheme of ["light", "dark"]) {
      const page = await open(`${BASE}/signin`, { ...viewport, colorScheme });
      await page.locator(`html[data-theme="${colorScheme}"]`).waitFor({ state: "attached", ...WAIT });
      await page.locator("#passkey-signin").waitFor(WAIT);
      assert.equal(await page.title(), "Sign in · Coderoom");
      assert.ok(await page.locator("#passkey-signin").isEnabled());
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.viewport.width, `nothing wider than the ${size} screen (${width} px)`);
      await shot(page, `signin-${size}-${colorScheme}`);
    }
  }
}));

test("a signed-in person adds a spare passkey on the settings page and signs in with it; the same device is not registered twice", scenario(async ({ open }) => {
  const page = await signUp(open, { name: "Spare Key" });
  const user = (await sessionOf(page)).body.user;
  // The device forgets the first passkey (a lost phone, say): only the one added now remains.
  const { cdp, authenticatorId } = authenticatorOf(page);
  await cdp.send("WebAuthn.clearCredentials", { authenticatorId });

  await page.goto(`${BASE}/settings`);
  await page.fill("#passkey-name", "Spare");
  await page.click("#add-passkey");
  await page.locator("#passkey-outcome", { hasText: "Passkey added" }).waitFor(WAIT);
  assert.equal((await passkeysOf(page)).length, 1);

  // The account lists this device's passkey now, so the browser will not make a second one here.
  await page.click("#add-passkey");
  await page.locator("#passkey-outcome", { hasText: "already holds a passkey" }).waitFor(WAIT);
  assert.equal((await passkeysOf(page)).length, 1);

  assert.equal(await postFrom(page, "/api/auth/signout"), 200);
  await signInWithPasskey(page);
  assert.equal((await sessionOf(page)).body.user.id, user.id, "the spare passkey signs in to the same account");
}));
