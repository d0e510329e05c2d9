// Test results and run output, through axe (support/axe.mjs), in both themes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode, waitForCode, waitForExactCode } from "./support/editor.mjs";
import { Audit, THEMES, inTheme } from "./support/axe.mjs";

// Two Sum (server/src/main/resources/problems/two-sum/): right for one public case only.
const WRONG_TWO_SUM = `def twoSum(nums, target):
    print("trying", nums)
    return [0, 1]
`;

test("the Tests tab after a failing submission, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  // The two themes side by side, each in browser contexts of its own.
  await Promise.all(THEMES.map(async (colorScheme) => {
    const { links } = await createRoom({ title: `Accessible tests (${colorScheme})`, problemId: "two-sum" });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"], inTheme(colorScheme));
    await waitForCode(candidate, "twoSum");
    await replaceCode(candidate, WRONG_TWO_SUM);
    await waitForExactCode(interviewer, WRONG_TWO_SUM);
    await candidate.click("#submit");
    for (const page of [interviewer, candidate]) {
      await page.locator("#tests-summary", { hasText: "2 / 11 tests passed" }).waitFor(RUN_WAIT);
      assert.equal(await page.locator("#tab-tests").getAttribute("aria-selected"), "true");
      // A failed case opened, as someone reading why it failed would.
      await page.locator('.case[data-status="failed"] summary').first().click();
      await audit.check(page, `the Tests tab, failed, as ${page === interviewer ? "interviewer" : "candidate"} (${colorScheme})`);
    }
    // The output of a run, stderr included.
    await replaceCode(candidate, "import sys\nprint('to stdout')\nprint('to stderr', file=sys.stderr)\nsys.exit(3)\n");
    await waitForCode(interviewer, "to stderr");
    await candidate.keyboard.press("Control+Enter");
    await candidate.locator('#run-status[data-state="failed"]').waitFor(RUN_WAIT);
    await candidate.locator("#output .stream-stderr").waitFor(WAIT);
    await audit.check(candidate, `the Output tab after a failed run (${colorScheme})`);
  }));
  audit.assertClean();
}));
