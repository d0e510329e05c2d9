import { Store } from "../app/store";
import type { PastRun } from "../api";
import { statusLabel } from "./runLabels";
import { formatMs, type TestReport } from "./tests";

export interface RunFinished {
  runId: string;
  status: string;
  exitCode: number;
  compileMs: number;
  runMs: number;
  memoryBytes: number;
  stdoutTruncated?: boolean;
  stderrTruncated?: boolean;
  message?: string;
  tests?: TestReport | string | null;
}

export type ConsoleTab = "output" | "tests" | "stdin" | "submissions";

/** A stretch of output from one stream; consecutive chunks of a stream join into one. */
export interface Segment {
  stream: string;
  text: string;
}

export interface ConsoleState {
  runId: string;
  mode: "run" | "test";
  segments: Segment[];
  /** The one-line summary; a screen reader hears it change (the output itself is not announced). */
  status: { state: "" | "running" | "ok" | "failed" | "stopped"; text: string };
  tests: TestReport | null;
  /** What the Tests tab says when there is no report: running, or why there is none. */
  testsNote: string;
  tab: ConsoleTab;
  /** What the next Run gives the program on stdin. */
  stdin: string;
}

/**
 * The console's state: streamed run output (stdout, stderr and compiler output told apart), the
 * run's figures, and test results. Output of another run than the one shown (a late chunk) is
 * dropped.
 */
export class RunConsole {
  readonly store = new Store<ConsoleState>({
    runId: "",
    mode: "run",
    segments: [],
    status: { state: "", text: "Run the code with ▶ Run or Ctrl/Cmd+Enter." },
    tests: null,
    testsNote: "Submit runs the problem's tests; results show here.",
    tab: "output",
    stdin: "",
  });

  show(tab: ConsoleTab): void {
    this.store.update({ tab });
  }

  setStdin(stdin: string): void {
    this.store.update({ stdin });
  }

  started(runId: string, by: string, mode: string): void {
    const examples = mode === "examples";
    const test = examples || mode === "submit" || mode === "test";
    this.store.update({
      runId,
      mode: test ? "test" : "run",
      segments: [],
      status: { state: "running", text: `${examples ? "Running the examples" : test ? "Testing" : "Running"}… (started by ${by})` },
      tests: test ? null : this.store.value.tests,
      testsNote: examples ? "Running the examples…" : test ? "Running the tests…" : this.store.value.testsNote,
      // Someone reading the room's past runs keeps reading: the new one shows up in that list too.
      tab: this.store.value.tab === "submissions" ? "submissions" : "output",
    });
  }

  /** Someone asked to stop the run shown: it is still going until its end arrives. */
  stopping(runId: string, by: string): void {
    if (runId !== this.store.value.runId) return;
    this.store.update({ status: { state: "running", text: `Stopping… (asked by ${by})` } });
  }

  output(runId: string, stream: string, data: string): void {
    if (runId !== this.store.value.runId) return;
    this.store.update({ segments: appended(this.store.value.segments, stream, data) });
  }

  /** The run's end; `stoppedBy` names who stopped it, for a run that was stopped. */
  finished(result: RunFinished, stoppedBy?: string): void {
    const current = this.store.value;
    if (current.runId && result.runId !== current.runId) return;
    const stopped = result.status === "stopped";
    const label = stopped && stoppedBy ? `Stopped by ${stoppedBy}` : statusLabel(result.status);
    const figures = [
      result.status === "ok" || result.status === "runtime_error" ? `exit ${result.exitCode}` : "",
      result.compileMs > 0 ? `compile ${formatMs(result.compileMs)}` : "",
      result.runMs >= 0 ? `run ${formatMs(result.runMs)}` : "",
      result.memoryBytes >= 0 ? `memory ${formatBytes(result.memoryBytes)}` : "",
    ]
      .filter(Boolean)
      .join(" · ");
    let segments = current.segments;
    if (result.message) segments = appended(segments, "system", `\n${result.message}\n`);
    if (result.stdoutTruncated || result.stderrTruncated) segments = appended(segments, "system", "\n[output truncated]\n");
    if (segments.length === 0) segments = [{ stream: "system", text: "(no output)" }];
    const tests = typeof result.tests === "string" ? safeParse(result.tests) : (result.tests ?? null);
    const next: Partial<ConsoleState> = {
      runId: result.runId,
      segments,
      status: { state: result.status === "ok" ? "ok" : stopped ? "stopped" : "failed", text: figures ? `${label} · ${figures}` : label },
    };
    if (tests) {
      if (result.status === "ok") {
        const all = tests.passed === tests.total;
        next.status = { state: all ? "ok" : "failed", text: `${tests.passed} / ${tests.total} tests passed · ${figures}` };
      }
      next.tests = tests;
      if (current.tab !== "submissions") next.tab = "tests";
    } else if (current.mode === "test") {
      // No results (a compile error, a time-out): the output says why, so it stays in view.
      next.tests = null;
      next.testsNote = `No test results: ${label.charAt(0).toLowerCase()}${label.slice(1)}. The Output tab says why.`;
    }
    this.store.update(next);
  }

  /** Shows a run that finished before this page joined, unless a run has shown since. */
  past(run: PastRun): void {
    if (this.store.value.runId) return;
    let segments: Segment[] = [{ stream: "system", text: `Last run, ${new Date(run.createdAt).toLocaleTimeString()}:\n` }];
    if (run.compileOutput) segments = appended(segments, "compile", run.compileOutput);
    if (run.stdout) segments = appended(segments, "stdout", run.stdout);
    if (run.stderr) segments = appended(segments, "stderr", run.stderr);
    this.store.update({ runId: run.id, mode: run.mode === "test" || run.mode === "submit" || run.mode === "examples" ? "test" : "run", segments });
    // A stored stopped run names who stopped it in its message only: "Stopped by <name>.".
    const stoppedBy = run.status === "stopped" ? /^Stopped by (.+)\.$/.exec(run.message ?? "")?.[1] : undefined;
    this.finished({
      runId: run.id,
      status: run.status,
      exitCode: run.exitCode ?? 0,
      compileMs: run.compileMs ?? 0,
      runMs: run.runMs ?? -1,
      memoryBytes: run.memoryBytes ?? -1,
      stdoutTruncated: run.stdoutTruncated,
      stderrTruncated: run.stderrTruncated,
      message: run.message,
      tests: (run.tests as TestReport | undefined) ?? null,
    }, stoppedBy);
  }

  notice(message: string, kind: "error" | "info"): void {
    this.store.update({ status: { state: kind === "error" ? "failed" : "", text: message } });
  }
}

function appended(segments: Segment[], stream: string, text: string): Segment[] {
  const last = segments[segments.length - 1];
  if (last && last.stream === stream) return [...segments.slice(0, -1), { stream, text: last.text + text }];
  return [...segments, { stream, text }];
}

function safeParse(text: string): TestReport | null {
  try {
    return JSON.parse(text) as TestReport;
  } catch {
    return null;
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1 << 20 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}
