// Presence: a person's cursor in the code has the colour of their chip among the participants, on
// every page; two tabs of one link are one person, with one chip and a cursor per tab.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { waitForCode } from "./support/editor.mjs";

const CODE = "line one\nline two\nline three\n";

/** The colour of the chip of the participant with this role, as the page paints it. */
const chipColour = (page, role) =>
  page.locator(`#participants .participant[data-role="${role}"] .dot`).evaluate((dot) => getComputedStyle(dot).backgroundColor);

/** The colours of the other people's carets in the page's editor, as painted. */
const caretColours = (page) =>
  page.locator("#editor .cm-remote-caret").evaluateAll((carets) => carets.map((c) => getComputedStyle(c).borderLeftColor));

/** Puts the page's cursor in the editor, on this line (1-based). */
async function cursorOnLine(page, line) {
  await page.click("#editor .cm-content");
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
}

test("a person's cursor has their chip's colour on the other page", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Colour room", starterCode: CODE });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  await waitForCode(interviewer, "line three");
  await cursorOnLine(candidate, 2);
  await cursorOnLine(interviewer, 3);
  await interviewer.locator("#editor .cm-remote-caret").waitFor(WAIT);
  await candidate.locator("#editor .cm-remote-caret").waitFor(WAIT);

  const candidateColour = await chipColour(interviewer, "candidate");
  const interviewerColour = await chipColour(candidate, "interviewer");
  assert.notEqual(candidateColour, interviewerColour, "two people present have two colours");
  // Each chip is the same colour on both pages, and so is the cursor it stands for.
  assert.equal(await chipColour(candidate, "candidate"), candidateColour);
  assert.equal(await chipColour(interviewer, "interviewer"), interviewerColour);
  assert.deepEqual(await caretColours(interviewer), [candidateColour], "the candidate's cursor on the interviewer's page");
  assert.deepEqual(await caretColours(candidate), [interviewerColour], "the interviewer's cursor on the candidate's page");
}));

test("two tabs of one link are one chip with two cursors of its colour", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Two tabs room", starterCode: CODE });
  const [interviewer, firstTab, secondTab] = await join(open, { ...links, second: links.candidate }, ["interviewer", "candidate", "second"]);
  await waitForCode(interviewer, "line three");
  await cursorOnLine(firstTab, 1);
  await cursorOnLine(secondTab, 3);
  await interviewer.locator("#editor .cm-remote-caret").nth(1).waitFor(WAIT);

  assert.equal(await interviewer.locator("#participants .participant").count(), 2, "the interviewer and one candidate");
  assert.equal(await interviewer.locator('#participants .participant[data-role="candidate"]').count(), 1);
  const colour = await chipColour(interviewer, "candidate");
  assert.deepEqual(await caretColours(interviewer), [colour, colour], "both of the candidate's cursors, in the chip's colour");
  // Each tab sees the other's cursor, in its own colour.
  await firstTab.locator("#editor .cm-remote-caret").nth(0).waitFor(WAIT);
  assert.ok((await caretColours(firstTab)).includes(colour), "the first tab sees the second tab's cursor in the candidate's colour");
}));
