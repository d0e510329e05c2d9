// Interviewers' accounts for the browser scenarios: one-time links from the API key, and pages
// signed in through them with Chromium's virtual authenticator (DevTools protocol WebAuthn
// domain), a real CTAP2 authenticator inside the browser that keeps its passkeys per page.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { API_KEY, BASE, WAIT } from "./env.mjs";
import { DESKTOP } from "./scenario.mjs";

const authenticators = new WeakMap();

/**
 * Issues a one-time link with the API key (bootstrap and automation): `purpose` is setup,
 * recovery (with `user`: an id or email) or invitation (with `teamId` and `role`).
 */
export async function issueLink(body, { base = BASE, apiKey = API_KEY } = {}) {
  const response = await fetch(`${base}/api/admin/links`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, `POST /api/admin/links: ${await response.clone().text()}`);
  return response.json();
}

/**
 * Gives the page an authenticator of its own, as a phone or laptop has: CTAP2, built in
 * (transport internal), holding discoverable passkeys, and verifying its user (as a fingerprint
 * or PIN would) without asking. Returns its id and the DevTools session that controls it.
 */
export async function addAuthenticator(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const authenticator = { cdp, authenticatorId };
  authenticators.set(page, authenticator);
  return authenticator;
}

/** The authenticator addAuthenticator gave this page. */
export function authenticatorOf(page) {
  const authenticator = authenticators.get(page);
  assert.ok(authenticator, "the page has a virtual authenticator");
  return authenticator;
}

/** The passkeys this page's authenticator holds (with their private keys and counters). */
export async function passkeysOf(page) {
  const { cdp, authenticatorId } = authenticatorOf(page);
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
}

/** Copies passkeys into this page's authenticator, as a cloned security key would hold them. */
export async function putPasskeys(page, credentials) {
  const { cdp, authenticatorId } = authenticatorOf(page);
  for (const credential of credentials) await cdp.send("WebAuthn.addCredential", { authenticatorId, credential });
}

/**
 * Opens a one-time link in a new browser context with an authenticator of its own, names the
 * new person (setup and invitation links), creates a passkey, and returns the page once it is
 * signed in on /dashboard.
 */
export async function claimLink(open, url, { name, options = DESKTOP } = {}) {
  const page = await open(null, options);
  await addAuthenticator(page);
  await page.goto(url);
  const create = page.locator("#create-passkey");
  await create.waitFor(WAIT);
  if (name !== undefined) await page.fill("#person-name", name);
  await create.click();
  await page.waitForURL(`${BASE}/dashboard`, WAIT);
  return page;
}

/**
 * Signs up as the owner of a new team: a setup link from the API key, claimed with a new passkey
 * in a new browser context. Returns the page, signed in on /dashboard. Takes `open` from
 * scenario(); options: `name`, `teamName`, `options` (the context's, default DESKTOP). The
 * signature signUp(open, base, apiKey, options) is accepted too.
 */
export async function signUp(open, ...rest) {
  const [base, apiKey, options = {}] = typeof rest[0] === "string" ? rest : [BASE, API_KEY, rest[0] ?? {}];
  const name = options.name ?? `Owner ${randomUUID().slice(0, 8)}`;
  const link = await issueLink({ purpose: "setup", teamName: options.teamName ?? `Team ${randomUUID().slice(0, 8)}` }, { base, apiKey });
  return claimLink(open, link.url, { name, options: options.options ?? DESKTOP });
}

/** The session the page's cookie stands for: GET /api/auth/session from the page, status and body. */
export async function sessionOf(page) {
  return page.evaluate(async () => {
    const response = await fetch("/api/auth/session", { headers: { accept: "application/json" } });
    return { status: response.status, body: await response.json().catch(() => null) };
  });
}

/** POSTs from the page (same origin, with its cookie), as its buttons would. */
export async function postFrom(page, path) {
  return page.evaluate(async (path) => (await fetch(path, { method: "POST" })).status, path);
}

/** Signs in on /signin with a passkey the page's authenticator holds, and waits for /dashboard. */
export async function signInWithPasskey(page) {
  await page.goto(`${BASE}/signin`);
  await page.locator("#passkey-signin").click();
  await page.waitForURL(`${BASE}/dashboard`, WAIT);
}
