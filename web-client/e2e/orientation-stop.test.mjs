// A run in progress can be stopped, by the interviewer or the candidate, for everyone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { replaceCode, waitForExactCode } from "./support/editor.mjs";
import { joinAs, text } from "./support/people.mjs";

test(
  "Stop ends an endless run for everyone, with who stopped it, and Run works again",
  { timeout: 120_000 },
  scenario(async ({ open, shot }) => {
    const endless = "import time\nwhile True:\n    print('tick', flush=True)\n    time.sleep(0.2)\n";
    const { links } = await createRoom({ title: "Stop room", starterCode: endless });
    const interviewer = await joinAs(open, links.interviewer, "Ada");
    const candidate = await joinAs(open, links.candidate, "Sam");
    const observer = await joinAs(open, links.observer, "Olu");
    await waitForExactCode(candidate, endless);
    assert.equal(await candidate.locator("#stop").count(), 0, "no Stop without a run");
    await candidate.click("#run");
    for (const page of [interviewer, candidate, observer]) await page.locator("#output", { hasText: "tick" }).waitFor(RUN_WAIT);
    await candidate.locator("#stop").waitFor(WAIT);
    await interviewer.locator("#stop").waitFor(WAIT);
    assert.equal(await observer.locator("#stop").count(), 0, "observers cannot stop a run");
    await shot(interviewer, "stop-running");

    await interviewer.click("#stop");
    for (const page of [interviewer, candidate, observer]) {
      await page.locator('#run-status[data-state="stopped"]').waitFor(WAIT);
    }
    assert.match(await text(candidate, "#run-status"), /^Stopped by Ada\b/);
    assert.match(await text(observer, "#run-status"), /^Stopped by Ada\b/);
    assert.match(await text(interviewer, "#run-status"), /^Stopped by you\b/);
    await candidate.locator("#stop").waitFor({ state: "detached", ...WAIT });

    await replaceCode(candidate, "print('after the stop')\n");
    await waitForExactCode(interviewer, "print('after the stop')\n");
    await candidate.locator("#run:not([disabled])").waitFor(WAIT);
    await candidate.click("#run");
    await candidate.locator('#run-status[data-state="ok"]').waitFor(RUN_WAIT);
    assert.match(await text(candidate, "#output"), /after the stop/);
  }),
);
