/** What a run was for: the program on its input, the problem's examples, or a submission. */
export type RunKind = "run" | "examples" | "submit";

const KIND_OF_MODE: Record<string, RunKind> = { run: "run", examples: "examples", test: "submit", submit: "submit" };

/** The kind a run's `mode` names (`test` is a submission, as the server has always called it). */
export function kindOf(mode: string | undefined): RunKind {
  return KIND_OF_MODE[mode ?? "run"] ?? "run";
}

export const KIND_LABELS: Record<RunKind, string> = { run: "Run", examples: "Examples", submit: "Submission" };

const STATUS_LABELS: Record<string, string> = {
  running: "Running…",
  ok: "Finished",
  compile_error: "Compile error",
  runtime_error: "Runtime error",
  timeout: "Time limit exceeded",
  oom: "Out of memory",
  output_limit: "Output limit exceeded",
  internal_error: "Internal error",
  stopped: "Stopped",
};

/**
 * How a run ended (or that it is still running), in words: the same in the console, the
 * Submissions tab and the report. A status newer than this page shows as it is.
 */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}
