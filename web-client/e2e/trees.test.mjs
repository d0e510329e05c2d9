// A tree problem's test results: the expected and actual trees are drawn under their level order,
// the nodes that differ marked, for the interviewer and the candidate alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode, waitForExactCode } from "./support/editor.mjs";

// Mirrors only the root's children: right for the root, wrong below it.
const HALF_MIRROR = "def invertTree(root):\n    if root:\n        root.left, root.right = root.right, root.left\n    return root\n";

test("a tree problem's results draw the expected and the actual tree", scenario(async ({ open, shot }) => {
  const { links } = await createRoom({ title: "Tree room", problemId: "invert-tree" });
  const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
  await candidate.locator("#problem-title").waitFor(WAIT);
  await replaceCode(candidate, HALF_MIRROR);
  await waitForExactCode(interviewer, HALF_MIRROR);
  await candidate.click("#run-examples");
  for (const page of [interviewer, candidate]) {
    const failed = page.locator('.case[data-hidden="false"][data-status="failed"]').first();
    await failed.waitFor(RUN_WAIT);
    assert.equal(await failed.locator('[aria-label="Expected as a tree"]').count(), 1);
    const got = failed.locator('[aria-label="Got as a tree"]');
    assert.equal(await got.count(), 1);
    // [4,2,7,1,3,6,9] half mirrored is [4,7,2,6,9,1,3]: every grandchild differs from [4,7,2,9,6,3,1].
    assert.deepEqual(await got.locator("mark").allInnerTexts(), ["6", "9", "1", "3"]);
    assert.match(await got.innerText(), /L:\s*7[\s\S]*R:\s*2/);
  }
  await candidate.locator('.case[data-status="failed"]').first().scrollIntoViewIfNeeded();
  await shot(candidate, "tests-tree");
}));
