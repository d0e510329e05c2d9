// Authoring the other two kinds of team problem: a class whose cases are sequences of calls, and
// a whole program judged on its stdout. Each is written in the page, a row that does not fit says
// why, the reference solution passes on the real runner, the version is published, and the
// problem read back into the page saves again as the same folder. axe checks both forms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE, RUN_WAIT, WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { signUp } from "./support/accounts.mjs";
import { Audit } from "./support/axe.mjs";

const TALLY = `class Tally:
    def __init__(self, start):
        self.sum = start

    def add(self, n):
        self.sum += n

    def total(self):
        return self.sum
`;

const SUM = `import sys

print(sum(int(word) for word in sys.stdin.read().split()))
`;

/** Fills test row `i` (0-based) of the tests table. */
async function fillTest(page, i, input, expected, hidden = false) {
  const row = page.locator(`.tests-table tr[data-row="${i}"]`);
  await row.locator(".test-input").fill(input);
  await row.locator(".test-expected").fill(expected);
  if (hidden) await row.locator(".test-hidden").check();
}

/** The title, a category and a statement every problem needs. */
async function describeProblem(page, title, category) {
  await page.goto(`${BASE}/problems/new`);
  await page.fill("#problem-title-input", title);
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await page.fill("#problem-statement", `${title}: the task.`);
  await page.locator('input[name="language"][value="python"]').waitFor(WAIT);
}

/** Saves the new problem and answers its id, from the edit page's address it moves to. */
async function saveNew(page) {
  await page.click("#save-problem");
  await page.waitForURL(/\/problems\/team-[0-9a-f]{8}-[a-z0-9-]+\/edit$/, WAIT);
  await page.locator("#problem-version", { hasText: "Version 1" }).waitFor(WAIT);
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);
}

async function validateAndPublish(page, version) {
  await page.click("#validate-problem");
  await page.locator('#validation[data-passed="true"] li[data-language="python"][data-passed="true"]').waitFor(RUN_WAIT);
  await page.locator("#problem-version", { hasText: `Version ${version}` }).waitFor(WAIT);
  await page.click("#publish-problem");
  await page.locator("#authoring-notice", { hasText: "published" }).waitFor(WAIT);
}

/** The newest version's folder as the server stores it (GET /api/problems/{id}/source). */
async function source(page, id) {
  return page.evaluate(async (id) => {
    const response = await fetch(`/api/problems/${encodeURIComponent(id)}/source`);
    return { status: response.status, body: await response.json() };
  }, id);
}

/** Opens the saved problem in the page again, saves it unchanged, and finds the same folder stored. */
async function roundTrip(page, id, version) {
  const before = await source(page, id);
  assert.equal(before.status, 200, JSON.stringify(before.body));
  await page.goto(`${BASE}/problems/${encodeURIComponent(id)}/edit`);
  await page.locator("#problem-version", { hasText: `Version ${version}` }).waitFor(WAIT);
  await page.click("#save-problem");
  await page.locator("#problem-version", { hasText: `Version ${version + 1}` }).waitFor(WAIT);
  const after = await source(page, id);
  assert.deepEqual(after.body.source, before.body.source, "the page saves a problem it loaded as it was");
  return after.body.source;
}

test("an interviewer authors a design problem: a class, its constructor and methods, and cases of calls", { timeout: 600_000 }, scenario(async ({ open }) => {
  const page = await signUp(open, { name: "Design Author" });
  const audit = new Audit();
  const title = `Tally ${randomUUID().slice(0, 6)}`;
  await describeProblem(page, title, "design");

  await page.locator('input[name="kind"][value="design"]').check();
  await page.fill("#design-class", "Tally");
  await page.click("#add-constructor-param");
  await page.getByLabel("Constructor parameter 1 name").fill("start");
  await page.getByLabel("Constructor parameter 1 type").fill("int");
  await page.fill("#method-0-name", "add");
  await page.click("#add-method-0-param");
  await page.getByLabel("Method 1 parameter 1 name").fill("n");
  await page.getByLabel("Method 1 parameter 1 type").fill("int");
  assert.equal(await page.inputValue("#method-0-returns"), "void", "a new method returns nothing until told");
  await page.click("#add-method");
  await page.fill("#method-1-name", "total");
  await page.fill("#method-1-returns", "int");

  await page.fill("#starter-python", "class Tally:\n    def __init__(self, start):\n        pass\n\n    def add(self, n):\n        pass\n\n    def total(self):\n        return 0\n");
  await page.fill("#solution-python", TALLY);

  await fillTest(page, 0, '[["Tally","add","add","total"],[[1],[2],[3],[]]]', "[null,null,null,6]");
  await page.click("#add-test");
  // A row that does not fit the class says why beneath it, and saving is refused with it.
  await fillTest(page, 1, '[["Tally","subtract","total"],[[0],[1],[]]]', "[null,null,-1]");
  const error = page.locator('.tests-table [data-error-row="1"]');
  assert.match(await error.innerText(), /Test 2: call 2 names "subtract", which is not a method of Tally \(it has add, total\)/);
  assert.equal(await page.getByLabel("Test 2 input", { exact: true }).getAttribute("aria-invalid"), "true");
  await audit.check(page, "a design problem's form with a test that does not fit");
  await fillTest(page, 1, '[["Tally","add","total"],[[0],[1]]]', "[null,null,1]");
  assert.match(await error.innerText(), /Test 2: the input has 3 calls but 2 argument lists/);
  await fillTest(page, 1, '[["Tally","add","total"],[[0],[1],[]]]', "[null,1]");
  assert.match(await error.innerText(), /Test 2: the expected results are 2 for 3 calls/);
  await page.click("#save-problem");
  await page.locator("#authoring-errors", { hasText: "Test 2: the expected results are 2 for 3 calls" }).waitFor(WAIT);
  await fillTest(page, 1, '[["Tally","add","total"],[[-4],[1],[]]]', "[null,null,-3]", true);
  await error.waitFor({ state: "detached", ...WAIT });
  await page.click("#add-test");
  await fillTest(page, 2, '[["Tally","total","add","total"],[[5],[],[0],[]]]', "[null,5,null,5]", true);

  const id = await saveNew(page);
  await validateAndPublish(page, 1);

  const folder = await roundTrip(page, id, 1);
  assert.equal(folder.problem.kind, "design");
  assert.deepEqual(folder.problem.design, {
    class: "Tally",
    constructor: [{ name: "start", type: "int" }],
    methods: [
      { name: "add", params: [{ name: "n", type: "int" }], returns: "void" },
      { name: "total", params: [], returns: "int" },
    ],
  });
  assert.equal(folder.problem.function, undefined, "a design problem has no function");
  assert.deepEqual(folder.tests[1], { input: [["Tally", "add", "total"], [[-4], [1], []]], expected: [null, null, -3], hidden: true });
  // The loaded page shows the class as it was written.
  assert.equal(await page.locator('input[name="kind"][value="design"]').isChecked(), true);
  assert.equal(await page.inputValue("#design-class"), "Tally");
  assert.equal(await page.inputValue("#method-1-name"), "total");
  audit.assertClean();
}));

