// Signing in with an OpenID Connect provider: a real Keycloak's login form, in Chromium, into
// Coderoom. The first sign-in claims a setup link on its page; someone nobody invited is sent back
// to the sign-in page, which says why.
import { test } from "node:test";
import assert from "node:assert/strict";
import { API_KEY, BASE, KEYCLOAK, WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";

/** Keycloak starts alongside the other scenarios; this waits until its realm answers. */
async function keycloakReady() {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const answer = await fetch(`${KEYCLOAK.issuer}/.well-known/openid-configuration`);
      if (answer.ok) return;
    } catch {
      // still starting
    }
    if (Date.now() > deadline) throw new Error(`Keycloak at ${KEYCLOAK.issuer} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A setup link's token, from the API key (what ./coderoom up prints on a fresh install). */
async function setupLinkToken() {
  const answer = await fetch(`${BASE}/api/admin/links`, {
    method: "POST",
    headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ purpose: "setup", teamName: "Keycloak browser team" }),
  });
  assert.equal(answer.status, 201, await answer.clone().text());
  const { url } = await answer.json();
  return new URL(url).hash.replace(/^#token=/, "");
}

/** Fills Keycloak's real login form and submits it. */
async function signInAtKeycloak(page, user, password) {
  await page.locator("#username").waitFor(WAIT);
  assert.ok(page.url().startsWith(KEYCLOAK.issuer), `on Keycloak's page, not ${page.url()}`);
  await page.fill("#username", user);
  await page.fill("#password", password);
  await page.click("#kc-login");
}

/** What /api/auth/session says for the page's cookies. */
function session(page) {
  return page.evaluate(async () => {
    const answer = await fetch("/api/auth/session");
    return { status: answer.status, body: await answer.json() };
  });
}

test("a person opens a setup link, continues with Keycloak, signs in on its login form and lands on the dashboard signed in", { timeout: 240_000 }, scenario(async ({ open, shot }) => {
  await keycloakReady();
  const token = await setupLinkToken();
  const page = await open(`${BASE}/account/link#token=${token}`);
  await page.locator("#oidc-claim", { hasText: "Continue with Keycloak" }).click(WAIT);
  await page.locator("#username").waitFor(WAIT);
  await shot(page, "oidc-keycloak-login");
  await signInAtKeycloak(page, KEYCLOAK.user, KEYCLOAK.password);
  await page.waitForURL(`${BASE}/dashboard`, WAIT);

  const signedIn = await session(page);
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.equal(signedIn.body.user.name, KEYCLOAK.name);
  assert.equal(signedIn.body.team.name, "Keycloak browser team");
  assert.equal(signedIn.body.team.role, "owner");
  // The session cookie is out of the page's reach, and the sign-in's binding cookie is gone.
  assert.equal(await page.evaluate(() => document.cookie), "");
  const cookies = await page.context().cookies(BASE);
  const sessionCookie = cookies.find((c) => c.name === "coderoom_session");
  assert.ok(sessionCookie?.httpOnly, "an HttpOnly session cookie");
  assert.equal(sessionCookie.sameSite, "Lax");
  assert.equal(cookies.find((c) => c.name === "coderoom_oidc"), undefined);

  // In another browser the spent link says so; the person signs in from the sign-in page instead,
  // and the provider's identity finds the same account.
  const spent = await open(`${BASE}/account/link#token=${token}`);
  await spent.locator("#link-dead").waitFor(WAIT);
  const again = await open(`${BASE}/signin`);
  await again.locator("#oidc-signin").click(WAIT);
  await signInAtKeycloak(again, KEYCLOAK.user, KEYCLOAK.password);
  await again.waitForURL(`${BASE}/dashboard`, WAIT);
  const second = await session(again);
  assert.equal(second.status, 200);
  assert.equal(second.body.user.id, signedIn.body.user.id);
}));

test("someone nobody invited is sent back to the sign-in page, which says why, signed out", { timeout: 240_000 }, scenario(async ({ open, shot }) => {
  await keycloakReady();
  const page = await open(`${BASE}/signin`);
  await page.locator("#oidc-signin", { hasText: "Sign in with Keycloak" }).click(WAIT);
  await signInAtKeycloak(page, KEYCLOAK.uninvitedUser, KEYCLOAK.uninvitedPassword);
  await page.waitForURL(`${BASE}/signin?error=not_invited`, WAIT);
  await page.locator("#signin-error", { hasText: "Ask an administrator of your team for an invitation link" }).waitFor(WAIT);
  await shot(page, "oidc-not-invited");
  assert.equal((await session(page)).status, 401);
}));
