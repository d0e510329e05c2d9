// The panes' sizes: the bars between them, kept per browser, and a console that grows for failing tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { connected, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { WRONG_TWO_SUM, box, separatorValue } from "./support/layout.mjs";
import { replaceCode } from "./support/editor.mjs";

/** The workspace's box and the shown panes' boxes. */
async function panes(page) {
  const [workspace, left, console_, problem, notesSplit] = await Promise.all([
    box(page, ".workspace"),
    box(page, "#left-pane"),
    box(page, "#console"),
    box(page, "#problem"),
    box(page, ".left-split"),
  ]);
  return { workspace, left, console: console_, problem, notesSplit };
}

const near = (actual, expected, why) => assert.ok(Math.abs(actual - expected) <= 2, `${why}: ${actual} px, expected ${expected} px`);

test(
  "the bars between the panes resize them by keyboard and by pointer, and the sizes survive a reload",
  { timeout: 120_000 },
  scenario(async ({ open }) => {
    const { links } = await createRoom({ title: "Split room", problemId: "two-sum" });
    const [interviewer] = await join(open, links, ["interviewer"]);
    const left = await separatorValue(interviewer, "#left-separator");
    assert.deepEqual(left, { now: 30, min: 15, max: 60, orientation: "vertical" });
    assert.deepEqual(await separatorValue(interviewer, "#console-separator"), { now: 30, min: 12, max: 75, orientation: "horizontal" });
    assert.equal(await interviewer.locator('[role="separator"]').count(), 3, "problem | editor, editor over console, problem over notes");
    let sizes = await panes(interviewer);
    near(sizes.left.width, Math.round(sizes.workspace.width * 0.3), "the problem pane starts at 30%");
    near(sizes.console.height, Math.round(sizes.workspace.height * 0.3), "the console starts at 30%");

    // The keyboard: arrows move the bar by 2%, Shift+arrows by 10%, Home and End to the limits.
    await interviewer.focus("#left-separator");
    for (let i = 0; i < 5; i++) await interviewer.keyboard.press("ArrowRight");
    assert.equal((await separatorValue(interviewer, "#left-separator")).now, 40);
    await interviewer.focus("#console-separator");
    await interviewer.keyboard.press("Shift+ArrowUp");
    assert.equal((await separatorValue(interviewer, "#console-separator")).now, 40, "up makes the console taller");
    await interviewer.keyboard.press("End");
    assert.equal((await separatorValue(interviewer, "#console-separator")).now, 75);
    await interviewer.keyboard.press("Home");
    assert.equal((await separatorValue(interviewer, "#console-separator")).now, 12);
    for (let i = 0; i < 4; i++) await interviewer.keyboard.press("ArrowUp");
    assert.equal((await separatorValue(interviewer, "#console-separator")).now, 20);
    await interviewer.focus("#notes-separator");
    await interviewer.keyboard.press("Shift+ArrowDown");
    assert.equal((await separatorValue(interviewer, "#notes-separator")).now, 65, "down makes the problem taller");
    sizes = await panes(interviewer);
    near(sizes.left.width, Math.round(sizes.workspace.width * 0.4), "the problem pane at 40%");
    near(sizes.console.height, Math.round(sizes.workspace.height * 0.2), "the console at 20%");
    near(sizes.problem.height, Math.round(sizes.notesSplit.height * 0.65), "the problem at 65% over the notes");
    assert.ok(await interviewer.locator("#notes .cm-editor").isVisible(), "the notes show under the problem");

    // The pointer: the bar follows the mouse.
    const bar = await box(interviewer, "#left-separator");
    const y = bar.y + bar.height / 2;
    await interviewer.mouse.move(bar.x + bar.width / 2, y);
    await interviewer.mouse.down();
    await interviewer.mouse.move(sizes.workspace.x + sizes.workspace.width * 0.25, y, { steps: 5 });
    await interviewer.mouse.up();
    const dragged = (await separatorValue(interviewer, "#left-separator")).now;
    assert.ok(Math.abs(dragged - 25) <= 1, `dragged to 25%, the separator says ${dragged}%`);
    const consoleBar = await box(interviewer, "#console-separator");
    const x = consoleBar.x + consoleBar.width / 2;
    await interviewer.mouse.move(x, consoleBar.y);
    await interviewer.mouse.down();
    await interviewer.mouse.move(x, sizes.workspace.y + sizes.workspace.height * 0.5, { steps: 5 });
    await interviewer.mouse.up();
    const draggedConsole = (await separatorValue(interviewer, "#console-separator")).now;
    assert.ok(Math.abs(draggedConsole - 50) <= 1, `dragged to half height, the separator says ${draggedConsole}%`);

    // A reload (and the next visit) keeps them.
    await interviewer.reload();
    await connected(interviewer);
    assert.equal((await separatorValue(interviewer, "#left-separator")).now, dragged);
    assert.equal((await separatorValue(interviewer, "#console-separator")).now, draggedConsole);
    assert.equal((await separatorValue(interviewer, "#notes-separator")).now, 65);
    sizes = await panes(interviewer);
    near(sizes.left.width, Math.round((sizes.workspace.width * dragged) / 100), "the problem pane after a reload");
    near(sizes.console.height, Math.round((sizes.workspace.height * draggedConsole) / 100), "the console after a reload");
  }),
);


test(
  "the console grows to show failing tests, unless it was sized by hand",
  { timeout: 120_000 },
  scenario(async ({ open }) => {
    const { links } = await createRoom({ title: "Growing console", problemId: "two-sum" });
    const [interviewer, candidate] = await join(open, links, ["interviewer", "candidate"]);
    // The interviewer sizes the console: it stays so.
    await interviewer.focus("#console-separator");
    for (let i = 0; i < 5; i++) await interviewer.keyboard.press("ArrowDown");
    assert.equal((await separatorValue(interviewer, "#console-separator")).now, 20);
    const before = await panes(candidate);
    near(before.console.height, Math.round(before.workspace.height * 0.3), "the console before the run");

    await replaceCode(candidate, WRONG_TWO_SUM);
    await candidate.click("#submit");
    for (const page of [interviewer, candidate]) {
      await page.locator("#tests-summary", { hasText: "2 / 11 tests passed" }).waitFor(RUN_WAIT);
      await page.locator('#tab-tests[aria-selected="true"]').waitFor(WAIT);
    }
    await candidate.waitForFunction(() => document.querySelector("#console-separator")?.getAttribute("aria-valuenow") === "55", null, WAIT);
    const grown = await panes(candidate);
    near(grown.console.height, Math.round(grown.workspace.height * 0.55), "the console with failing tests");
    const editor = await box(candidate, "#editor .cm-editor");
    assert.ok(editor.height >= 150, `the editor keeps ${editor.height} px`);
    const sized = await panes(interviewer);
    near(sized.console.height, Math.round(sized.workspace.height * 0.2), "the console sized by hand");
    // Back on the output, the console is its usual size again.
    await candidate.click("#tab-output");
    const back = await panes(candidate);
    near(back.console.height, Math.round(back.workspace.height * 0.3), "the console on the output");
  }),
);

