// The problem pane: what a candidate reads before writing code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "./support/env.mjs";
import { join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";

test("examples keep their spaces, on a problem about spaces", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Spaces room", problemId: "reverse-words" });
  const [candidate] = await join(open, links, ["candidate"]);
  const example = candidate.locator('#problem .example[data-index="1"] code').first();
  await example.waitFor(WAIT);
  // innerText is the text as rendered: collapsed whitespace would show here as one space.
  assert.equal(await example.innerText(), 's = "  hello world  "');
  assert.equal(await candidate.locator("#tab-tests").count(), 1, "a problem room has a Tests tab");
}));

test("a free room has no Tests tab and no Submit", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Free room", starterCode: "print(input())\n" });
  const [candidate] = await join(open, links, ["candidate"]);
  await candidate.locator("#tab-stdin").waitFor(WAIT);
  assert.equal(await candidate.locator("#tab-tests").count(), 0);
  assert.equal(await candidate.locator("#submit").count(), 0);
}));
