import { beforeEach, describe, expect, test } from "vitest";
import { RunConsole, type RunFinished } from "../src/room/console";

let parent: HTMLElement;
let runConsole: RunConsole;
const $ = (selector: string) => parent.querySelector<HTMLElement>(selector)!;
const visible = (selector: string) => !$(selector).classList.contains("hidden");

beforeEach(() => {
  parent = document.createElement("section");
  document.body.replaceChildren(parent);
  runConsole = new RunConsole(parent);
});

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
  test("streams a run's output, stdout and stderr apart, and ends with its figures", () => {
    runConsole.started("r1", "candidate", "run");
    expect($("#run-status").dataset.state).toBe("running");
    expect($("#run-status").textContent).toBe("Running… (started by candidate)");
    runConsole.output("r1", "stdout", "a");
    runConsole.output("r1", "stdout", "b\n");
    runConsole.output("r1", "stderr", "oops\n");
    runConsole.finished(finished({ compileMs: 1500 }));
    const spans = [...$("#output").children].map((s) => [s.className, s.textContent]);
    expect(spans).toEqual([
      ["stream stream-stdout", "ab\n"],
      ["stream stream-stderr", "oops\n"],
    ]);
    expect($("#run-status").dataset.state).toBe("ok");
    expect($("#run-status").textContent).toBe("Finished · exit 0 · compile 1.50 s · run 42 ms · memory 3.0 MB");
  });

  test("drops output and results of another run than the one shown", () => {
    runConsole.started("r2", "interviewer", "run");
    runConsole.output("r1", "stdout", "late chunk");
    runConsole.finished(finished({ runId: "r1", status: "timeout" }));
    expect($("#output").textContent).toBe("");
    expect($("#run-status").dataset.state).toBe("running");
  });

  test("a failed run says why, marks truncation, and shows when there was no output", () => {
    runConsole.started("r1", "candidate", "run");
    runConsole.finished(finished({ status: "oom", memoryBytes: 512 * 1024, message: "The program ran out of memory.", stdoutTruncated: true }));
    expect($("#run-status").dataset.state).toBe("failed");
    expect($("#run-status").textContent).toBe("Out of memory · run 42 ms · memory 512 KB");
    expect($("#output").textContent).toBe("\nThe program ran out of memory.\n\n[output truncated]\n");
    runConsole.started("r2", "candidate", "run");
    runConsole.finished(finished({ runId: "r2", status: "runtime_error", exitCode: 3, runMs: -1, memoryBytes: -1 }));
    expect($("#run-status").textContent).toBe("Runtime error · exit 3");
    expect($("#output").textContent).toBe("(no output)");
  });

  test("an unknown status shows as it is", () => {
    runConsole.started("r1", "candidate", "run");
    runConsole.finished(finished({ status: "cancelled" }));
    expect($("#run-status").textContent).toMatch(/^cancelled · /);
  });

  test("a test run's results fill the Tests tab, with the pass count in the status", () => {
    runConsole.setParams(["nums", "target"]);
    runConsole.started("r1", "candidate", "submit");
    expect($("#run-status").textContent).toBe("Testing… (started by candidate)");
    expect($("#tests").textContent).toBe("Running the tests…");
    runConsole.finished(finished({ tests: JSON.stringify({ passed: 1, total: 2, cases: [{ index: 0, hidden: false, status: "FAILED", input: "[[1],2]", expected: "1", actual: "2" }] }) }));
    expect($("#run-status").dataset.state).toBe("failed");
    expect($("#run-status").textContent).toMatch(/^1 \/ 2 tests passed · exit 0/);
    expect(visible("#tests")).toBe(true);
    expect(visible("#output")).toBe(false);
    expect($("#tests .case-input").textContent).toBe("nums = [1], target = 2");
  });

  test("a test run without results keeps the output in view and says why", () => {
    runConsole.started("r1", "candidate", "test");
    runConsole.finished(finished({ status: "compile_error", tests: "not json" }));
    expect($("#tests").textContent).toBe("No test results: compile error. The Output tab says why.");
    expect(visible("#output")).toBe(true);
  });

  test("a run from before the page joined shows with its output, unless a run has shown since", () => {
    runConsole.past({ id: "p1", status: "ok", createdAt: "2026-01-01T10:00:00Z", compileOutput: "warning\n", stdout: "out\n", stderr: "err\n", exitCode: 0, runMs: 5, memoryBytes: 2048 });
    const streams = [...$("#output").children].map((s) => (s as HTMLElement).dataset.stream ?? "system");
    expect(streams).toEqual(["system", "compile", "stdout", "stderr"]);
    expect($("#run-status").textContent).toBe("Finished · exit 0 · run 5 ms · memory 2 KB");
    runConsole.started("r9", "candidate", "run");
    runConsole.past({ id: "p0", status: "ok", createdAt: "2026-01-01T09:00:00Z", stdout: "older" });
    expect($("#output").textContent).toBe("");
  });

  test("observers get no Input tab; the input is what was typed", () => {
    runConsole.show("stdin");
    ($("#stdin") as HTMLTextAreaElement).value = "5\n";
    expect(runConsole.stdin()).toBe("5\n");
    runConsole.setCanRun(false);
    expect($('[data-tab="stdin"]').classList.contains("hidden")).toBe(true);
    expect(visible("#output")).toBe(true);
    expect($('[data-tab="output"]').classList.contains("active")).toBe(true);
  });

  test("the tabs switch the pane shown", () => {
    $("#tab-tests").click();
    expect([visible("#output"), visible("#tests"), visible("#stdin")]).toEqual([false, true, false]);
    $("#tab-stdin").click();
    expect([visible("#output"), visible("#tests"), visible("#stdin")]).toEqual([false, false, true]);
  });

  test("a notice replaces the status, marked as an error or not", () => {
    runConsole.notice("Not connected: try again in a moment.", "error");
    expect($("#run-status").dataset.state).toBe("failed");
    runConsole.notice("Queued.", "info");
    expect($("#run-status").dataset.state).toBe("");
    expect($("#run-status").textContent).toBe("Queued.");
  });
});
