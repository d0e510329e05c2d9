// Runs and submissions: output streamed to every browser, the Input tab as stdin, and test results
// shown by role.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { connected, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { code, replaceCode, typeAtEnd, waitForCode, waitForExactCode } from "./support/editor.mjs";

const RUN_TIMEOUT = { timeout: 120_000 };
const FINISHED = '#run-status[data-state="ok"], #run-status[data-state="failed"]';

// Two Sum (server/src/main/resources/problems/two-sum/): three public and eight hidden cases, the last a performance case of 200,000 numbers.
const WRONG_TWO_SUM = `def twoSum(nums, target):
    print("trying", nums)
    return [0, 1]
`;
const RIGHT_TWO_SUM = `def twoSum(nums, target):
    # The first numbers only: the performance case's 200,000 would pass the output cap.
    print("checking", nums[:4])
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
`;
/** Text of the hidden cases' inputs, as JSON and as this page formats them. */
const HIDDEN_INPUTS = ["-1,-2,-3,-4,-5", "-1, -2, -3, -4, -5", "1,5,9,13,21,34", "1, 5, 9, 13, 21, 34", "0,4,3,0", "0, 4, 3, 0"];

test(
  "Run streams the output to all three browsers",
  RUN_TIMEOUT,
  scenario(async ({ open, shot }) => {
    const starterCode = "print('hello from the candidate')\nfor i in range(3):\n    print('line', i, flush=True)\n";
    const { links } = await createRoom({ title: "Run room", starterCode });
    const [interviewer, candidate, observer] = await join(open, links);
    // The run takes the room's code as it is now, the candidate's last line included.
    await typeAtEnd(candidate, "print('typed before the run')\n");
    await waitForCode(interviewer, "typed before the run");
    await candidate.keyboard.press("Control+Enter");
    for (const page of [interviewer, candidate, observer]) {
      await page.locator(FINISHED).waitFor(RUN_WAIT);
      const output = await page.locator("#output").innerText();
      const status = await page.locator("#run-status").innerText();
      assert.equal(await page.locator("#run-status").getAttribute("data-state"), "ok", `${status}\n${output}\n${await code(page)}`);
      assert.match(output, /hello from the candidate\nline 0\nline 1\nline 2\ntyped before the run/);
      assert.match(status, /Finished · exit 0 · run \d+/);
    }
    await shot(interviewer, "desktop-interviewer");
    await shot(observer, "desktop-observer");
  }),
);

test(
  "a run reads the Input tab as its stdin",
  RUN_TIMEOUT,
  scenario(async ({ open }) => {
    const { links } = await createRoom({ title: "Stdin room" });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
    await typeAtEnd(candidate, "print('stdin says', input())\n");
    await waitForCode(interviewer, "stdin says");
    await candidate.click("#tab-stdin");
    await candidate.fill("#stdin", "hello there\n");
    await candidate.click("#run");
    // The run's output, then its end.
    await candidate.locator("#output", { hasText: "stdin says" }).waitFor(RUN_WAIT);
    await candidate.locator(FINISHED).waitFor(RUN_WAIT);
    const output = await candidate.locator("#output").innerText();
    assert.equal(await candidate.locator("#run-status").getAttribute("data-state"), "ok", output);
    assert.match(output, /stdin says hello there/);
    await interviewer.locator("#output", { hasText: "stdin says hello there" }).waitFor(RUN_WAIT);
  }),
);

test(
  "with a problem set, a wrong and then a right submission show test results in all three browsers",
  RUN_TIMEOUT,
  scenario(async ({ open, shot }) => {
    const { links } = await createRoom({ title: "Problem room", starterCode: "print('work in progress')\n" });
    const [interviewer, candidate, observer] = await join(open, links);
    await interviewer.selectOption("#problem-select", "two-sum");
    for (const page of [interviewer, candidate, observer]) {
      await page.locator("#problem-title", { hasText: "Two Sum" }).waitFor(WAIT);
      assert.match(await page.locator("#problem .examples").innerText(), /nums = \[2, 7, 11, 15\], target = 9/);
    }
    await candidate.locator("#submit").waitFor(WAIT);
    assert.ok(await observer.locator("#submit").isHidden(), "observers cannot submit");
    assert.ok(await interviewer.locator("#starter-offer").isHidden(), "no offer to replace code someone wrote");

    const submit = async (solution, summary) => {
      await replaceCode(candidate, solution);
      await waitForExactCode(interviewer, solution);
      await candidate.click("#submit");
      await Promise.all(
        [interviewer, candidate, observer].map((page) => page.locator("#tests-summary", { hasText: summary }).waitFor(RUN_WAIT)),
      );
    };
    const hiddenInputsIn = async (page) => {
      const html = await page.content();
      return HIDDEN_INPUTS.filter((text) => html.includes(text));
    };

    await submit(WRONG_TWO_SUM, "2 / 11 tests passed");
    for (const page of [interviewer, candidate, observer]) {
      assert.equal(await page.locator("#tests-summary").innerText(), "2 / 11 tests passed");
      assert.equal(await page.locator("#tests-counts").innerText(), "public: 1/3 passed · hidden: 1/8 passed");
      // The failing public case, with its input, what was expected and what came back.
      const failed = page.locator('.case[data-hidden="false"][data-status="failed"]').first();
      assert.match(await failed.locator(".case-input").innerText(), /nums = \[3, 2, 4\], target = 6/);
      assert.equal(await failed.locator(".case-expected").innerText(), "[1, 2]");
      assert.equal(await failed.locator(".case-actual").innerText(), "[0, 1]");
      assert.match(await failed.locator(".diff").innerText(), /expected 1, got 0/);
    }
    for (const page of [candidate, observer]) {
      assert.equal(await page.locator('.case[data-hidden="true"]').count(), 0);
      assert.match(await page.locator("#tests").innerText(), /Hidden tests: 1\/8 passed/);
      assert.deepEqual(await hiddenInputsIn(page), [], "no hidden case's input reaches a candidate or an observer");
    }
    assert.equal(await interviewer.locator('.case[data-hidden="true"]').count(), 8);
    assert.ok((await hiddenInputsIn(interviewer)).length > 0, "the interviewer sees the hidden cases");
    await shot(interviewer, "tests-interviewer-failed");
    await shot(candidate, "tests-candidate-failed");

    await submit(RIGHT_TWO_SUM, "11 / 11 tests passed");
    for (const page of [interviewer, candidate, observer]) {
      assert.equal(await page.locator("#tests-counts").innerText(), "public: 3/3 passed · hidden: 8/8 passed");
      assert.equal(await page.locator('#run-status[data-state="ok"]').count(), 1);
    }
    // What the code printed for public cases streams; what it printed for hidden ones is withheld.
    await candidate.click("#tab-output");
    assert.match(await candidate.locator("#output").innerText(), /checking \[2, 7, 11, 15\]/);
    for (const page of [candidate, observer]) assert.deepEqual(await hiddenInputsIn(page), []);
    assert.match(await interviewer.locator('.case[data-hidden="true"]').first().locator(".case-input").textContent(), /nums = \[3, 3\], target = 6/);
    // Someone joining later finds the last results, filtered for their role as well.
    const late = await open(links.candidate);
    await connected(late);
    await late.locator("#tests-summary", { hasText: "11 / 11 tests passed" }).waitFor(WAIT);
    assert.equal(await late.locator('.case[data-hidden="true"]').count(), 0);
    assert.deepEqual(await hiddenInputsIn(late), []);
    await candidate.click("#tab-tests");
    await shot(interviewer, "tests-interviewer");
    await shot(candidate, "tests-candidate");
  }),
);
