/**
 * A team problem as the authoring page edits it, and its conversions: from the server's detail,
 * to the folder body the authoring calls take, and the tests between their table and JSON.
 */
import type { ProblemFolderBody, SavedProblem, StoredCase, Validation } from "../library/api";

/** One row of the tests table: values as the JSON text the author typed. */
export interface TestRow {
  input: string;
  expected: string;
  hidden: boolean;
  /** Milliseconds, or empty for the problem's per-case limit. */
  timeLimitMs: string;
}

export interface Param {
  name: string;
  type: string;
}

export interface Draft {
  /** problem.json as loaded: the fields this page does not edit (a per-case limit, an order) stay. */
  kept: Record<string, unknown>;
  title: string;
  difficulty: string;
  categories: string[];
  timeEstimateMinutes: number;
  /** One per line. */
  constraints: string;
  /** In the order they are revealed. */
  hints: string[];
  followUp: string;
  statement: string;
  editorial: string;
  functionName: string;
  params: Param[];
  returns: string;
  /** The languages offered, each with starter code and a reference solution. */
  languages: string[];
  starter: Record<string, string>;
  solutions: Record<string, string>;
  tests: TestRow[];
}

export const EMPTY_DRAFT: Draft = {
  kept: {},
  title: "",
  difficulty: "easy",
  categories: [],
  timeEstimateMinutes: 20,
  constraints: "",
  hints: [],
  followUp: "",
  statement: "",
  editorial: "",
  functionName: "",
  params: [{ name: "", type: "int" }],
  returns: "int",
  languages: ["python"],
  starter: {},
  solutions: {},
  tests: [{ input: "[]", expected: "", hidden: false, timeLimitMs: "" }],
};

/** The types a signature may use (the runner's grammar), for the type inputs' suggestions. */
export const TYPES = [
  "int",
  "long",
  "double",
  "boolean",
  "string",
  "char",
  "int[]",
  "long[]",
  "double[]",
  "string[]",
  "char[]",
  "boolean[]",
  "int[][]",
  "char[][]",
  "string[][]",
  "map<string,int>",
  "map<int,int>",
  "ListNode",
  "TreeNode",
];

