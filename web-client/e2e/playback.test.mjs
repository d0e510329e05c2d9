// Playback: an interviewer replays the interview from the server's record, moving the scrubber to
// a moment and seeing the code as the update log has it then, with its markers, play and jump;
// and the offline file, opened from file:// with the network off, replays the same session.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import * as Y from "yjs";
import { BASE, RUN_WAIT, WAIT } from "./support/env.mjs";
import { DESKTOP, join, scenario } from "./support/scenario.mjs";
import { Audit } from "./support/axe.mjs";
import { createRoom } from "./support/rooms.mjs";
import { code, typeAtEnd, waitForCode } from "./support/editor.mjs";

const TIMEOUT = { timeout: 180_000 };
const FINISHED = '#run-status[data-state="ok"], #run-status[data-state="failed"]';

const tokenOf = (url) => new URLSearchParams(new URL(url).hash.slice(1)).get("token");

/** The room's whole timeline, as an interviewer reads it. */
async function timelineOf(roomId, token) {
  const response = await fetch(`${BASE}/api/rooms/${roomId}/timeline`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

/** The code the log holds after every update made at or before `time` (ms since the epoch). */
function replayedAt(timeline, time) {
  const doc = new Y.Doc();
  for (const update of timeline.updates) {
    if (Date.parse(update.at) <= time) Y.applyUpdate(doc, Buffer.from(update.update, "base64"));
  }
  return doc.getText("codemirror").toString();
}

/** Waits until the stored log has caught up with the code the editor shows (it is written in batches). */
async function storedTimeline(roomId, token, text) {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    const timeline = await timelineOf(roomId, token);
    if (replayedAt(timeline, Infinity) === text) return timeline;
    assert.ok(Date.now() < deadline, "the update log caught up with the editor");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Moves the page's scrubber to this moment, as dragging it would, and waits until the page shows
 * the moment it settled on (the range's value, held to its bounds and whole seconds), which it
 * returns: the page draws the new moment, its code included, a moment after the input event.
 */
async function scrubTo(page, time) {
  const settled = await page.locator("#pb-scrubber").evaluate((input, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return input.value;
  }, time);
  await page.waitForFunction((moment) => document.querySelector("#pb-time")?.getAttribute("data-time") === moment, settled, WAIT);
  return Number(settled);
}

const shownCode = (page) => page.locator("#pb-code").textContent();

/** Two people type in three bursts a few seconds apart, with a run between; returns the final code. */
async function session(interviewer, candidate) {
  await typeAtEnd(candidate, "def add(a, b):\n    return a + b\n");
  await waitForCode(interviewer, "return a + b");
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await typeAtEnd(interviewer, "# checked by the interviewer\n");
  await waitForCode(candidate, "# checked by");
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await typeAtEnd(candidate, "print(add(2, 3))\n");
  await waitForCode(interviewer, "print(add(2, 3))");
  await candidate.keyboard.press("Control+Enter");
  await candidate.locator(FINISHED).waitFor(RUN_WAIT);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await typeAtEnd(candidate, "print('after the run')\n");
  await waitForCode(interviewer, "after the run");
  return code(interviewer);
}

test(
  "playback scrubs to a moment and shows the code the update log had then, with markers, play and jump",
  TIMEOUT,
  scenario(async ({ open, shot }) => {
    const { id, links } = await createRoom({ title: "Playback room" });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
    const final = await session(interviewer, candidate);
    const token = tokenOf(links.interviewer);
    const timeline = await storedTimeline(id, token, final);

    // The interviewer's tab keeps the room's token, so the playback page opens with it.
    await interviewer.goto(`${BASE}/rooms/${id}/playback`);
    await interviewer.locator("#pb-code").waitFor(WAIT);
    assert.equal(await shownCode(interviewer), final, "it opens at the end: the code as the interview left it");
    for (const kind of ["run", "joined"]) {
      assert.ok((await interviewer.locator(`.pb-marker[data-kind="${kind}"]`).count()) > 0, `a ${kind} marker on the scrubber`);
    }

    // A moment after the first burst and before the interviewer's line.
    const firstBurst = timeline.updates.find((u) => replayedAt(timeline, Date.parse(u.at)).includes("return a + b"));
    const moment = await scrubTo(interviewer, Date.parse(firstBurst.at) + 1000);
    const then = replayedAt(timeline, moment);
    assert.match(then, /return a \+ b/);
    assert.doesNotMatch(then, /checked by the interviewer|after the run/);
    assert.equal(await shownCode(interviewer), then, `the code at ${new Date(moment).toISOString()}`);
    assert.equal(Number(await interviewer.locator("#pb-time").getAttribute("data-position")), timeline.updates.filter((u) => Date.parse(u.at) <= moment).length);

    // Who typed what: each span names its author on hover.
    await scrubTo(interviewer, Number(await interviewer.locator("#pb-scrubber").getAttribute("max")));
    const authorOf = async (text) => interviewer.locator("#pb-code span", { hasText: text }).first().getAttribute("title");
    assert.equal(await authorOf("def add"), "Candidate");
    assert.equal(await authorOf("# checked by the interviewer"), "Interviewer");
    assert.notEqual(
      await interviewer.locator("#pb-code span", { hasText: "def add" }).first().getAttribute("class"),
      await interviewer.locator("#pb-code span", { hasText: "# checked by" }).first().getAttribute("class"),
      "two authors, two colours",
    );

    // Jump to the run from the start: the moment is the run's, its details open, the code is the log's then.
    await scrubTo(interviewer, Number(await interviewer.locator("#pb-scrubber").getAttribute("min")));
    await interviewer.click("#pb-next-run");
    const run = timeline.markers.find((m) => m.kind === "run");
    await interviewer.locator("#pb-detail", { hasText: "Run: ok" }).waitFor(WAIT);
    assert.equal(Number(await interviewer.locator("#pb-time").getAttribute("data-time")), Date.parse(run.at));
    assert.equal(await shownCode(interviewer), replayedAt(timeline, Date.parse(run.at)));
    assert.match(await shownCode(interviewer), /print\(add\(2, 3\)\)/);
    await shot(interviewer, "playback");
    const audit = new Audit();
    await audit.check(interviewer, "the playback page with a run open");
    audit.assertClean();

    // Play at 16×: the moment moves on by itself, and more code appears by the end.
    await interviewer.click("#pb-speed-16");
    await interviewer.click("#pb-play");
    const from = Date.parse(run.at);
    await interviewer.waitForFunction((start) => Number(document.querySelector("#pb-time")?.getAttribute("data-time")) > start, from, WAIT);
    // It stops by itself at the end of the session, showing the code as the interview left it.
    await interviewer.locator('#pb-play[aria-pressed="false"]').waitFor(WAIT);
    assert.equal(await interviewer.locator("#pb-time").getAttribute("data-time"), await interviewer.locator("#pb-scrubber").getAttribute("max"));
    assert.equal(await shownCode(interviewer), final, "played to the end");
  }),
);

test(
  "the exported file opens from file:// with the network off and replays the session",
  TIMEOUT,
  scenario(async ({ open, shot }) => {
    const { id, links } = await createRoom({ title: "Exported room" });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
    const final = await session(interviewer, candidate);
    const timeline = await storedTimeline(id, tokenOf(links.interviewer), final);

    // Downloaded from the playback page, as an interviewer saves it.
    await interviewer.goto(`${BASE}/rooms/${id}/playback`);
    await interviewer.locator("#pb-code").waitFor(WAIT);
    const [download] = await Promise.all([interviewer.waitForEvent("download", WAIT), interviewer.click("#pb-export")]);
    assert.equal(download.suggestedFilename(), `coderoom-${id}.html`);
    const file = joinPath(mkdtempSync(joinPath(tmpdir(), "coderoom-export-")), download.suggestedFilename());
    await download.saveAs(file);

    const offline = await open(null, { ...DESKTOP, offline: true });
    const requested = [];
    offline.on("request", (request) => requested.push(request.url()));
    await offline.goto(`file://${file}`);
    await offline.locator("#pb-code").waitFor(WAIT);
    assert.equal(await shownCode(offline), final);
    assert.equal(await offline.locator("#pb-title").textContent(), "Exported room");
    assert.ok((await offline.locator('.pb-marker[data-kind="run"]').count()) > 0, "the run's marker");
    const firstBurst = timeline.updates.find((u) => replayedAt(timeline, Date.parse(u.at)).includes("return a + b"));
    const moment = await scrubTo(offline, Date.parse(firstBurst.at) + 1000);
    assert.equal(await shownCode(offline), replayedAt(timeline, moment));
    await offline.click("#pb-next-run");
    await offline.locator("#pb-detail", { hasText: "Run: ok" }).waitFor(WAIT);
    assert.match(await offline.locator("#pb-report").textContent(), /Interview report/, "the report travels in the file");
    assert.deepEqual(requested.filter((url) => !url.startsWith("file:")), [], "the file asks nothing of any network");
    await shot(offline, "export");
  }),
);