test("an interviewer authors a stdin/stdout problem: stdin and stdout as text, a token checker, a generated case", { timeout: 600_000 }, scenario(async ({ open, shot }) => {
  const page = await signUp(open, { name: "Program Author" });
  const audit = new Audit();
  const title = `Sum of numbers ${randomUUID().slice(0, 6)}`;
  await describeProblem(page, title, "math");

  await page.locator('input[name="kind"][value="stdio"]').check();
  await page.selectOption("#problem-checker", "tokens");
  await page.fill("#starter-python", "import sys\n\nsys.stdin.read()\nprint(0)\n");
  await page.fill("#solution-python", SUM);

  // Stdin and stdout are the text itself, over several lines, with quotes that JSON would escape.
  await fillTest(page, 0, "1 2\n3\n", "7\n"); // wrong on purpose: the sum is 6
  await page.click("#add-test");
  await fillTest(page, 1, "", "0");
  await page.click("#add-test");
  await fillTest(page, 2, "  -5\n\n 10   ", "5", true);
  await page.click("#add-test");
  const generated = page.locator('.tests-table tr[data-row="3"]');
  await generated.locator(".test-generated").check();
  await fillTest(page, 3, '{"$join": [{"$range": [1, 100000, 1]}, "\\n"]}', '"5000050000"', true);
  await generated.locator(".test-limit").fill("5000");

  await page.click("#tests-json-toggle");
  const tests = JSON.parse(await page.locator("#tests-json").inputValue());
  assert.deepEqual(tests[0], { input: ["1 2\n3\n"], expected: "7\n", hidden: false });
  assert.deepEqual(tests[3], { input: [{ $join: [{ $range: [1, 100000, 1] }, "\n"] }], expected: "5000050000", hidden: true, timeLimitMs: 5000 });
  await page.click("#tests-json-toggle");

  const id = await saveNew(page);
  await page.click("#validate-problem");
  const failed = page.locator('#validation[data-passed="false"] li[data-language="python"][data-passed="false"]');
  await failed.waitFor(RUN_WAIT);
  // The outputs are shown as the text they are, not as JSON strings.
  const failedCase = failed.locator('.validation-case[data-case="0"]');
  assert.equal((await failedCase.locator("pre.case-expected").innerText()).trim(), "7");
  assert.equal((await failedCase.locator("pre.case-actual").innerText()).trim(), "6");
  assert.equal(await page.locator('.validation-case[data-case="3"]').count(), 0, "the generated case passed");

  await fillTest(page, 0, "1 2\n3\n", "6\n");
  await validateAndPublish(page, 2);
  await page.locator(".tests-editor").scrollIntoViewIfNeeded();
  await shot(page, "authoring-stdio");
  await audit.check(page, "a stdio problem's form, validated");

  const folder = await roundTrip(page, id, 2);
  assert.equal(folder.problem.kind, "stdio");
  assert.equal(folder.problem.checker, "tokens");
  for (const field of ["function", "params", "returns", "design", "order"]) assert.equal(folder.problem[field], undefined, `a stdio problem has no ${field}`);
  assert.deepEqual(folder.tests[2], { input: ["  -5\n\n 10   "], expected: "5", hidden: true });
  assert.equal(await page.inputValue("#problem-checker"), "tokens");
  assert.equal(await page.getByLabel("Test 1 stdin", { exact: true }).inputValue(), "1 2\n3\n");
  assert.equal(await page.locator('.tests-table tr[data-row="3"] .test-generated').isChecked(), true);
  audit.assertClean();
}));
