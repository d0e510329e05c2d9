// After the interview: the interviewer who ends it stays in the room, read-only, with the final
// code, the notes and the runs; submits a scorecard on the report page, edits it, and prints the
// report to PDF, which poppler's pdftoppm and pdftotext read back as a clean document. The
// candidate's link dies with the interview, for the report as for the room.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { BASE, RUN_WAIT, SHOTS, WAIT } from "./support/env.mjs";
import { expectFatal, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { waitForCode } from "./support/editor.mjs";
import { Audit } from "./support/axe.mjs";
import { signUp } from "./support/accounts.mjs";

const NOTES = "Explained the hash map before coding.";

/** The share of a greyscale page image's pixels that are not white (PGM, as pdftoppm -gray writes it). */
function inkOf(pgmFile) {
  const bytes = readFileSync(pgmFile);
  // Header: "P5", width, height, max value, each followed by whitespace; then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  assert.ok(header, "pdftoppm wrote a binary PGM");
  const [whole, width, height] = header;
  const pixels = bytes.subarray(whole.length);
  assert.equal(pixels.length, Number(width) * Number(height));
  let ink = 0;
  for (const value of pixels) if (value < 200) ink++;
  return ink / pixels.length;
}

test("an ended interview stays with its interviewer, who scores it and prints the report", scenario(async ({ open, shot }) => {
  const { id, links } = await createRoom({ title: "Report room", problemId: "two-sum" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);

  // Notes typed during the interview, and a submission of the starter code.
  await interviewer.locator(".notes-editor .cm-content").click();
  await interviewer.keyboard.type(NOTES);
  await waitForCode(candidate, "twoSum");
  await candidate.click("#submit");
  await interviewer.locator("#tests-summary", { hasText: /0 \/ 11 tests passed/ }).waitFor(RUN_WAIT);

  // The end: the candidate is thanked and shut out; the interviewer keeps the room, read-only.
  await interviewer.click("#end");
  await interviewer.click("#end-dialog-confirm");
  await expectFatal(candidate, 4410, "room_ended", /interview has ended/);
  const ended = interviewer.locator("#ended-room");
  await ended.waitFor(WAIT);
  assert.equal(await interviewer.locator("#fatal").count(), 0, "no closing screen for the interviewer");
  await interviewer.locator("#report-code code", { hasText: "def twoSum" }).waitFor(WAIT);
  await interviewer.locator("#report-notes", { hasText: NOTES }).waitFor(WAIT);
  assert.equal(await interviewer.locator("#report-runs .run-row").count(), 1);
  assert.match(await interviewer.locator("#report-runs").innerText(), /0 \/ 11 tests passed/);
  // Read-only: no editor, nothing to run, type or end.
  for (const control of [".cm-content", "#run", "#submit", "#end"]) {
    assert.equal(await interviewer.locator(control).count(), 0, `${control} is gone`);
  }
  assert.equal(await interviewer.locator("#open-timeline").getAttribute("href"), `/rooms/${id}/playback`);
  await shot(interviewer, "ended-room");

  // A reload opens the ended room again (the link still reads it); the candidate's is closed.
  await interviewer.reload();
  await ended.waitFor(WAIT);
  await interviewer.locator("#report-notes", { hasText: NOTES }).waitFor(WAIT);
  await candidate.goto(`${BASE}/rooms/${id}/report`);
  await candidate.locator("#report-error", { hasText: /interview has ended/ }).waitFor(WAIT);

  // The report page: the scorecard form first, then the report.
  await interviewer.click("#open-report");
  await interviewer.waitForURL(`**/rooms/${id}/report`);
  const form = interviewer.locator("#scorecard");
  await form.waitFor(WAIT);
  await interviewer.click("#scorecard-submit");
  await form.locator(".form-error", { hasText: /Rate Problem solving/ }).waitFor(WAIT);
  const ratings = { "Problem solving": 3, "Code quality": 2, Communication: 4, Testing: 1 };
  for (const [criterion, rating] of Object.entries(ratings)) {
    await interviewer.check(`input[data-criterion="${criterion}"][value="${rating}"]`);
  }
  await interviewer.check('input[name="recommendation"][value="yes"]');
  await interviewer.fill("#scorecard-notes", "Clear reasoning; no tests of the edge cases.");
  await interviewer.click("#scorecard-submit");
  const card = interviewer.locator("#report-scorecards .scorecard");
  await card.waitFor(WAIT);
  assert.match(await card.innerText(), /Problem solving\s+●●●○ 3 · Good/);
  assert.match(await card.innerText(), /Yes/);
  assert.match(await card.innerText(), /no tests of the edge cases/);
  // Submitted once; then edited in place.
  await interviewer.locator("#scorecard-submit", { hasText: "Save scorecard" }).waitFor(WAIT);
  await interviewer.check('input[name="recommendation"][value="strong_yes"]');
  await interviewer.click("#scorecard-submit");
  await card.locator(".recommendation", { hasText: "Strong yes" }).waitFor(WAIT);
  assert.equal(await card.count(), 1, "one scorecard per interviewer");

  // The rest of the report, hidden test cases included for the interviewer.
  assert.match(await interviewer.locator("#report-hints-used").innerText(), /0 of 3 hints used/);
  assert.match(await interviewer.locator("#report-submissions-line").innerText(), /1 submission/);
  assert.ok((await interviewer.locator("#report-runs .hidden-case").count()) > 0, "hidden cases are listed");
  await interviewer.locator("#report-notes", { hasText: NOTES }).waitFor(WAIT);
  await interviewer.locator("#report").scrollIntoViewIfNeeded();
  await interviewer.evaluate(() => document.querySelector("#report").scrollIntoView());
  await shot(interviewer, "report");
  const audit = new Audit();
  await audit.check(interviewer, "the report page with the scorecard form");
  audit.assertClean();

  // Printed to PDF: the report without the page's controls, checked as poppler reads it; black on
  // white even from the dark theme.
  await interviewer.emulateMedia({ colorScheme: "dark" });
  const dir = mkdtempSync(joinPath(tmpdir(), "coderoom-report-"));
  const pdf = joinPath(dir, "report.pdf");
  await interviewer.pdf({ path: pdf, format: "A4", printBackground: true });
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
  // Lower case: the print keeps the page's capitalised headings.
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).toLowerCase();
  for (const expected of ["Interview report", "Report room", "Scorecards", "Strong yes", "def twoSum", NOTES, "0 of 3 hints used", "Runs and submissions"]) {
    assert.ok(text.includes(expected.toLowerCase()), `the PDF says "${expected}"`);
  }
  for (const control of ["Print or save as PDF", "Your scorecard", "Submit scorecard", "Save scorecard", "Back to the room"]) {
    assert.ok(!text.includes(control.toLowerCase()), `the PDF has no "${control}"`);
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
  assert.ok(pages >= 2, `the code starts a page of its own (${pages} pages)`);
  execFileSync("pdftoppm", ["-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, joinPath(dir, "page")]);
  const ink = inkOf(joinPath(dir, "page.pgm"));
  // Black text on white paper: some ink, far from a dark-theme page printed as it is on screen.
  assert.ok(ink > 0.005 && ink < 0.25, `the first page is a printed document (${(ink * 100).toFixed(1)} % ink)`);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, joinPath(dir, "first")]);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(joinPath(dir, "first.png"), joinPath(SHOTS, "report-pdf.png"));
}));

test("a team's owner sets the scorecard criteria, and the team's scorecards rate them", scenario(async ({ open, shot }) => {
  const owner = await signUp(open, { name: "Ada Owner" });
  await owner.goto(`${BASE}/settings`);
  const section = owner.locator("#scorecard-criteria");
  await section.waitFor(WAIT);
  assert.deepEqual(await section.locator(".criterion-name").evaluateAll((inputs) => inputs.map((i) => i.value)), ["Problem solving", "Code quality", "Communication", "Testing"]);
  await owner.fill("#criterion-1", "Design");
  await owner.getByRole("button", { name: "Remove Testing" }).click();
  await owner.click("#add-criterion");
  await owner.fill("#criterion-3", "Curiosity");
  await owner.click("#save-criteria");
  await section.locator('[role="status"]', { hasText: "Saved" }).waitFor(WAIT);
  await shot(owner, "settings-scorecard-criteria");

  // A room of the team: its scorecard form asks for the team's criteria, and the owner's
  // scorecard, written signed in, is theirs by name.
  const roomId = await owner.evaluate(async () => {
    const response = await fetch("/api/rooms", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Team criteria room", language: "python" }) });
    return (await response.json()).id;
  });
  await owner.goto(`${BASE}/rooms/${roomId}/report`);
  await owner.locator("#scorecard").waitFor(WAIT);
  assert.deepEqual(await owner.locator("#scorecard .rating-group legend").allInnerTexts(), ["Problem solving", "Design", "Communication", "Curiosity", "Recommendation"]);
  for (const criterion of ["Problem solving", "Design", "Communication", "Curiosity"]) {
    await owner.check(`input[data-criterion="${criterion}"][value="4"]`);
  }
  await owner.check('input[name="recommendation"][value="strong_yes"]');
  await owner.click("#scorecard-submit");
  const card = owner.locator("#report-scorecards .scorecard");
  await card.waitFor(WAIT);
  assert.match(await card.innerText(), /Ada Owner/);
  assert.match(await card.innerText(), /Curiosity\s+●●●● 4 · Excellent/);
  assert.ok(((await card.getAttribute("data-author")) ?? "").startsWith("user:"), "keyed by the member, not a link");
}));
