// What each role may do: observers only watch, a locked candidate only reads, a removed
// participant and an ended interview are shut out.
//
// Absence is proven after a marker: a later edit that must arrive through the same room (and, for
// the candidate, the same socket) as the forbidden one would have; once it is there, the forbidden
// edit is checked not to be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { expectFatal, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { assertNoCode, code, typeAtEnd, waitForCode } from "./support/editor.mjs";

test("the observer cannot type", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Observer room", starterCode: "print('shared code')\n" });
  const [interviewer, candidate, observer] = await join(open, links);
  await waitForCode(observer, "shared code");
  const before = await code(observer);
  // The role arrives with the welcome: its page is read-only once that is drawn.
  await observer.locator('#editor .cm-content[contenteditable="false"]').waitFor(WAIT);
  await observer.click("#editor .cm-content");
  await observer.keyboard.type("observer was here");
  assert.equal(await observer.locator("#editor .cm-content").getAttribute("contenteditable"), "false");

  // The marker: typed after the observer's attempt, it reaches the observer's page and the
  // interviewer's through the room, after anything the observer's page had sent before it.
  await typeAtEnd(candidate, "# the candidate's marker\n");
  await waitForCode(observer, "# the candidate's marker");
  await waitForCode(interviewer, "# the candidate's marker");
  assert.equal(await code(observer), `${before}# the candidate's marker\n`, "only the marker was added");
  for (const page of [observer, interviewer, candidate]) await assertNoCode(page, "observer was here", "the observer's typing got in");
}));

test("locking stops the candidate's edits and unlocking allows them again", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Lock room", starterCode: "print('shared code')\n" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  await interviewer.click("#lock");
  await candidate.locator('#banner[data-kind="locked"]').waitFor(WAIT);
  assert.match(await candidate.locator("#banner").innerText(), /locked/);
  await candidate.locator('#editor .cm-content[contenteditable="false"]').waitFor(WAIT);
  await candidate.click("#editor .cm-content");
  await candidate.keyboard.type("locked out");

  await interviewer.click("#lock");
  await candidate.locator("#banner").waitFor({ state: "hidden", ...WAIT });
  await candidate.locator('#editor .cm-content[contenteditable="true"]').waitFor(WAIT);
  // The marker: the candidate's next edit travels the candidate's socket after the locked one.
  await typeAtEnd(candidate, "print('after unlock')\n");
  await waitForCode(interviewer, "after unlock");
  for (const page of [candidate, interviewer]) await assertNoCode(page, "locked out", "the candidate typed while locked");
}));

test("a removed observer is told so and cannot come back", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Removal room" });
  const [interviewer, observer] = await join(open, links, ["interviewer", "observer"]);
  await interviewer.click('#participants .participant[data-role="observer"] .kick');
  await interviewer.click("#remove-dialog-confirm");
  await expectFatal(observer, 4403, "kicked", /removed/);
  // Listed a while longer, greyed out as gone.
  await interviewer.locator('#participants .participant.offline[data-role="observer"]').waitFor(WAIT);
  const again = await open(links.observer);
  await expectFatal(again, 4401, "token_revoked", /revoked/);
}));

test("ending the interview closes the room for everyone", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Ending room" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  await interviewer.click("#end");
  await interviewer.click("#end-dialog-confirm");
  await expectFatal(candidate, 4410, "room_ended", /interview has ended/);
  // The interviewer keeps the ended room, read-only (report.test.mjs goes through it).
  await interviewer.locator("#ended-room").waitFor(WAIT);
}));