export function rowFromCase(c: StoredCase): TestRow {
  return {
    input: JSON.stringify(c.input),
    expected: JSON.stringify(c.expected),
    hidden: c.hidden === true,
    timeLimitMs: c.timeLimitMs ? String(c.timeLimitMs) : "",
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The table's rows as stored cases, or the first row that is not valid, named by its number. */
export function casesFromRows(rows: TestRow[]): Parsed<StoredCase[]> {
  const cases: StoredCase[] = [];
  for (const [i, row] of rows.entries()) {
    const name = `Test ${i + 1}`;
    let input: unknown;
    let expected: unknown;
    try {
      input = JSON.parse(row.input);
    } catch {
      return { ok: false, error: `${name}: the input is not JSON (write the arguments as a JSON array, such as [[2,7,11,15], 9]).` };
    }
    if (!Array.isArray(input)) return { ok: false, error: `${name}: the input must be a JSON array of the arguments, such as [[2,7,11,15], 9].` };
    try {
      expected = JSON.parse(row.expected);
    } catch {
      return { ok: false, error: `${name}: the expected value is not JSON (a string needs its quotes: "abc").` };
    }
    const c: StoredCase = { input, expected, hidden: row.hidden };
    if (row.timeLimitMs.trim()) {
      const ms = Number(row.timeLimitMs);
      if (!Number.isInteger(ms) || ms < 1 || ms > 60_000) return { ok: false, error: `${name}: the time limit must be a whole number of milliseconds from 1 to 60000.` };
      c.timeLimitMs = ms;
    }
    cases.push(c);
  }
  return { ok: true, value: cases };
}

/** The rows as the JSON of tests.json, one case a line so a long list stays readable. */
export function rowsToJson(rows: TestRow[]): Parsed<string> {
  const cases = casesFromRows(rows);
  if (!cases.ok) return cases;
  return { ok: true, value: "[\n" + cases.value.map((c) => "  " + JSON.stringify(c)).join(",\n") + "\n]" };
}

/** JSON in the form of tests.json as table rows, or what is wrong with it. */
export function rowsFromJson(text: string): Parsed<TestRow[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The tests are not JSON: ${e instanceof Error ? e.message : String(e)}.` };
  }
  if (!Array.isArray(value)) return { ok: false, error: "The tests must be a JSON array of cases." };
  const rows: TestRow[] = [];
  for (const [i, c] of value.entries()) {
    if (typeof c !== "object" || c === null || !Array.isArray((c as StoredCase).input) || !("expected" in c)) {
      return { ok: false, error: `Case ${i + 1} needs "input" (an array of the arguments) and "expected".` };
    }
    const stored = c as StoredCase;
    if (stored.timeLimitMs !== undefined && typeof stored.timeLimitMs !== "number") return { ok: false, error: `Case ${i + 1}: "timeLimitMs" must be a number.` };
    rows.push(rowFromCase(stored));
  }
  return { ok: true, value: rows };
}

/** The draft a saved folder describes; problem.json's fields the page does not edit are kept as they are. */
export function draftFromSource(source: ProblemFolderBody): Draft {
  const problem = source.problem as Partial<{
    title: string;
    difficulty: string;
    categories: string[];
    timeEstimateMinutes: number;
    constraints: string[];
    hints: string[];
    followUp: string;
    function: string;
    params: Param[];
    returns: string;
  }>;
  const languages = [...new Set([...Object.keys(source.starter ?? {}), ...Object.keys(source.solutions ?? {})])];
  return {
    kept: source.problem,
    title: problem.title ?? "",
    difficulty: problem.difficulty ?? "easy",
    categories: problem.categories ?? [],
    timeEstimateMinutes: problem.timeEstimateMinutes ?? 20,
    constraints: (problem.constraints ?? []).join("\n"),
    hints: problem.hints ?? [],
    followUp: problem.followUp ?? "",
    statement: source.statement ?? "",
    editorial: source.editorial ?? "",
    functionName: problem.function ?? "",
    params: problem.params ?? [],
    returns: problem.returns ?? "",
    languages,
    starter: { ...(source.starter ?? {}) },
    solutions: { ...(source.solutions ?? {}) },
    tests: (source.tests ?? []).map(rowFromCase),
  };
}

/** What must be fixed before the draft can be saved, each in one sentence; empty when it can. */
export function draftProblems(draft: Draft): string[] {
  const problems: string[] = [];
  if (!draft.title.trim()) problems.push("Give the problem a title.");
  if (draft.categories.length === 0) problems.push("Choose at least one category.");
  if (!(draft.timeEstimateMinutes >= 10 && draft.timeEstimateMinutes <= 120)) problems.push("The time estimate must be from 10 to 120 minutes.");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(draft.functionName)) problems.push("The function name must be an identifier, such as twoSum.");
  for (const [i, p] of draft.params.entries()) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) problems.push(`Parameter ${i + 1} needs a name that is an identifier.`);
    if (!p.type.trim()) problems.push(`Parameter ${i + 1} needs a type.`);
  }
  if (!draft.returns.trim()) problems.push("Name the return type.");
  if (draft.languages.length === 0) problems.push("Offer at least one language.");
  if (draft.tests.length === 0) problems.push("Add at least one test.");
  const cases = casesFromRows(draft.tests);
  if (!cases.ok) problems.push(cases.error);
  return problems;
}

/** The draft as the folder body of POST/PUT /api/problems; the tests must parse (see draftProblems). */
export function bodyFromDraft(draft: Draft): ProblemFolderBody {
  const cases = casesFromRows(draft.tests);
  if (!cases.ok) throw new Error(cases.error);
  const only = (code: Record<string, string>) => Object.fromEntries(draft.languages.map((l) => [l, code[l] ?? ""]));
  const problem: Record<string, unknown> = {
    ...draft.kept,
    title: draft.title.trim(),
    difficulty: draft.difficulty,
    categories: draft.categories,
    timeEstimateMinutes: draft.timeEstimateMinutes,
    constraints: lines(draft.constraints),
    hints: draft.hints.map((h) => h.trim()).filter(Boolean),
    kind: "function",
    function: draft.functionName,
    params: draft.params.map((p) => ({ name: p.name.trim(), type: p.type.trim() })),
    returns: draft.returns.trim(),
  };
  if (draft.followUp.trim()) problem.followUp = draft.followUp.trim();
  else delete problem.followUp;
  return { problem, statement: draft.statement, editorial: draft.editorial, tests: cases.value, starter: only(draft.starter), solutions: only(draft.solutions) };
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Moves the item at `from` one place up (-1) or down (+1); the same list when it cannot move. */
export function moved<T>(items: T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** Whether the saved version may be published: a passing validation of exactly that version. */
export function publishable(saved: Pick<SavedProblem, "version" | "status"> | null, validation: Validation | null | undefined, unsaved: boolean): boolean {
  return saved !== null && !unsaved && saved.status !== "published" && validation != null && validation.passed && validation.version === saved.version;
}
