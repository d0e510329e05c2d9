// Authoring a team problem: an interviewer writes one, Validate catches a deliberately wrong
// test (naming the test and the language), the fixed version passes and is published, and it is
// picked in a room of the team, where a candidate submits against it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE, RUN_WAIT, WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { consent } from "./support/rooms.mjs";
import { signUp } from "./support/accounts.mjs";
import { replaceCode } from "./support/editor.mjs";

const SOLUTION = "def listSum(nums):\n    return sum(nums)\n";

/** Fills test row `i` (0-based) of the tests table. */
async function fillTest(page, i, input, expected, hidden = false) {
  const row = page.locator(`.tests-table tr[data-row="${i}"]`);
  await row.locator(".test-input").fill(input);
  await row.locator(".test-expected").fill(expected);
  if (hidden) await row.locator(".test-hidden").check();
}

test("an interviewer authors a team problem, Validate catches a wrong test, and the published problem is used in a room", { timeout: 600_000 }, scenario(async ({ open, shot }) => {
  const page = await signUp(open, { name: "Problem Author" });
  const title = `List sum ${randomUUID().slice(0, 6)}`;
  await page.goto(`${BASE}/problems/new`);
  await page.fill("#problem-title-input", title);
  await page.locator('input[name="category"][value="arrays"]').check();
  await page.fill("#problem-constraints", "0 <= nums.length <= 1000");
  await page.fill("#problem-statement", "Return the **sum** of `nums`.\n\n<script>alert(1)</script>");
  // The live preview is the server's safe HTML: the emphasis survives, the script does not.
  await page.locator("#statement-preview strong", { hasText: "sum" }).waitFor(WAIT);
  assert.equal(await page.locator("#statement-preview script").count(), 0);
  await page.fill("#problem-function", "listSum");
  await page.locator(".param-name").first().fill("nums");
  await page.locator(".param-type").first().fill("int[]");
  await page.fill("#problem-returns", "int");
  await page.locator('input[name="language"][value="python"]').waitFor(WAIT);
  await page.fill("#starter-python", "def listSum(nums):\n    return 0\n");
  await page.fill("#solution-python", SOLUTION);
  await fillTest(page, 0, "[[1,2,3]]", "6");
  for (let i = 1; i < 4; i++) await page.click("#add-test");
  await fillTest(page, 1, "[[]]", "0");
  await fillTest(page, 2, "[[5]]", "6"); // wrong on purpose: the sum of [5] is 5
  await fillTest(page, 3, "[[-1,1,7]]", "7", true);

  // The table and its JSON are the same tests.
  await page.click("#tests-json-toggle");
  assert.deepEqual(JSON.parse(await page.locator("#tests-json").inputValue())[2], { input: [[5]], expected: 6, hidden: false });
  await page.click("#tests-json-toggle");

  await page.click("#save-problem");
  await page.waitForURL(/\/problems\/team-[0-9a-f]{8}-[a-z0-9-]+\/edit$/, WAIT);
  const problemId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);
  await page.locator("#problem-version", { hasText: "Version 1" }).waitFor(WAIT);

  await page.click("#validate-problem");
  const validation = page.locator('#validation[data-passed="false"]');
  await validation.waitFor(RUN_WAIT);
  const python = validation.locator('li[data-language="python"][data-passed="false"]');
  assert.match(await python.locator('.validation-case[data-case="2"]').innerText(), /Test 3 failed[\s\S]*Expected\s*6[\s\S]*Got\s*5/);
  assert.equal(await page.locator('.tests-table tr[data-row="2"].failed-row').count(), 1, "the failing row is marked");
  assert.ok(await page.locator("#publish-problem").isDisabled(), "a failed validation cannot be published");
  await page.locator("#validation").scrollIntoViewIfNeeded();
  await shot(page, "authoring-failed-validation");

  await fillTest(page, 2, "[[5]]", "5");
  await page.click("#validate-problem");
  await page.locator('#validation[data-passed="true"]').waitFor(RUN_WAIT);
  await page.locator("#problem-version", { hasText: "Version 2" }).waitFor(WAIT);
  await page.click("#publish-problem");
  await page.locator("#authoring-notice", { hasText: "published" }).waitFor(WAIT);

  // A room of the team: its interviewer finds the team's problem in the picker.
  const room = await page.evaluate(async (roomTitle) => {
    const response = await fetch("/api/rooms", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: roomTitle, language: "python" }) });
    return { status: response.status, body: await response.json() };
  }, "Authored problem room");
  assert.equal(room.status, 201, JSON.stringify(room.body));
  const links = Object.fromEntries(Object.entries(room.body.links).map(([role, link]) => [role, link.url]));
  await consent(room.body.id, links.candidate);
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  await interviewer.click("#browse-problems");
  const picker = interviewer.locator("#problem-picker");
  await picker.locator("#problem-source").selectOption("team");
  await picker.locator("#problem-search").fill(title);
  await picker.locator(`.problem-result[data-problem="${problemId}"]`).click();
  await picker.locator(`.problem-preview[data-problem="${problemId}"]`).waitFor(WAIT);
  await picker.locator("#pick-problem").click();
  await candidate.locator("#problem-title", { hasText: title }).waitFor(WAIT);

  await replaceCode(candidate, SOLUTION);
  await candidate.click("#submit");
  await candidate.locator("#tests-summary", { hasText: "4 / 4 tests passed" }).waitFor(RUN_WAIT);
}));
