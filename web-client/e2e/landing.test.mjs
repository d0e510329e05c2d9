// Creating a room from the dashboard (signed in with a passkey): its links, and the starter code
// it begins with. The start page sends a signed-in member to the dashboard, anyone else to sign in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, WAIT } from "./support/env.mjs";
import { connected, join, scenario } from "./support/scenario.mjs";
import { consent, problem, templates } from "./support/rooms.mjs";
import { replaceCode, waitForExactCode } from "./support/editor.mjs";
import { signUp } from "./support/accounts.mjs";

/** Fills the dashboard's form for a Python room without a problem and creates it. */
async function createPythonRoom(page, title) {
  await page.click("#new-interview");
  await page.fill("#room-title", title);
  await page.locator('#room-language option[value="python"]').waitFor({ state: "attached", ...WAIT });
  await page.selectOption("#room-language", "python");
  await page.locator("#room-problem").waitFor(WAIT);
  assert.equal(await page.locator("#room-problem").inputValue(), "", "no problem unless picked");
  assert.match(await page.locator("#start-hint").innerText(), /Python template/);
  await page.click("#create-room-save");
  await page.locator('.link-url[data-role="observer"]').waitFor(WAIT);
}

test("the start page sends a signed-in member to the dashboard and anyone else to sign in", scenario(async ({ open }) => {
  const stranger = await open(BASE);
  await stranger.waitForURL(`${BASE}/signin`, WAIT);
  assert.equal(await stranger.locator("#api-key").count(), 0, "the API key is for automation, not a page");
  const member = await signUp(open);
  await member.goto(BASE);
  await member.waitForURL(`${BASE}/dashboard`, WAIT);
  // Signing out on the dashboard ends the session: the start page then sends to sign in.
  await member.click("#sign-out");
  await member.waitForURL(`${BASE}/signin`, WAIT);
  await member.goto(BASE);
  await member.waitForURL(`${BASE}/signin`, WAIT);
}));

test("an interviewer creates a room on the dashboard and gets three links to it, which open on the template", scenario(async ({ open, shot }) => {
  const python = (await templates()).python;
  assert.ok(python, "Python comes with a template");
  const landing = await signUp(open);
  await createPythonRoom(landing, "Browser test interview");
  await landing.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  await landing.click('button.copy[data-role="candidate"]');
  await landing.locator("#created-dialog [role=status]", { hasText: "candidate link is copied" }).waitFor(WAIT);
  const copied = await landing.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await landing.locator('.link-url[data-role="candidate"]').inputValue());
  const links = {};
  for (const role of ["interviewer", "candidate", "observer"]) {
    links[role] = await landing.locator(`.link-url[data-role="${role}"]`).inputValue();
    assert.match(links[role], /\/rooms\/[A-Za-z0-9_-]+#token=/);
  }
  await shot(landing, "landing-links");
  // The candidate's recording notice is dashboard.test.mjs's; here the candidate has agreed.
  await consent(new URL(links.candidate).pathname.split("/")[2], links.candidate);

  // A room made on the landing page without a problem starts with the language's template.
  const [interviewer, candidate, observer] = await join(open, links);
  for (const page of [interviewer, candidate, observer]) await waitForExactCode(page, python);
  // The interviewer clears it for a blank start, and everyone sees that.
  await replaceCode(interviewer, "");
  await waitForExactCode(candidate, "");
  await waitForExactCode(observer, "");
}));

test("a room from the landing page starts with the template; changing language or problem offers their starter", scenario(async ({ open, shot }) => {
  const [starters, twoSum] = await Promise.all([templates(), problem("two-sum")]);
  const page = await signUp(open);
  await createPythonRoom(page, "Template room");
  await page.click("a.open-room");
  await connected(page);
  await waitForExactCode(page, starters.python);

  await page.selectOption("#language-select", "javascript");
  await page.locator("#replace-starter", { hasText: "Replace with JavaScript starter" }).waitFor(WAIT);
  await shot(page, "starter-offer");
  await page.click("#replace-starter");
  await waitForExactCode(page, starters.javascript);
  assert.ok(await page.locator("#starter-offer").isHidden());
  // The replacement is one step of the interviewer's undo history.
  await page.click("#editor .cm-content");
  await page.keyboard.press("Control+z");
  await waitForExactCode(page, starters.python);
  await page.keyboard.press("Control+y");
  await waitForExactCode(page, starters.javascript);

  await page.selectOption("#problem-select", "two-sum");
  await page.locator("#replace-starter", { hasText: "Replace with Two Sum JavaScript starter" }).waitFor(WAIT);
  await page.click("#replace-starter");
  await waitForExactCode(page, twoSum.starterCode.javascript);
  await page.locator("#submit").waitFor(WAIT);
  await shot(page, "desktop-interviewer-problem");

  // Code someone wrote is never offered for replacement.
  await page.click("#editor .cm-content");
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("// mine\n");
  await page.selectOption("#language-select", "python");
  // Switching written code's language is confirmed first: the code stays and runs as Python.
  await page.click("#language-dialog-confirm");
  await page.locator('#editor[data-language="python"]').waitFor(WAIT);
  assert.ok(await page.locator("#starter-offer").isHidden(), "no offer for edited code");
}));
