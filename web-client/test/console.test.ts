import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ConsolePane } from "../src/room/ConsolePane";
import { RunConsole, type RunFinished } from "../src/room/console";
import { RateLimit } from "../src/room/rateLimit";
import { Submissions } from "../src/room/submissions";

// The console's logic through its store, and its view (ConsolePane) where the page's DOM matters.
let app: HTMLElement;
let runConsole: RunConsole;
const state = () => runConsole.store.value;
const outputText = () => state().segments.map((s) => s.text).join("");
const $ = (selector: string) => app.querySelector<HTMLElement>(selector)!;
const visible = (selector: string) => !$(selector).hidden;

/** Shows the console as the room does, re-rendered at once after each change of its store. */
function showConsole(props: { canRun?: boolean; hasTests?: boolean; params?: string[]; readsStdin?: boolean; submissions?: Submissions } = {}): void {
  const rateLimit = new RateLimit(() => undefined);
  act(() =>
    render(
      h(ConsolePane, {
        console: runConsole,
        canRun: props.canRun ?? true,
        hasTests: props.hasTests ?? false,
        params: props.params ?? [],
        readsStdin: props.readsStdin ?? false,
        rateLimit,
        submissions: props.submissions ?? new Submissions("r1", "token"),
      }),
      app,
    ),
  );
}
/** A change to the console, with the view brought up to date. */
const change = (what: () => void) => act(what);

beforeEach(() => {
  app = document.createElement("div");
  document.body.replaceChildren(app);
  runConsole = new RunConsole();
});
afterEach(() => act(() => render(null, app)));

const finished = (fields: Partial<RunFinished> = {}): RunFinished => ({
  runId: "r1",
  status: "ok",
  exitCode: 0,
  compileMs: 0,
  runMs: 42,
  memoryBytes: 3 * 1024 * 1024,
  ...fields,
});

