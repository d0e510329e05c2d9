// Typing in each language: real key presses into the language's template, relying on the editor's
// own indentation and bracket closing, make a program that compiles and runs. Tab indents by the
// language's unit and keeps the focus; Esc then Tab leaves the editor.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { connected, scenario } from "./support/scenario.mjs";
import { createRoom, templates } from "./support/rooms.mjs";
import { code, waitForExactCode } from "./support/editor.mjs";

const FINISHED = '#run-status[data-state="ok"], #run-status[data-state="failed"]';

// Each language's conventional indent unit (INDENT_UNITS in src/room/languages.ts, which the
// server's IndentUnitsTest checks the templates against). Written out again here on purpose: the
// test states what a candidate should get, not what the client happens to say.
const PYTHON = {
  unit: "    ",
  comment: "#",
  // The line of the template the program goes after, and the indentation Enter gives there.
  after: "def main():",
  depth: 1,
  // A loop with a nested block: each part is typed, then Enter. `header` ends on its bracket, so
  // that bracket matching can be seen before the header's last character.
  header: ["for i in range(3)", ":"],
  nested: "if i % 2 == 0:",
  inner: "print(i)",
  // Back out of both blocks: Enter keeps the inner depth, Backspace and Shift+Tab each take a unit.
  leave: ["Enter", "Backspace", "Shift+Tab"],
  last: 'print("done")',
};
const braces = ({ unit, after, depth, header, nested, inner, last }) => ({
  unit,
  comment: "//",
  after,
  depth,
  // `{` closes itself; Enter between the two puts the `}` on a line of its own, dedented.
  header: [header, ""],
  nested,
  inner,
  // Past the two closing braces, then Enter: the line after the loop, at the loop's depth.
  leave: ["ArrowDown", "ArrowDown", "End", "Enter"],
  last,
});
const LANGUAGES = {
  python: PYTHON,
  javascript: braces({
    unit: "  ",
    after: "console.log(lines[0]);",
    depth: 0,
    header: "for (let i = 0; i < 3; i++) {",
    nested: "if (i % 2 === 0) {",
    inner: "console.log(i);",
    last: 'console.log("done");',
  }),
  typescript: braces({
    unit: "  ",
    after: "console.log(lines[0]);",
    depth: 0,
    header: "for (let i: number = 0; i < 3; i++) {",
    nested: "if (i % 2 === 0) {",
    inner: "console.log(i);",
    last: 'console.log("done");',
  }),
  java: braces({
    unit: "  ",
    after: "public static void main(String[] args) throws IOException {",
    depth: 2,
    header: "for (int i = 0; i < 3; i++) {",
    nested: "if (i % 2 == 0) {",
    inner: "System.out.println(i);",
    last: 'System.out.println("done");',
  }),
  cpp: braces({
    unit: "  ",
    after: "int main() {",
    depth: 1,
    header: "for (int i = 0; i < 3; i++) {",
    nested: "if (i % 2 == 0) {",
    inner: "cout << i << endl;",
    last: 'cout << "done" << endl;',
  }),
  go: braces({
    unit: "\t",
    after: "func main() {",
    depth: 1,
    header: "for i := 0; i < 3; i++ {",
    nested: "if i%2 == 0 {",
    inner: "fmt.Println(i)",
    last: 'fmt.Println("done")',
  }),
  csharp: braces({
    unit: "    ",
    after: "public static void Main() {",
    depth: 2,
    header: "for (int i = 0; i < 3; i++) {",
    nested: "if (i % 2 == 0) {",
    inner: "Console.WriteLine(i);",
    last: 'Console.WriteLine("done");',
  }),
};

/** The text of the line the page's editor cursor is on. */
const cursorLine = (page) => page.locator("#editor .cm-activeLine").textContent();

/** Whether the page's focus is in its code editor. */
const focusInEditor = (page) =>
  page.evaluate(() => document.querySelector("#editor")?.contains(document.activeElement) ?? false);

/** What the template becomes once the program is typed after its `after` line. */
function expectedCode(template, language) {
  const { unit, after, depth, header, nested, inner, last } = language;
  const at = (extra) => unit.repeat(depth + extra);
  const typed =
    language === PYTHON
      ? [at(0) + header.join(""), at(1) + nested, at(2) + inner, at(0) + last]
      : [at(0) + header.join(""), at(1) + nested, at(2) + inner, at(1) + "}", at(0) + "}", at(0) + last];
  const lines = template.split("\n");
  const index = lines.findIndex((line) => line.trim() === after);
  assert.ok(index >= 0, `the template has the line ${after}:\n${template}`);
  return [...lines.slice(0, index + 1), ...typed, ...lines.slice(index + 1)].join("\n");
}

/**
 * In a room of its own on the language's template, opened in these two pages: types the program
 * after the template's line (checking bracket matching and comment toggling on the way) and runs
 * it; then Tab and Shift+Tab on a new line, search, and leaving the editor with Esc then Tab.
 */
