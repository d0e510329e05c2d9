import { h } from "../dom";

/** One case of a test run's results (server/CONTROL-PROTOCOL.md): values are JSON text. */
export interface TestCase {
  index: number;
  hidden: boolean;
  status: string;
  timeMs?: number;
  input?: string | null;
  expected?: string | null;
  actual?: string | null;
  diff?: string | null;
  error?: string | null;
}

/**
 * How a test run went once its hidden cases began (interviewers only): the run's own status, time
 * and memory are those of the moment the public cases were done.
 */
export interface HiddenPhase {
  status: string;
  exitCode: number;
  runMs: number;
  memoryBytes: number;
  message?: string;
  output?: string;
}

/** The `tests` of a test run's run_finished. Candidates and observers get no hidden cases, only their counts. */
export interface TestReport {
  passed: number;
  failed?: number;
  total: number;
  publicPassed?: number;
  publicTotal?: number;
  hiddenPassed?: number;
  hiddenTotal?: number;
  cases?: TestCase[];
  hiddenPhase?: HiddenPhase;
}

/**
 * The Tests tab's content: pass counts, then one entry per case with its status and time, and for
 * the cases this viewer may see, the input, expected and actual values with their difference
 * marked. Hidden cases that are not sent (to candidates and observers) show as a count only.
 *
 * @param params the problem's parameter names, to label the arguments (empty: unlabelled)
 */
export function renderTests(report: TestReport, params: string[]): HTMLElement[] {
  const allPassed = report.passed === report.total;
  const cases = report.cases ?? [];
  const hiddenTotal = report.hiddenTotal ?? 0;
  const publicTotal = report.publicTotal ?? report.total - hiddenTotal;
  const hiddenShown = cases.some((c) => c.hidden);
  const counts = [
    `public: ${report.publicPassed ?? report.passed - (report.hiddenPassed ?? 0)}/${publicTotal} passed`,
    hiddenTotal > 0 ? `hidden: ${report.hiddenPassed ?? 0}/${hiddenTotal} passed` : "",
  ].filter(Boolean);
  const head = [
    h("p", { id: "tests-summary", class: allPassed ? "tests-summary ok" : "tests-summary failed" }, `${report.passed} / ${report.total} tests passed`),
    h("p", { id: "tests-counts", class: "tests-counts muted" }, counts.join(" · ")),
  ];
  const items = cases.map((c) => caseEntry(c, params));
  if (hiddenTotal > 0 && !hiddenShown) {
    items.push(h("p", { class: "hidden-note muted" }, `Hidden tests: ${report.hiddenPassed ?? 0}/${hiddenTotal} passed. Their inputs are not shown.`));
  }
  if (report.hiddenPhase) items.push(hiddenPhaseEntry(report.hiddenPhase));
  return [...head, ...items];
}

/** How the run ended once its hidden cases began, and what it printed then (interviewers only). */
function hiddenPhaseEntry(phase: HiddenPhase): HTMLElement {
  const status = phase.status.toLowerCase();
  const exit = phase.exitCode >= 0 ? ` · exit ${phase.exitCode}` : "";
  const time = phase.runMs >= 0 ? ` · ${formatMs(phase.runMs)} in all` : "";
  return h(
    "details",
    { class: `case hidden-phase case-${status === "ok" ? "passed" : "error"}`, "data-status": status },
    h("summary", {}, `Hidden tests ended: ${status}${exit}${time}`),
    phase.message ? h("p", { class: "diff" }, phase.message) : null,
    phase.output ? h("pre", { class: "stream stream-stdout hidden-phase-output" }, phase.output) : null,
  );
}

function caseEntry(c: TestCase, params: string[]): HTMLElement {
  const status = c.status.toLowerCase();
  const passed = status === "passed";
  const name = c.hidden ? `Hidden test ${c.index + 1}` : `Test ${c.index + 1}`;
  const time = c.timeMs !== undefined && c.timeMs >= 0 ? ` · ${formatMs(c.timeMs)}` : "";
  const [expected, actual] = marked(formatJson(c.expected ?? ""), c.actual == null ? "nothing" : formatJson(c.actual));
  return h(
    "details",
    { class: `case case-${status}`, "data-status": status, "data-hidden": String(c.hidden), open: !passed },
    h("summary", {}, `${passed ? "✓" : "✗"} ${name} · ${status}${time}`),
    h(
      "dl",
      {},
      c.input != null ? [h("dt", {}, "Input"), h("dd", {}, h("code", { class: "case-input" }, formatArgs(c.input, params)))] : null,
      h("dt", {}, "Expected"),
      h("dd", {}, h("code", { class: "case-expected" }, expected)),
      h("dt", {}, "Got"),
      h("dd", {}, h("code", { class: "case-actual" }, actual)),
    ),
    c.diff ? h("p", { class: "diff" }, c.diff) : null,
    c.error ? h("pre", { class: "stream stream-stderr case-error-text" }, c.error) : null,
  );
}

/** The two texts with the part between their common start and common end marked in each. */
function marked(expected: string, actual: string): [Node[], Node[]] {
  if (expected === actual) return [[document.createTextNode(expected)], [document.createTextNode(actual)]];
  let start = 0;
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) start++;
  let end = 0;
  while (end < expected.length - start && end < actual.length - start && expected[expected.length - 1 - end] === actual[actual.length - 1 - end]) end++;
  const split = (text: string, kind: string): Node[] => [
    document.createTextNode(text.slice(0, start)),
    h("mark", { class: kind }, text.slice(start, text.length - end)),
    document.createTextNode(text.slice(text.length - end)),
  ];
  return [split(expected, "expected"), split(actual, "actual")];
}

/**
 * JSON text with a space after each comma and colon outside strings. Done on the text, not on a
 * parsed value, so integers beyond 2^53 keep every digit.
 */
export function formatJson(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    out += ch;
    if (inString) {
      if (ch === "\\") out += text[++i] ?? "";
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if ((ch === "," || ch === ":") && text[i + 1] !== " ") out += " ";
  }
  return out;
}

/** A JSON array of arguments as `name = value, …` when the names fit, else as the formatted array. */
export function formatArgs(input: string, params: string[]): string {
  const args = topLevelItems(input.trim());
  if (!args || params.length !== args.length) return formatJson(input);
  return args.map((arg, i) => `${params[i]} = ${formatJson(arg)}`).join(", ");
}

function topLevelItems(array: string): string[] | null {
  if (!array.startsWith("[") || !array.endsWith("]")) return null;
  const items: string[] = [];
  let depth = 0;
  let inString = false;
  let from = 1;
  for (let i = 1; i < array.length - 1; i++) {
    const ch = array[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      items.push(array.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = array.slice(from, array.length - 1).trim();
  if (last) items.push(last);
  return items;
}

export function formatMs(ms: number): string {
  if (ms < 1) return "<1 ms";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