describe("RunConsole", () => {
  test("an examples run is a test run, and a reader of the Submissions tab is not taken away from it", () => {
    runConsole.show("submissions");
    runConsole.started("r1", "candidate", "examples");
    expect(state()).toMatchObject({ mode: "test", tab: "submissions", testsNote: "Running the examples…" });
    expect(state().status.text).toBe("Running the examples… (started by candidate)");
    runConsole.finished(finished({ tests: { passed: 2, total: 2 } }));
    expect(state().tab).toBe("submissions");
    expect(state().status.text).toMatch(/^2 \/ 2 tests passed/);
    runConsole.show("output");
    runConsole.started("r2", "candidate", "examples");
    runConsole.finished(finished({ runId: "r2", tests: { passed: 1, total: 2 } }));
    expect(state().tab).toBe("tests");
  });

  test("streams a run's output, stdout and stderr apart, and ends with its figures", () => {
    runConsole.started("r1", "candidate", "run");
    expect(state().status).toEqual({ state: "running", text: "Running… (started by candidate)" });
    runConsole.output("r1", "stdout", "a");
    runConsole.output("r1", "stdout", "b\n");
    runConsole.output("r1", "stderr", "oops\n");
    runConsole.finished(finished({ compileMs: 1500 }));
    expect(state().segments).toEqual([
      { stream: "stdout", text: "ab\n" },
      { stream: "stderr", text: "oops\n" },
    ]);
    expect(state().status).toEqual({ state: "ok", text: "Finished · exit 0 · compile 1.50 s · run 42 ms · memory 3.0 MB" });
  });

  test("drops output and results of another run than the one shown", () => {
    runConsole.started("r2", "interviewer", "run");
    runConsole.output("r1", "stdout", "late chunk");
    runConsole.finished(finished({ runId: "r1", status: "timeout" }));
    expect(outputText()).toBe("");
    expect(state().status.state).toBe("running");
    expect(state().runId).toBe("r2");
  });

  test("a failed run says why, marks truncation, and shows when there was no output", () => {
    runConsole.started("r1", "candidate", "run");
    runConsole.finished(finished({ status: "oom", memoryBytes: 512 * 1024, message: "The program ran out of memory.", stdoutTruncated: true }));
    expect(state().status).toEqual({ state: "failed", text: "Out of memory · run 42 ms · memory 512 KB" });
    expect(state().segments).toEqual([{ stream: "system", text: "\nThe program ran out of memory.\n\n[output truncated]\n" }]);
    runConsole.started("r2", "candidate", "run");
    runConsole.finished(finished({ runId: "r2", status: "runtime_error", exitCode: 3, runMs: -1, memoryBytes: -1 }));
    expect(state().status.text).toBe("Runtime error · exit 3");
    expect(outputText()).toBe("(no output)");
  });

  test("an unknown status shows as it is", () => {
    runConsole.started("r1", "candidate", "run");
    runConsole.finished(finished({ status: "cancelled" }));
    expect(state().status.text).toMatch(/^cancelled · /);
  });

  test("a test run's results fill the Tests tab, with the pass count in the status", () => {
    runConsole.started("r1", "candidate", "submit");
    expect(state().status.text).toBe("Testing… (started by candidate)");
    expect(state().testsNote).toBe("Running the tests…");
    const report = { passed: 1, total: 2, cases: [{ index: 0, hidden: false, status: "FAILED", input: "[[1],2]", expected: "1", actual: "2" }] };
    runConsole.finished(finished({ tests: JSON.stringify(report) }));
    expect(state().status.state).toBe("failed");
    expect(state().status.text).toMatch(/^1 \/ 2 tests passed · exit 0/);
    expect(state().tests).toEqual(report);
    expect(state().tab).toBe("tests");
  });

  test("all tests passed is a success", () => {
    runConsole.started("r1", "candidate", "test");
    runConsole.finished(finished({ tests: { passed: 2, total: 2 } }));
    expect(state().status).toEqual({ state: "ok", text: "2 / 2 tests passed · exit 0 · run 42 ms · memory 3.0 MB" });
  });

  test("a test run without results keeps the output in view and says why", () => {
    runConsole.started("r1", "candidate", "test");
    runConsole.finished(finished({ status: "compile_error", tests: "not json" }));
    expect(state().tests).toBeNull();
    expect(state().testsNote).toBe("No test results: compile error. The Output tab says why.");
    expect(state().tab).toBe("output");
  });

  test("a plain run keeps the last test results", () => {
    runConsole.started("r1", "candidate", "submit");
    runConsole.finished(finished({ tests: { passed: 1, total: 1 } }));
    runConsole.started("r2", "candidate", "run");
    runConsole.finished(finished({ runId: "r2" }));
    expect(state().tests).toEqual({ passed: 1, total: 1 });
    expect(state().tab).toBe("output");
  });

  test("a run from before the page joined shows with its output, unless a run has shown since", () => {
    runConsole.past({ id: "p1", status: "ok", createdAt: "2026-01-01T10:00:00Z", compileOutput: "warning\n", stdout: "out\n", stderr: "err\n", exitCode: 0, runMs: 5, memoryBytes: 2048 });
    expect(state().segments.map((s) => s.stream)).toEqual(["system", "compile", "stdout", "stderr"]);
    expect(state().segments.slice(1).map((s) => s.text)).toEqual(["warning\n", "out\n", "err\n"]);
    expect(state().status.text).toBe("Finished · exit 0 · run 5 ms · memory 2 KB");
    runConsole.started("r9", "candidate", "run");
    runConsole.past({ id: "p0", status: "ok", createdAt: "2026-01-01T09:00:00Z", stdout: "older" });
    expect(outputText()).toBe("");
    expect(state().runId).toBe("r9");
  });

  test("a notice replaces the status, marked as an error or not", () => {
    runConsole.notice("Not connected: try again in a moment.", "error");
    expect(state().status).toEqual({ state: "failed", text: "Not connected: try again in a moment." });
    runConsole.notice("Queued.", "info");
    expect(state().status).toEqual({ state: "", text: "Queued." });
  });
});

