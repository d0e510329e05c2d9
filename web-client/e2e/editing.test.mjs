// Editing together: edits and cursors both ways, undo of your own edits only, and every language's mode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { connected, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { code, typeAtEnd, waitForCode, waitForExactCode, waitForNoCode } from "./support/editor.mjs";

test("edits go both ways and remote cursors show with names", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Editing room" });
  const [interviewer, candidate, observer] = await join(open, links);
  await candidate.click("#editor .cm-content");
  await candidate.keyboard.type("# typed by the candidate");
  await candidate.keyboard.press("Enter");
  await candidate.keyboard.insertText("print('hello from the candidate')\n");
  await waitForCode(interviewer, "hello from the candidate");
  await waitForCode(observer, "hello from the candidate");
  await interviewer.locator("#editor .cm-remote-caret .cm-remote-name", { hasText: "candidate" }).waitFor(WAIT);

  await typeAtEnd(interviewer, "for i in range(3):\n    print('line', i, flush=True)\n");
  await waitForCode(candidate, "print('line', i, flush=True)");
  await waitForCode(observer, "print('line', i, flush=True)");
  await candidate.locator("#editor .cm-remote-caret .cm-remote-name", { hasText: "interviewer" }).waitFor(WAIT);
  await waitForExactCode(observer, await code(candidate));
}));

// Each side's edit here is its first in the room (the code before it came from the server), so
// each undo step holds exactly that edit, however quickly the edits follow one another.
test("undo takes back only your own edits", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Undo room", starterCode: "print('from the start')\n" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  await waitForCode(candidate, "from the start");
  const before = await code(candidate);
  await typeAtEnd(candidate, "# a candidate's slip\n");
  await waitForCode(interviewer, "# a candidate's slip");
  // The interviewer's edit comes after the candidate's: undoing the latest change of the
  // document would take it back, undoing the candidate's own must not.
  await typeAtEnd(interviewer, "# the interviewer's line\n");
  await waitForCode(candidate, "# the interviewer's line");

  await candidate.keyboard.press("Control+z");
  await waitForNoCode(interviewer, "slip");
  assert.ok((await code(interviewer)).includes("# the interviewer's line"), "the interviewer's edit stays");
  assert.ok((await code(candidate)).includes("# the interviewer's line"), "the interviewer's edit stays for the candidate");

  await interviewer.click("#editor .cm-content");
  await interviewer.keyboard.press("Control+z");
  await waitForNoCode(candidate, "the interviewer's line");
  assert.equal(await code(candidate), before, "earlier code stays");
}));

test("every language's editor mode loads and highlights", scenario(async ({ open }) => {
  const snippets = {
    python: "def answer():\n    return 42\n",
    javascript: "const answer = () => 42;\n",
    typescript: "let answer: number = 42;\n",
    java: "class Answer { int value = 42; }\n",
    cpp: "int answer() { return 42; }\n",
    go: "package main\nfunc answer() int { return 42 }\n",
    csharp: "class Answer { public int Value = 42; }\n",
  };
  const page = await open(null);
  for (const [language, snippet] of Object.entries(snippets)) {
    const room = await createRoom({ title: `Mode ${language}`, language });
    await page.goto(room.links.interviewer);
    await connected(page);
    await page.click("#editor .cm-content");
    await page.keyboard.insertText(snippet);
    // Highlighted tokens are spans with the highlighter's generated classes (ͼ…); plain text has none.
    await page.locator('#editor .cm-line span[class*="ͼ"]').first().waitFor({ state: "attached", ...WAIT });
  }
}));
