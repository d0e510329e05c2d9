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