describe("ConsolePane", () => {
  test("shows each stream apart and the status line with its state", () => {
    showConsole();
    change(() => {
      runConsole.started("r1", "candidate", "run");
      runConsole.output("r1", "stdout", "a");
      runConsole.output("r1", "stdout", "b\n");
      runConsole.output("r1", "stderr", "oops\n");
    });
    expect($("#run-status").dataset.state).toBe("running");
    expect($("#run-status").textContent).toBe("Running… (started by candidate)");
    change(() => runConsole.finished(finished({ compileMs: 1500 })));
    const spans = [...$("#output").children].map((s) => [s.className, (s as HTMLElement).dataset.stream, s.textContent]);
    expect(spans).toEqual([
      ["stream stream-stdout", "stdout", "ab\n"],
      ["stream stream-stderr", "stderr", "oops\n"],
    ]);
    expect($("#run-status").dataset.state).toBe("ok");
    expect($("#run-status").textContent).toBe("Finished · exit 0 · compile 1.50 s · run 42 ms · memory 3.0 MB");
  });

  test("a run opened in the Submissions tab leaves the test summary's ids to the Tests tab", () => {
    const submissions = new Submissions("r1", "token");
    showConsole({ hasTests: true, submissions });
    change(() => {
      runConsole.started("r1", "candidate", "test");
      runConsole.finished(finished({ tests: { passed: 1, total: 2, cases: [] } }));
    });
    change(() => submissions.store.update({ opened: { id: "r0", detail: { id: "r0", status: "ok", createdAt: "2026-01-01T10:00:00Z", tests: { passed: 2, total: 2 } }, error: null } }));
    expect(app.querySelectorAll("#tests-summary")).toHaveLength(1);
    expect(app.querySelectorAll("#tests-counts")).toHaveLength(1);
    expect($("#tests-summary").textContent).toBe("1 / 2 tests passed");
    expect($("#submission .tests-summary").textContent).toBe("2 / 2 tests passed");
  });

  test("the status line is what a screen reader hears; the output is not read aloud", () => {
    showConsole();
    expect($("#run-status").getAttribute("role")).toBe("status");
    expect($("#output").tagName).toBe("PRE");
    expect($("#output").hasAttribute("aria-live")).toBe(false);
    expect($("#output").closest("[aria-live]")).toBeNull();
    expect($("#output").getAttribute("role")).toBe("tabpanel");
  });

  test("the tabs carry the tab roles and control their panels", () => {
    showConsole({ hasTests: true });
    const tablist = $('[role="tablist"]');
    expect(tablist.getAttribute("aria-label")).toBe("Console");
    const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((t) => [t.id, t.getAttribute("aria-selected"), t.tabIndex])).toEqual([
      ["tab-output", "true", 0],
      ["tab-tests", "false", -1],
      ["tab-stdin", "false", -1],
      ["tab-submissions", "false", -1],
    ]);
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute("aria-controls")!)!;
      expect(panel.getAttribute("role")).toBe("tabpanel");
      expect(panel.getAttribute("aria-labelledby")).toBe(tab.id);
    }
  });

  test("the tabs switch the pane shown", () => {
    showConsole({ hasTests: true });
    expect([visible("#output"), visible("#tests"), visible("#stdin-panel")]).toEqual([true, false, false]);
    act(() => $("#tab-tests").click());
    expect([visible("#output"), visible("#tests"), visible("#stdin-panel")]).toEqual([false, true, false]);
    expect($("#tab-tests").getAttribute("aria-selected")).toBe("true");
    expect($("#tab-output").getAttribute("aria-selected")).toBe("false");
    act(() => $("#tab-stdin").click());
    expect([visible("#output"), visible("#tests"), visible("#stdin-panel")]).toEqual([false, false, true]);
    expect(state().tab).toBe("stdin");
  });

  test("a test run's results show in the Tests tab, labelled with the problem's parameters", () => {
    showConsole({ hasTests: true, params: ["nums", "target"] });
    change(() => runConsole.started("r1", "candidate", "submit"));
    expect($("#tests").textContent).toBe("Running the tests…");
    expect(visible("#output")).toBe(true);
    const report = { passed: 1, total: 2, cases: [{ index: 0, hidden: false, status: "FAILED", input: "[[1],2]", expected: "1", actual: "2" }] };
    change(() => runConsole.finished(finished({ tests: JSON.stringify(report) })));
    expect(visible("#tests")).toBe(true);
    expect(visible("#output")).toBe(false);
    expect($("#tab-tests").getAttribute("aria-selected")).toBe("true");
    expect($("#tests .case-input").textContent).toBe("nums = [1], target = 2");
    expect($("#tests-summary").textContent).toBe("1 / 2 tests passed");
  });

  test("a test run without results keeps the output in view and says why", () => {
    showConsole({ hasTests: true });
    change(() => {
      runConsole.started("r1", "candidate", "test");
      runConsole.finished(finished({ status: "compile_error", tests: "not json" }));
    });
    expect($("#tests").textContent).toBe("No test results: compile error. The Output tab says why.");
    expect(visible("#output")).toBe(true);
  });

  test("the Tests tab is there only with a problem, or with results to show", () => {
    showConsole({ hasTests: false });
    expect(app.querySelector("#tab-tests")).toBeNull();
    change(() => {
      runConsole.started("r1", "candidate", "test");
      runConsole.finished(finished({ tests: { passed: 0, total: 1 } }));
    });
    expect($("#tab-tests").getAttribute("aria-selected")).toBe("true");
    expect(visible("#tests")).toBe(true);
  });

  test("observers get no Input tab; the input is what was typed", () => {
    showConsole();
    act(() => $("#tab-stdin").click());
    const stdin = $("#stdin") as HTMLTextAreaElement;
    expect(document.querySelector(`label[for="stdin"]`)?.textContent).toMatch(/stdin/);
    stdin.value = "5\n";
    act(() => stdin.dispatchEvent(new Event("input", { bubbles: true })));
    expect(state().stdin).toBe("5\n");
    showConsole({ canRun: false });
    expect(app.querySelector('[data-tab="stdin"]')).toBeNull();
    expect(visible("#output")).toBe(true);
    expect(visible("#stdin-panel")).toBe(false);
    expect($('[data-tab="output"]').classList.contains("active")).toBe(true);
    expect($('[data-tab="output"]').getAttribute("aria-selected")).toBe("true");
  });
});
