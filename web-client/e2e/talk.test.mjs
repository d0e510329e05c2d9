// Names chosen on joining, the room's chat in both directions and the interviewers' own channel,
// and hints revealed one at a time: with an interviewer, a candidate and an observer, each in a
// browser of their own. What the candidate must never get is checked on their control socket's
// frames, not only on their page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { WAIT } from "./support/env.mjs";
import { connected, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { text } from "./support/people.mjs";
import { Audit, THEMES, inTheme } from "./support/axe.mjs";

/** The problem's hints, as the server's catalogue file has them (no page may see them unrevealed). */
const HINTS = JSON.parse(readFileSync(new URL("../../server/src/main/resources/problems/two-sum/problem.json", import.meta.url), "utf8")).hints;

/**
 * Opens a link in a browser of its own with nothing remembered, records every frame its control
 * socket receives, answers the name question with `name`, and waits until it is in the room.
 */
async function joinNamed(open, url, name, options = undefined, asked = async () => undefined) {
  const page = await open(null, options);
  const frames = [];
  page.on("websocket", (socket) => {
    if (new URL(socket.url()).pathname.endsWith("/control")) socket.on("framereceived", ({ payload }) => frames.push(String(payload)));
  });
  await page.goto(url);
  await page.locator("#name-dialog").waitFor(WAIT);
  await asked(page);
  await page.fill("#join-name", name);
  await page.click("#name-submit");
  await connected(page);
  return { page, frames };
}

/**
 * Waits until a frame that matches has been recorded, from `from` on: Playwright reports a frame
 * to the test a moment after the page has it (the page may already show what it carried).
 */
async function received(frames, matches, what, from = 0) {
  const deadline = Date.now() + WAIT.timeout;
  while (!frames.slice(from).some(matches)) {
    assert.ok(Date.now() < deadline, what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the chat (if closed), on this channel when it has tabs, and sends a message. */
async function say(page, message, channel = null) {
  if ((await page.locator("#chat-toggle").getAttribute("aria-expanded")) !== "true") await page.click("#chat-toggle");
  if (channel) await page.click(`#tab-chat-${channel}`);
  await page.fill("#chat-input", message);
  await page.keyboard.press("Enter");
}

/** Waits until the page's open chat shows a message with this text, from this author. */
async function sees(page, author, message) {
  if ((await page.locator("#chat-toggle").getAttribute("aria-expanded")) !== "true") await page.click("#chat-toggle");
  const shown = page.locator(".chat-message", { hasText: message });
  await shown.waitFor(WAIT);
  assert.equal(await shown.locator(".chat-name").innerText(), author);
  assert.match(await shown.locator(".chat-time").innerText(), /\d{1,2}:\d{2}/);
}

test(
  "names are chosen on joining, chat goes both ways, the interviewers' channel and unrevealed hints never reach the candidate",
  { timeout: 180_000 },
  scenario(async ({ open, shot }) => {
    assert.equal(HINTS.length, 3);
    const { links } = await createRoom({ title: "Talk room", problemId: "two-sum" });
    const interviewer = await joinNamed(open, links.interviewer, "Ada Interviewer");
    const candidate = await joinNamed(open, links.candidate, "Sam Candidate");
    const observer = await joinNamed(open, links.observer, "Olu Observer");

    // Names: in the list of people and on the cursor.
    for (const page of [interviewer.page, observer.page]) {
      await page.locator('#participants .participant[data-role="candidate"]', { hasText: "Sam Candidate" }).waitFor({ state: "attached", ...WAIT });
    }
    await candidate.page.click("#editor .cm-content");
    await candidate.page.keyboard.type("# Sam was here\n");
    await interviewer.page.locator("#editor .cm-remote-caret .cm-remote-name", { hasText: "Sam Candidate" }).waitFor({ state: "attached", ...WAIT });

    // The welcome shows once per room and browser; out of the way for the screenshots.
    for (const { page } of [interviewer, candidate]) await page.click("#welcome-dismiss");

    // Chat both ways, with names and times; a link is only text.
    await say(candidate.page, "Hello! Can I use a hash map? See https://example.org/maps");
    await sees(interviewer.page, "Sam Candidate", "Can I use a hash map?");
    await sees(observer.page, "Sam Candidate", "Can I use a hash map?");
    assert.equal(await interviewer.page.locator(".chat-messages a").count(), 0, "a link in a message is not clickable");
    await say(interviewer.page, "Yes, go ahead.");
    await sees(candidate.page, "Ada Interviewer", "Yes, go ahead.");
    // The observer reads the room's chat but has nowhere to write.
    assert.equal(await observer.page.locator("#chat-input").count(), 0);

    // The interviewers' channel: the interviewer writes there; neither the candidate nor the
    // observer has the tab, and the candidate's socket never carries it.
    await say(interviewer.page, "Strong start, keep the hints for later.", "interviewers");
    await sees(interviewer.page, "Ada Interviewer", "Strong start");
    await shot(interviewer.page, "chat");
    await say(interviewer.page, "Marker after the private note.", "everyone");
    await sees(candidate.page, "Ada Interviewer", "Marker after the private note.");
    await sees(observer.page, "Ada Interviewer", "Marker after the private note.");
    for (const { page } of [candidate, observer]) {
      assert.equal(await page.locator("#tab-chat-interviewers").count(), 0);
      assert.equal(await page.locator(".chat-message", { hasText: "Strong start" }).count(), 0);
    }
    for (const { frames } of [candidate, observer]) {
      // The marker came after the private note, so once it is recorded, so is anything before it.
      await received(frames, (f) => f.includes("Marker after the private note."), "the marker reached the socket");
      assert.ok(!frames.some((f) => f.includes("Strong start") || f.includes('"interviewers"')), "nothing of the interviewers' channel on the socket");
    }

    // Hints: the interviewer reads the next one before revealing it; the others see none yet.
    await interviewer.page.locator("#hint-next .hint-text", { hasText: HINTS[0] }).waitFor(WAIT);
    assert.equal(await text(candidate.page, "#hints-used"), "0 of 3 hints used");
    assert.equal(await candidate.page.locator("#hint-next, #reveal-hint").count(), 0);
    await interviewer.page.click("#reveal-hint");
    await candidate.page.locator("#hints-used", { hasText: "1 of 3 hints used" }).waitFor(WAIT);
    await interviewer.page.locator("#hint-next .hint-text", { hasText: HINTS[1] }).waitFor(WAIT);
    await interviewer.page.click("#reveal-hint");
    for (const { page } of [candidate, observer, interviewer]) {
      await page.locator("#hints-used", { hasText: "2 of 3 hints used" }).waitFor(WAIT);
      assert.deepEqual(await page.locator("#hints .hint .hint-text").allInnerTexts(), HINTS.slice(0, 2));
    }
    assert.match(await candidate.page.locator("#hints .hint").first().innerText(), /Revealed by Ada Interviewer/);
    for (const { frames } of [candidate, observer]) {
      await received(frames, (f) => f.includes(HINTS[1]), "the revealed hints reached the socket");
      assert.ok(!frames.some((f) => f.includes(HINTS[2])), "the third hint never did");
    }
    await candidate.page.click("#chat-close");
    await candidate.page.locator("#hints").scrollIntoViewIfNeeded();
    await shot(candidate.page, "hints");

    // A reload: the name is remembered, and the welcome brings the room's chat and the revealed
    // hints back, still without the interviewers' channel or the third hint.
    const before = candidate.frames.length;
    await candidate.page.reload();
    await connected(candidate.page);
    assert.equal(await candidate.page.locator("#name-dialog").count(), 0, "the name is not asked again");
    await interviewer.page.locator('#participants .participant[data-role="candidate"]:not(.offline)', { hasText: "Sam Candidate" }).waitFor({ state: "attached", ...WAIT });
    await sees(candidate.page, "Ada Interviewer", "Yes, go ahead.");
    await sees(candidate.page, "Sam Candidate", "Can I use a hash map?");
    await candidate.page.locator("#hints-used", { hasText: "2 of 3 hints used" }).waitFor(WAIT);
    await received(candidate.frames, (f) => f.includes('"welcome"') && f.includes(HINTS[1]), "the welcome carries the revealed hints", before);
    const again = candidate.frames.slice(before);
    assert.ok(!again.some((f) => f.includes("Strong start") || f.includes(HINTS[2])), "and nothing the candidate may not see");
  }),
);

test(
  "the name question, the chat with both channels and the hints pass axe in both themes",
  { timeout: 180_000 },
  scenario(async ({ open }) => {
    const audit = new Audit();
    for (const colorScheme of THEMES) {
      const { links } = await createRoom({ title: `Accessible talk (${colorScheme})`, problemId: "two-sum" });
      const { page } = await joinNamed(open, links.interviewer, "Ada Interviewer", inTheme(colorScheme), (asked) => audit.check(asked, `the name question (${colorScheme})`));
      await page.click("#welcome-dismiss");
      await say(page, "A message for the room.");
      await say(page, "A note for the interviewers.", "interviewers");
      await sees(page, "Ada Interviewer", "A note for the interviewers.");
      await page.click("#reveal-hint");
      await page.locator("#hints-used", { hasText: "1 of 3 hints used" }).waitFor(WAIT);
      await audit.check(page, `the chat and the hints (${colorScheme})`);
    }
    audit.assertClean();
  }),
);
