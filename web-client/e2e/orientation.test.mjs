// The welcome on a first join: who is here, what Run does, how the keyboard leaves the editor, and
// that it is dismissed for good in that room.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { connected, scenario } from "./support/scenario.mjs";
import { createRoom, templates } from "./support/rooms.mjs";
import { typeAtEnd, waitForCode } from "./support/editor.mjs";
import { joinAs, tabTo, text } from "./support/people.mjs";

test(
  "the welcome says who is here and what Run does, takes no focus, and Escape dismisses it for good in that room",
  { timeout: 120_000 },
  scenario(async ({ open, shot }) => {
    const starters = await templates();
    const { links } = await createRoom({ title: "Welcome room", starterCode: starters.python });
    const interviewer = await joinAs(open, links.interviewer, "Ada");
    const candidate = await joinAs(open, links.candidate, "Sam");
    const welcome = candidate.locator("#welcome");
    await welcome.waitFor(WAIT);
    await candidate.locator("#welcome-people", { hasText: "Ada (Interviewer)" }).waitFor(WAIT);
    assert.match(await text(candidate, "#welcome-title"), /Welcome to Welcome room/);
    assert.match(await text(candidate, "#welcome-people"), /you \(Candidate\)/);
    assert.match(await text(candidate, "#welcome-run"), /Run.*Ctrl\/Cmd\+Enter.*Input tab.*stdin/s);
    assert.match(await text(candidate, "#welcome-keys"), /Tab indents.*Esc, then Tab/);
    assert.equal(await candidate.locator("#welcome-submit").count(), 0, "no Submit in a room without a problem");
    // Not a modal: it holds no focus, and the editor takes typing while it shows.
    assert.equal(await candidate.evaluate(() => document.activeElement?.closest("#welcome") ?? null), null);
    await typeAtEnd(candidate, "# typed while welcomed\n");
    await waitForCode(interviewer, "typed while welcomed");
    await shot(candidate, "welcome-candidate");

    // By keyboard: Esc then Shift+Tab leaves the editor and reaches the welcome's button above it,
    // Escape in it dismisses it, and the focus goes back to the editor.
    await tabTo(candidate, "#welcome-dismiss", "Shift+Tab");
    await candidate.keyboard.press("Escape");
    await welcome.waitFor({ state: "detached", ...WAIT });
    assert.ok(await candidate.evaluate(() => document.activeElement?.classList.contains("cm-content")), "the focus is in the editor");

    // A reload does not show it again; the interviewer, who did not dismiss it, still has theirs.
    await candidate.reload();
    await connected(candidate);
    await candidate.locator("#editor .cm-content", { hasText: "typed while welcomed" }).waitFor(WAIT);
    assert.equal(await candidate.locator("#welcome").count(), 0, "dismissed for good");
    await interviewer.reload();
    await connected(interviewer);
    await interviewer.locator("#welcome").waitFor(WAIT);
    await tabTo(interviewer, "#welcome-dismiss");
    await interviewer.keyboard.press("Enter");
    await interviewer.locator("#welcome").waitFor({ state: "detached", ...WAIT });

    // Another room, in the same browser, welcomes again.
    const other = await createRoom({ title: "Second room", starterCode: "print(1)\n" });
    const again = await joinAs(open, other.links.candidate, "Sam");
    await again.locator("#welcome-title", { hasText: "Welcome to Second room" }).waitFor(WAIT);
  }),
);