async function typeAndRun({ candidate, observer }, id, template) {
  const language = LANGUAGES[id];
  const expected = expectedCode(template, language);
  const { links } = await createRoom({ title: `Typing ${id}`, language: id, starterCode: template });
  await Promise.all([candidate.goto(links.candidate), observer.goto(links.observer)]);
  await Promise.all([connected(candidate), connected(observer)]);
  // The language's mode has loaded once its keywords are highlighted.
  await candidate.locator('#editor .cm-line span[class*="ͼ"]').first().waitFor({ state: "attached", ...WAIT });
  const { unit } = language;
  const keys = candidate.keyboard;

  // To the end of the line the program follows, by keyboard, then a new line.
  await candidate.click("#editor .cm-content");
  await keys.press("Control+Home");
  const row = template.split("\n").findIndex((line) => line.trim() === language.after);
  for (let i = 0; i < row; i++) await keys.press("ArrowDown");
  await keys.press("End");
  await keys.press("Enter");

  // The loop's header; its closing bracket matches the opening one.
  await keys.type(language.header[0]);
  await candidate.locator("#editor .cm-matchingBracket").first().waitFor({ state: "attached", ...WAIT });
  await keys.type(language.header[1]);
  await keys.press("Enter");
  await keys.type(language.nested);
  await keys.press("Enter");
  await keys.type(language.inner);
  for (const key of language.leave) await keys.press(key);
  await keys.type(language.last);

  // Comment toggling knows the language's line comment.
  const lastLine = await cursorLine(candidate);
  await keys.press("Control+Slash");
  assert.equal(await cursorLine(candidate), lastLine.replace(/^\s*/, `$&${language.comment} `), `${id}: Mod-/ comments`);
  await keys.press("Control+Slash");
  assert.equal(await cursorLine(candidate), lastLine, `${id}: Mod-/ uncomments`);

  // The server has the typed code (the observer sees it) before the run takes it.
  const typed = await code(candidate);
  await waitForExactCode(observer, typed);
  await keys.press("Control+Enter");
  await candidate.locator(FINISHED).waitFor(RUN_WAIT);
  const output = await candidate.locator("#output").innerText();
  const status = await candidate.locator("#run-status").innerText();
  assert.equal(
    await candidate.locator("#run-status").getAttribute("data-state"),
    "ok",
    `${id}: ${status}\n${output}\n--- code:\n${await code(candidate)}`,
  );
  assert.match(output, /(^|\n)0\n2\ndone(\n|$)/, `${id}: the program's output`);
  assert.equal(typed, expected, `${id}: each line is indented by the language's unit`);

  // On a new line after the program, Tab adds one unit and keeps the focus; Shift+Tab takes it
  // away again.
  await candidate.locator("#editor .cm-content").focus();
  await keys.press("Enter");
  const indent = await cursorLine(candidate);
  await keys.press("Tab");
  assert.equal(await cursorLine(candidate), indent + unit, `${id}: Tab indents by ${JSON.stringify(unit)}`);
  assert.ok(await focusInEditor(candidate), `${id}: Tab keeps the focus in the editor`);
  await keys.press("Shift+Tab");
  assert.equal(await cursorLine(candidate), indent, `${id}: Shift+Tab dedents`);
  const atTheEnd = await code(candidate);

  // Search opens in the editor and finds the typed line.
  await keys.press("Control+f");
  await candidate.locator("#editor .cm-search input[name=search]").waitFor(WAIT);
  await keys.type("done");
  await candidate.locator("#editor .cm-searchMatch").first().waitFor({ state: "attached", ...WAIT });
  await keys.press("Escape");
  await candidate.locator("#editor .cm-search").waitFor({ state: "detached", ...WAIT });
  assert.ok(await focusInEditor(candidate), `${id}: closing search gives the editor its focus back`);

  // Esc then Tab leaves the editor.
  await keys.press("Escape");
  await keys.press("Tab");
  assert.ok(!(await focusInEditor(candidate)), `${id}: Esc then Tab moves the focus out of the editor`);
  assert.equal(await code(candidate), atTheEnd, `${id}: leaving the editor changed nothing`);
}

test(
  "typing in each of the seven languages indents by its unit, closes brackets, and the program runs",
  { timeout: 180_000 },
  scenario(async ({ open }) => {
    const templateOf = await templates();
    assert.deepEqual(Object.keys(templateOf).sort(), Object.keys(LANGUAGES).sort());
    // Three languages at a time, the slow compilers first, to keep the file's running time modest
    // (BrowserIT's --test-timeout limits each scenario file as a whole).
    const queue = ["java", "csharp", "cpp", "typescript", "go", "python", "javascript"];
    // Each worker's two pages go from room to room, keeping their browser contexts' caches.
    const worker = async () => {
      const pages = { candidate: await open(null), observer: await open(null) };
      while (queue.length > 0) {
        const id = queue.shift();
        await typeAndRun(pages, id, templateOf[id]);
      }
    };
    const failures = (await Promise.allSettled([worker(), worker(), worker()])).filter((r) => r.status === "rejected");
    if (failures.length > 0) throw failures[0].reason;
  }),
);
