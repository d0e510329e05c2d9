// Run examples against Submit, and the room's Submissions tab: the examples are the public tests,
// shown in full to everyone; a submission runs every test, the performance case included, which
// stops a quadratic solution with time_limit and lets a linear one pass; the Submissions tab lists
// every run live and opens each one's code as it ran.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode, waitForExactCode } from "./support/editor.mjs";

const RUN_TIMEOUT = { timeout: 180_000 };

// Right, and quadratic: fine for the examples, far too slow for two-sum's 200,000 numbers.
const QUADRATIC = `def twoSum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
`;
const LINEAR = `def twoSum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
`;

test(
  "Run examples runs the public tests for everyone, Submit runs all, and the Submissions tab opens each run's code",
  RUN_TIMEOUT,
  scenario(async ({ open, shot }) => {
    const { links } = await createRoom({ title: "Submissions room", problemId: "two-sum" });
    const [interviewer, candidate, observer] = await join(open, links);
    await candidate.locator("#run-examples").waitFor(WAIT);
    assert.ok(await observer.locator("#run-examples").isHidden(), "observers cannot run the examples");
    const everyone = [interviewer, candidate, observer];

    await replaceCode(candidate, QUADRATIC);
    await waitForExactCode(interviewer, QUADRATIC);

    // Run examples: the three public tests, in full for all three, the observer included.
    await candidate.click("#run-examples");
    await Promise.all(everyone.map((page) => page.locator("#tests-summary", { hasText: "3 / 3 tests passed" }).waitFor(RUN_WAIT)));
    for (const page of everyone) {
      assert.equal(await page.locator("#tests-counts").innerText(), "public: 3/3 passed");
      assert.equal(await page.locator(".case").count(), 3);
      assert.match(await page.locator(".case .case-input").nth(1).textContent(), /nums = \[3, 2, 4\], target = 6/);
      assert.equal(await page.locator(".case .case-expected").nth(1).textContent(), "[1, 2]");
      assert.equal(await page.locator(".hidden-note").count(), 0, "no hidden test ran");
    }

    // Submit: every test; the performance case stops the quadratic solution at its time limit.
    await candidate.click("#submit");
    await Promise.all(everyone.map((page) => page.locator("#tests-summary", { hasText: "10 / 11 tests passed" }).waitFor(RUN_WAIT)));
    const overTime = interviewer.locator('.case[data-hidden="true"][data-status="time_limit"]');
    assert.equal(await overTime.count(), 1);
    assert.match(await overTime.locator("summary").innerText(), /Hidden test 10 · time_limit · \d+\.\d\d s/);
    assert.match(await overTime.innerText(), /time limit of 2000 ms/);
    for (const page of [candidate, observer]) {
      assert.match(await page.locator("#tests").innerText(), /Hidden tests: 7\/8 passed/);
      assert.equal(await page.locator('.case[data-hidden="true"]').count(), 0);
    }

    // The observer reads the Submissions tab; the next submission appears there as it happens.
    await observer.click("#tab-submissions");
    const rows = (page) => page.locator("#submissions-table tbody tr");
    await rows(observer).nth(1).waitFor(WAIT);
    assert.equal(await rows(observer).count(), 2);
    await replaceCode(candidate, LINEAR);
    await waitForExactCode(interviewer, LINEAR);
    await candidate.click("#submit");
    await observer.locator('#submissions-table tbody tr[data-kind="submit"][data-status="running"]').waitFor(RUN_WAIT);
    await candidate.locator("#tests-summary", { hasText: "11 / 11 tests passed" }).waitFor(RUN_WAIT);
    await observer.locator('#submissions-table tbody tr[data-status="ok"]').nth(2).waitFor(RUN_WAIT);
    assert.ok(await observer.locator("#submissions-panel").isVisible(), "the reader stayed in the Submissions tab");
    // Newest first: the linear submission, the quadratic one, the examples.
    for (const page of [observer, interviewer]) {
      if (page === interviewer) await interviewer.click("#tab-submissions");
      // All three finished on this page too (each page hears run_finished on its own socket).
      await page.locator('#submissions-table tbody tr[data-status="ok"]').nth(2).waitFor(WAIT);
      const table = await rows(page).evaluateAll((trs) =>
        trs.map((tr) => [tr.dataset.kind, tr.querySelector(".submission-kind").textContent, tr.querySelector(".submission-by").textContent, tr.querySelector(".submission-passed").textContent]),
      );
      assert.deepEqual(
        table.map(([kind, label, , passed]) => [kind, label, passed]),
        [
          ["submit", "Submission", "11 / 11"],
          ["submit", "Submission", "10 / 11"],
          ["examples", "Examples", "3 / 3"],
        ],
      );
      for (const [, , by] of table) assert.match(by, /candidate/i);
      assert.match(await rows(page).first().innerText(), /Python/);
    }
    // Room for the list in the screenshot: the welcome put away, the console taller.
    await interviewer.click("#welcome-dismiss");
    await interviewer.focus("#console-separator");
    for (let i = 0; i < 3; i++) await interviewer.keyboard.press("Shift+ArrowUp");
    await shot(interviewer, "submissions");

    // Opening the examples run shows its code as it ran (the quadratic one), read-only, and its results.
    await observer.locator('#submissions-table tbody tr[data-kind="examples"] .submission-open').click();
    await observer.locator("#submission-code").waitFor(WAIT);
    assert.equal(await observer.locator("#submission-code").textContent(), QUADRATIC);
    assert.equal(await observer.locator("#submission-code").getAttribute("contenteditable"), null);
    assert.match(await observer.locator("#submission-title").innerText(), /^Examples by .*candidate.* · Python · Finished · 3 \/ 3 passed$/i);
    assert.equal(await observer.locator("#submission .tests-summary").innerText(), "3 / 3 tests passed");
    // The interviewer opens the quadratic submission: its hidden cases in full, the one over time too.
    await interviewer.locator('#submissions-table tbody tr[data-kind="submit"]').nth(1).locator(".submission-open").click();
    await interviewer.locator("#submission-code").waitFor(WAIT);
    assert.equal(await interviewer.locator("#submission-code").textContent(), QUADRATIC);
    await interviewer.locator('#submission .case[data-status="time_limit"]').waitFor(WAIT);
    await shot(interviewer, "submissions-opened");
    await interviewer.click("#submission-back");
    await interviewer.locator("#submissions-table").waitFor(WAIT);
  }),
);
