import { h } from "../dom";
import type { PastRun } from "../api";
import { formatMs, renderTests, type TestReport } from "./tests";

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

const STATUS_LABELS: Record<string, string> = {
  ok: "Finished",
  compile_error: "Compile error",
  runtime_error: "Runtime error",
  timeout: "Time limit exceeded",
  oom: "Out of memory",
  output_limit: "Output limit exceeded",
  internal_error: "Internal error",
};

/** The bottom pane: streamed run output (stdout, stderr and compiler output told apart), the run's figures, and test results. */
export class RunConsole {
  private readonly out = h("pre", { id: "output", class: "output", "aria-live": "polite" });
  private readonly status = h("div", { id: "run-status", class: "run-status" }, "Run the code with ▶ Run or Ctrl/Cmd+Enter.");
  private readonly tests = h("div", { id: "tests", class: "tests hidden" }, h("p", { class: "muted" }, "Submit runs the problem's tests; results show here."));
  private readonly stdinField = h("textarea", { id: "stdin", class: "stdin hidden", rows: 3, placeholder: "Input given to the program (stdin)", spellcheck: "false" });
  private readonly tabs = h("div", { class: "tabs" });
  private runId = "";
  private mode = "run";
  private params: string[] = [];

  constructor(parent: HTMLElement) {
    const tab = (name: string, label: string) => {
      const button = h("button", { "data-tab": name, id: `tab-${name}` }, label);
      button.addEventListener("click", () => this.show(name));
      return button;
    };
    this.tabs.append(tab("output", "Output"), tab("tests", "Tests"), tab("stdin", "Input"));
    parent.append(h("div", { class: "console-head" }, this.tabs, this.status), this.out, this.tests, this.stdinField);
    this.show("output");
  }

  /** The problem's parameter names, to label test inputs. */
  setParams(params: string[]): void {
    this.params = params;
  }

  stdin(): string {
    return this.stdinField.value;
  }

  /** Observers cannot run, so they get no input tab. */
  setCanRun(canRun: boolean): void {
    this.tabs.querySelector('[data-tab="stdin"]')?.classList.toggle("hidden", !canRun);
    if (!canRun && !this.stdinField.classList.contains("hidden")) this.show("output");
  }

  show(name: string): void {
    for (const button of this.tabs.querySelectorAll("button")) button.classList.toggle("active", button.dataset.tab === name);
    this.out.classList.toggle("hidden", name !== "output");
    this.tests.classList.toggle("hidden", name !== "tests");
    this.stdinField.classList.toggle("hidden", name !== "stdin");
  }

  started(runId: string, by: string, mode: string): void {
    this.runId = runId;
    this.mode = mode === "submit" ? "test" : mode;
    this.out.replaceChildren();
    this.status.dataset.state = "running";
    this.status.textContent = `${this.mode === "test" ? "Testing" : "Running"}… (started by ${by})`;
    if (this.mode === "test") this.tests.replaceChildren(h("p", { class: "muted" }, "Running the tests…"));
    this.show("output");
  }

  private append(stream: string, data: string): void {
    const last = this.out.lastElementChild as HTMLElement | null;
    if (last && last.dataset.stream === stream) last.append(data);
    else this.out.append(h("span", { class: `stream stream-${stream}`, "data-stream": stream }, data));
    this.out.scrollTop = this.out.scrollHeight;
  }

  // Output of another run than the one shown (a late chunk) is dropped.
  output(runId: string, stream: string, data: string): void {
    if (runId !== this.runId) return;
    this.append(stream, data);
  }

  finished(result: RunFinished): void {
    if (this.runId && result.runId !== this.runId) return;
    const label = STATUS_LABELS[result.status] ?? result.status;
    const figures = [
      result.status === "ok" || result.status === "runtime_error" ? `exit ${result.exitCode}` : "",
      result.compileMs > 0 ? `compile ${formatMs(result.compileMs)}` : "",
      result.runMs >= 0 ? `run ${formatMs(result.runMs)}` : "",
      result.memoryBytes >= 0 ? `memory ${formatBytes(result.memoryBytes)}` : "",
    ].filter(Boolean);
    this.status.dataset.state = result.status === "ok" ? "ok" : "failed";
    this.status.textContent = `${label} · ${figures.join(" · ")}`;
    if (result.message) this.out.append(h("span", { class: "stream stream-system" }, `\n${result.message}\n`));
    if (result.stdoutTruncated || result.stderrTruncated) this.out.append(h("span", { class: "stream stream-system" }, "\n[output truncated]\n"));
    if (this.out.childElementCount === 0) this.out.append(h("span", { class: "stream stream-system" }, "(no output)"));
    const tests = typeof result.tests === "string" ? safeParse(result.tests) : result.tests;
    if (tests) {
      if (result.status === "ok") {
        const all = tests.passed === tests.total;
        this.status.dataset.state = all ? "ok" : "failed";
        this.status.textContent = `${tests.passed} / ${tests.total} tests passed · ${figures.join(" · ")}`;
      }
      this.tests.replaceChildren(...renderTests(tests, this.params));
      this.show("tests");
    } else if (this.mode === "test") {
      // No results (a compile error, a time-out): the output says why, so it stays in view.
      this.tests.replaceChildren(h("p", { class: "tests-summary failed" }, `No test results: ${label.toLowerCase()}. The Output tab says why.`));
    }
  }

  /** Shows a run that finished before this page joined, unless a run has shown since. */
  past(run: PastRun): void {
    if (this.runId) return;
    this.runId = run.id;
    this.mode = run.mode ?? "run";
    this.out.replaceChildren(h("span", { class: "stream stream-system" }, `Last run, ${new Date(run.createdAt).toLocaleTimeString()}:\n`));
    if (run.compileOutput) this.append("compile", run.compileOutput);
    if (run.stdout) this.append("stdout", run.stdout);
    if (run.stderr) this.append("stderr", run.stderr);
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
    });
  }

  notice(message: string, kind: "error" | "info"): void {
    this.status.dataset.state = kind === "error" ? "failed" : "";
    this.status.textContent = message;
  }
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
