// Run and Submit say what they do, and a program that reads stdin points at the Input tab.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { createRoom, problem, templates } from "./support/rooms.mjs";
import { replaceCode, waitForExactCode } from "./support/editor.mjs";
import { joinAs, text } from "./support/people.mjs";

const FINISHED = '#run-status[data-state="ok"], #run-status[data-state="failed"]';

test(
  "Run and Submit say what they do, and a program that reads stdin points at the Input tab",
  { timeout: 120_000 },
  scenario(async ({ open }) => {
    const [starters, twoSum] = await Promise.all([templates(), problem("two-sum")]);
    const { links } = await createRoom({ title: "Labels room", starterCode: starters.python });
    const interviewer = await joinAs(open, links.interviewer, "Ada");
    const candidate = await joinAs(open, links.candidate, "Sam");
    const observer = await joinAs(open, links.observer, "Olu");
    await waitForExactCode(candidate, starters.python);

    assert.match(await candidate.locator("#run").getAttribute("title"), /with the Input tab's text as its input \(stdin\)/);
    assert.equal(await candidate.locator("#submit").count(), 0);
    // The template reads stdin: the output points at the Input tab, which says what the next Run gets.
    const hint = candidate.locator("#stdin-hint");
    await hint.waitFor(WAIT);
    assert.match(await hint.innerText(), /reads its input \(stdin\).*Input tab \(empty now\)/s);
    assert.equal(await observer.locator("#stdin-hint").count(), 0, "observers cannot run, so no hint");
    await hint.locator("button").click();
    assert.equal(await candidate.locator("#tab-stdin").getAttribute("aria-selected"), "true");
    assert.match(await text(candidate, "#stdin-next"), /^Empty: the next Run gives the program no input/);
    await candidate.fill("#stdin", "first line\nsecond line\n");
    assert.match(await text(candidate, "#stdin-next"), /this text on stdin \(2 lines\)/);
    await candidate.click("#tab-output");
    assert.match(await hint.innerText(), /Input tab \(2 lines\)/);
    await candidate.click("#run");
    await candidate.locator(FINISHED).waitFor(RUN_WAIT);
    assert.match(await text(candidate, "#output"), /first line\nsecond line/);

    // With a problem, Run still runs the program (not the examples) and Submit says what it runs.
    await interviewer.selectOption("#problem-select", "two-sum");
    await candidate.locator("#submit").waitFor(WAIT);
    assert.match(await candidate.locator("#run").getAttribute("title"), /does not call the function with the examples: Run examples does/);
    // The counts come with the problem's detail, which the room loads once the problem is chosen.
    await candidate.waitForFunction(() => /all \d+ of the problem's tests/.test(document.querySelector("#submit")?.title ?? ""), null, WAIT);
    const submitTitle = await candidate.locator("#submit").getAttribute("title");
    const total = twoSum.examples.length + twoSum.hiddenTests;
    assert.match(submitTitle, new RegExp(`all ${total} of the problem's tests: the ${twoSum.examples.length} examples shown and ${twoSum.hiddenTests} hidden tests`));
    assert.match(submitTitle, /submit again as often as you like/);
    // Code that reads no input gets no hint.
    await replaceCode(candidate, twoSum.starterCode.python);
    await hint.waitFor({ state: "detached", ...WAIT });
  }),
);
