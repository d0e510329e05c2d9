// The dashboard, signed in with a passkey: plan an interview, copy its links, re-issue the
// candidate link (the old one dies and its open page is told), end it, find it under past
// interviews, delete it, and see in PostgreSQL that nothing but its tombstone is left. And the
// candidate's recording notice, read and agreed to once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, CONTROL, WAIT } from "./support/env.mjs";
import { DESKTOP, NARROW, connected, scenario } from "./support/scenario.mjs";
import { signUp } from "./support/accounts.mjs";

/** What PostgreSQL holds of a room, table by table (BrowserIT reads it). */
async function storedRows(roomId) {
  const response = await fetch(`${CONTROL}/room-rows?id=${encodeURIComponent(roomId)}`);
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const row = (page, roomId) => page.locator(`tr.room-row[data-room="${roomId}"]`);

/** Opens one of a row's menus ("Copy link" or "More") and clicks an item of it. */
async function menu(page, roomId, summary, item) {
  const details = row(page, roomId).locator("details.menu", { has: page.locator("summary", { hasText: summary }) });
  await details.locator("summary").click();
  await details.locator(item).click();
}

/** Tomorrow at 10:00 in the page's time zone, as a datetime-local input takes it. */
function tomorrowAtTen() {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

test("an interviewer plans, shares, re-issues, ends and deletes an interview from the dashboard", scenario(async ({ open, shot }) => {
  const page = await signUp(open, { name: "Ada Interviewer" });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  await page.locator("#group-upcoming").waitFor(WAIT);

  // Plan it: schedule, candidate, problem; the form explains how long the candidate link lasts.
  await page.click("#new-interview");
  await page.fill("#room-title", "Backend interview");
  await page.fill("#candidate-name", "Grace Candidate");
  await page.fill("#candidate-email", "grace@example.com");
  await page.fill("#scheduled-at", tomorrowAtTen());
  await page.fill("#duration", "45");
  await page.locator('#room-language option[value="python"]').waitFor({ state: "attached", ...WAIT });
  await page.selectOption("#room-language", "python");
  await page.locator('#room-problem option[value="two-sum"]').waitFor({ state: "attached", ...WAIT });
  await page.selectOption("#room-problem", "two-sum");
  assert.match(await page.locator("#validity-hint").innerText(), /scheduled time, plus the duration, plus a 2-hour margin/);
  await shot(page, "dashboard-create");
  await page.click("#create-room-save");
  await page.locator("#created-dialog").waitFor(WAIT);
  assert.match(await page.locator("#created-validity").innerText(), /valid until .*2-hour margin/);
  await page.click('#created-dialog button.copy[data-role="candidate"]');
  // The copy is done (it is asynchronous) when the dialog says so.
  await page.locator("#created-dialog [role=status]", { hasText: "candidate link is copied" }).waitFor(WAIT);
  const firstCandidateLink = await clipboard(page);
  assert.match(firstCandidateLink, /\/rooms\/[A-Za-z0-9_-]+#token=/);
  const roomId = new URL(firstCandidateLink).pathname.split("/")[2];
  await page.click("#created-done");

  const upcoming = page.locator(`#group-upcoming tr.room-row[data-room="${roomId}"]`);
  await upcoming.waitFor(WAIT);
  assert.match(await upcoming.innerText(), /Grace Candidate/);
  assert.match(await upcoming.innerText(), /Two Sum/);
  assert.match(await upcoming.innerText(), /Ada Interviewer/);
  assert.match(await upcoming.innerText(), /45 min/);
  await shot(page, "dashboard-desktop-light");

  // The candidate opens the link: the recording notice comes first, and is asked once.
  const candidate = await open(firstCandidateLink);
  await candidate.locator("#candidate-notice").waitFor(WAIT);
  assert.match(await candidate.locator("#notice-detail").innerText(), /recorded/);
  assert.match(await candidate.locator("#notice-detail").innerText(), /deleted \d+ days after/);
  assert.equal(await candidate.locator('#connection[data-state="connected"]').count(), 0, "no socket before the candidate agrees");
  await shot(candidate, "candidate-notice");
  await candidate.click("#notice-continue");
  await connected(candidate);
  assert.equal((await storedRows(roomId)).room_consents, 1, "the consent is recorded");
  await candidate.reload();
  await connected(candidate);
  assert.equal(await candidate.locator("#candidate-notice").count(), 0, "consented once, not asked again");

  // The dashboard shows the interview as live, with who is connected.
  await page.selectOption("#filter-status", "live");
  const live = page.locator(`#group-live tr.room-row[data-room="${roomId}"]`);
  await live.locator(".live-indicator", { hasText: "candidate" }).waitFor(WAIT);
  await page.selectOption("#filter-status", "");

  // Copy links again at any time: each copy is a fresh link.
  await menu(page, roomId, "Copy link", "button.copy-observer");
  await page.locator("#dashboard-notice", { hasText: "observer link" }).waitFor(WAIT);
  const observerLink = await clipboard(page);
  assert.match(observerLink, new RegExp(`/rooms/${roomId}#token=`));
  await menu(page, roomId, "Copy link", "button.copy-candidate");
  await page.locator("#dashboard-notice", { hasText: "candidate link" }).waitFor(WAIT);
  assert.notEqual(await clipboard(page), firstCandidateLink);

  // Re-issue: the confirmation says what happens; the candidate's open page is told its link died.
  await menu(page, roomId, "More", "button.reissue");
  assert.match(await page.locator("#reissue-dialog-message").innerText(), /stops working.*disconnected/);
  await page.click("#reissue-dialog-confirm");
  await page.locator("#dashboard-notice", { hasText: "stopped working" }).waitFor(WAIT);
  const newCandidateLink = await clipboard(page);
  await candidate.locator('#fatal[data-code="4401"]').waitFor(WAIT);
  assert.match(await candidate.locator("#fatal-title").innerText(), /revoked/);
  const stale = await open(firstCandidateLink);
  await stale.locator('#fatal[data-code="4401"]').waitFor(WAIT);
  const fresh = await open(newCandidateLink);
  await fresh.locator("#candidate-notice").waitFor(WAIT);

  // Dark and narrow.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.locator('html[data-theme="dark"]').waitFor({ state: "attached", ...WAIT });
  await shot(page, "dashboard-desktop-dark");
  await page.setViewportSize(NARROW.viewport);
  await shot(page, "dashboard-narrow-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await shot(page, "dashboard-narrow-light");
  await page.setViewportSize(DESKTOP.viewport);

  // End it: it moves to past interviews.
  await menu(page, roomId, "More", "button.end");
  await page.click("#end-dialog-confirm");
  const past = page.locator(`#group-past tr.room-row[data-room="${roomId}"]`);
  await past.waitFor(WAIT);
  assert.match(await past.innerText(), /No submission/);
  // Its report and its timeline open from the row, for the signed-in team member.
  assert.equal(await past.locator("a.report-link").getAttribute("href"), `/rooms/${roomId}/report`);
  await past.locator("a.timeline-link").click();
  await page.locator("#pb-title").waitFor(WAIT);
  assert.equal(new URL(page.url()).pathname, `/rooms/${roomId}/playback`);
  await page.goBack();
  await past.waitFor(WAIT);

  // Delete it: the confirmation says everything goes; PostgreSQL keeps only the tombstone.
  assert.ok((await storedRows(roomId)).audit_log > 0);
  await past.locator("button.delete").click();
  assert.match(await page.locator("#delete-dialog-message").innerText(), /erases everything/);
  await page.click("#delete-dialog-confirm");
  await page.locator("#dashboard-notice", { hasText: "is deleted" }).waitFor(WAIT);
  await row(page, roomId).waitFor({ state: "detached", ...WAIT });
  assert.deepEqual(await storedRows(roomId), {
    rooms: 0,
    room_tokens: 0,
    audit_log: 0,
    document_updates: 0,
    document_snapshots: 0,
    runs: 0,
    room_consents: 0,
    room_tombstones: 1,
  });
}));

test("a signed-in member opens a room from the dashboard without a link and invites from inside it", scenario(async ({ open }) => {
  const page = await signUp(open, { name: "Lin Interviewer" });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  await page.click("#new-interview");
  await page.fill("#room-title", "Open from the dashboard");
  await page.click("#create-room-save");
  await page.locator("#created-dialog").waitFor(WAIT);
  await page.click("#created-done");
  const title = page.locator("a.room-title", { hasText: "Open from the dashboard" });
  await title.waitFor(WAIT);
  await title.click();
  await connected(page);
  assert.equal(await page.locator("body").getAttribute("data-role"), "interviewer");
  assert.ok(!page.url().includes("#token="), "the token never shows in the address bar");

  // The Invite control copies a fresh candidate link, which opens the room as a candidate.
  await page.click("#invite");
  await page.click("#invite-candidate");
  await page.locator("#invite-status", { hasText: "candidate link is copied" }).waitFor(WAIT);
  const link = await clipboard(page);
  const candidate = await open(link);
  await candidate.locator("#candidate-notice").waitFor(WAIT);
  await candidate.click("#notice-continue");
  await connected(candidate);
  assert.equal(await candidate.locator("body").getAttribute("data-role"), "candidate");
}));

test("a room with a password asks the candidate for it once, then the notice", scenario(async ({ open }) => {
  const page = await signUp(open);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  await page.click("#new-interview");
  await page.fill("#room-title", "Locked room");
  await page.fill("#room-password", "correct horse");
  await page.click("#create-room-save");
  await page.locator("#created-dialog").waitFor(WAIT);
  const link = await page.locator('#created-dialog .link-url[data-role="candidate"]').inputValue();
  const candidate = await open(link);
  await candidate.locator("#password-dialog").waitFor(WAIT);
  await candidate.fill("#join-password", "wrong horse");
  await candidate.click("#password-submit");
  await candidate.locator("#password-dialog .form-error", { hasText: "not the room's password" }).waitFor(WAIT);
  await candidate.fill("#join-password", "correct horse");
  await candidate.click("#password-submit");
  await candidate.locator("#candidate-notice").waitFor(WAIT);
  await candidate.click("#notice-continue");
  await connected(candidate);
  // A reload neither asks for the password nor for consent again.
  await candidate.reload();
  await connected(candidate);
  assert.equal(await candidate.locator("#password-dialog, #candidate-notice").count(), 0);
}));
