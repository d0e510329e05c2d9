// The problem library: the /problems page's search, filters and statement preview, and the
// room's picker opening the same search, from which an interviewer sets the room's problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { signUp } from "./support/accounts.mjs";

const result = (page, id) => page.locator(`.problem-result[data-problem="${id}"]`);

/** Waits until the search's results show `present` and none of `absent`. */
async function expectResults(page, present, absent) {
  for (const id of present) await result(page, id).waitFor(WAIT);
  for (const id of absent) await result(page, id).waitFor({ state: "detached", ...WAIT });
}

test("the library page finds problems by text, category and difficulty and previews the statement", scenario(async ({ open, shot }) => {
  const page = await open(`${BASE}/problems`);
  await expectResults(page, ["two-sum", "reverse-words"], []);

  await page.fill("#problem-search", "reverse");
  await expectResults(page, ["reverse-words"], ["two-sum"]);
  await page.waitForURL(/[?&]q=reverse/, WAIT);

  await page.fill("#problem-search", "");
  await page.selectOption("#problem-category", "hash-maps");
  await expectResults(page, ["two-sum"], ["reverse-words"]);
  await page.selectOption("#problem-difficulty", "hard");
  await expectResults(page, [], ["two-sum", "reverse-words"]);
  await page.selectOption("#problem-difficulty", "easy");
  await expectResults(page, ["two-sum"], ["reverse-words"]);

  // The statement is the server's HTML: paragraphs and code, no script, nothing inline.
  await result(page, "two-sum").click();
  const preview = page.locator('.problem-preview[data-problem="two-sum"]');
  await preview.waitFor(WAIT);
  assert.equal(await preview.locator("#preview-title").innerText(), "Two Sum");
  assert.ok((await preview.locator("#preview-statement p").count()) > 0, "the statement is rendered as paragraphs");
  assert.equal(await preview.locator("#preview-statement script, #preview-statement [style]").count(), 0);
  assert.match(await preview.locator(".problem-badges").innerText(), /easy/i);
  assert.ok((await preview.locator(".constraints li").count()) > 0, "the constraints are listed");

  // The search is in the address: a reload finds the same problems.
  await page.reload();
  await expectResults(page, ["two-sum"], ["reverse-words"]);
  assert.equal(await page.locator("#problem-difficulty").inputValue(), "easy");
  assert.equal(await page.locator("#problem-category").inputValue(), "hash-maps");
  await shot(page, "library");
}));

test("a signed-in member reaches the library from the dashboard and may write a problem", scenario(async ({ open }) => {
  const page = await signUp(open, { name: "Library Reader" });
  await page.click("#library-link");
  await page.waitForURL(`${BASE}/problems`, WAIT);
  await page.locator("#new-problem").waitFor(WAIT);
  await page.locator("#problem-source").waitFor(WAIT);
  await expectResults(page, ["two-sum"], []);
}));

test("the room's picker searches the library with filters and sets the chosen problem for everyone", scenario(async ({ open, shot }) => {
  const { links } = await createRoom({ title: "Picker room", starterCode: "print('hi')\n" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  assert.equal(await candidate.locator("#browse-problems").count(), 0, "candidates cannot pick");

  await interviewer.click("#browse-problems");
  const picker = interviewer.locator("#problem-picker");
  await picker.waitFor(WAIT);
  await expectResults(interviewer, ["two-sum", "reverse-words"], []);
  await picker.locator("#problem-category").selectOption("strings");
  await expectResults(interviewer, ["reverse-words"], ["two-sum"]);
  await result(interviewer, "reverse-words").click();
  await picker.locator('.problem-preview[data-problem="reverse-words"] #preview-statement').waitFor(WAIT);
  await shot(interviewer, "picker-filters");

  await picker.locator("#pick-problem").click();
  await picker.waitFor({ state: "detached", ...WAIT });
  const title = await interviewer.locator("#problem-title").innerText();
  assert.match(title, /reverse/i);
  await candidate.locator("#problem-title", { hasText: title }).waitFor(WAIT);
  // The pane shows the statement as the server's HTML, with its labels and constraints.
  await candidate.locator("#problem .statement.markdown p").first().waitFor(WAIT);
  // The constraints come with the problem's detail, loaded once the room names the problem.
  await candidate.locator("#problem .constraints li").first().waitFor(WAIT);
  assert.match(await candidate.locator("#problem .problem-badges").innerText(), /strings/i);
}));
