/**
 * A team problem as the authoring page edits it, and its conversions: from the server's detail,
 * to the folder body the authoring calls take, and the tests between their table and JSON.
 */
import type { ProblemFolderBody, SavedProblem, StoredCase, Validation } from "../library/api";

/** What the candidate writes: a function, a class with methods, or a whole program reading stdin. */
export type Kind = "function" | "design" | "stdio";

export const KINDS: [Kind, string][] = [
  ["function", "A function"],
  ["design", "A class (design)"],
  ["stdio", "A program (stdin to stdout)"],
];

/** How a returned array is compared (function problems). */
export const ORDERS: [string, string][] = [
  ["exact", "In order"],
  ["any", "In any order"],
  ["any-nested", "In any order, inner arrays too"],
];

/** How a program's output is compared (stdio problems). */
export const CHECKERS: [string, string][] = [
  ["exact", "Exactly (trailing spaces ignored)"],
  ["tokens", "Token by token (any whitespace)"],
];

/**
 * One row of the tests table, as the author typed it. For function and design problems the input
 * and expected value are JSON text (the case's arguments array, the returned value or the calls'
 * results); for stdio problems they are the stdin and stdout text themselves, unless `generated`
 * says they are JSON values (a generator, for a large input).
 */
export interface TestRow {
  input: string;
  expected: string;
  hidden: boolean;
  /** Milliseconds, or empty for the problem's per-case limit. */
  timeLimitMs: string;
  /** Stdio only: input and expected are JSON (a string or a generator), not plain text. */
  generated?: boolean;
}

export interface Param {
  name: string;
  type: string;
}

/** A design problem's method: `returns` is `void` for a method that returns nothing. */
export interface Method {
  name: string;
  params: Param[];
  returns: string;
}

/** A design problem's class: problem.json's `design` (`class`, `constructor`, `methods`). */
export interface DesignDraft {
  className: string;
  constructorParams: Param[];
  methods: Method[];
}

export interface Draft {
  /** problem.json as loaded: the fields this page does not edit (a per-case limit, a tolerance) stay. */
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
  kind: Kind;
  functionName: string;
  params: Param[];
  returns: string;
  /** How a returned array is compared; empty when problem.json names no order (exact). */
  order: string;
  design: DesignDraft;
  /** How a program's output is compared; empty when problem.json names no checker (exact). */
  checker: string;
  /** The languages offered, each with starter code and a reference solution. */
  languages: string[];
  starter: Record<string, string>;
  solutions: Record<string, string>;
  tests: TestRow[];
}

/** What the tests are checked against: the kind, and the function's parameters or the class. */
export type Shape = Pick<Draft, "kind"> & Partial<Pick<Draft, "params" | "design" | "functionName">>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Class names the harnesses declare themselves. */
const RESERVED_CLASSES = ["Main", "ListNode", "TreeNode"];

/** problem.json's fields that describe the signature; the body writes those of the draft's kind only. */
const SIGNATURE_FIELDS = ["kind", "function", "params", "returns", "design", "order", "checker"];

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
  kind: "function",
  functionName: "",
  params: [{ name: "", type: "int" }],
  returns: "int",
  order: "",
  design: { className: "", constructorParams: [], methods: [{ name: "", params: [], returns: "void" }] },
  checker: "exact",
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

/** A new, empty test row for a kind. */
export function emptyRow(kind: Kind): TestRow {
  if (kind === "stdio") return { input: "", expected: "", hidden: false, timeLimitMs: "", generated: false };
  if (kind === "design") return { input: "[[], []]", expected: "[]", hidden: false, timeLimitMs: "" };
  return { input: "[]", expected: "", hidden: false, timeLimitMs: "" };
}

export function rowFromCase(c: StoredCase, kind: Kind = "function"): TestRow {
  const limit = { hidden: c.hidden === true, timeLimitMs: c.timeLimitMs ? String(c.timeLimitMs) : "" };
  if (kind === "stdio") {
    const stdin = Array.isArray(c.input) && c.input.length === 1 ? c.input[0] : c.input;
    if (typeof stdin === "string" && typeof c.expected === "string") return { input: stdin, expected: c.expected, ...limit, generated: false };
    return { input: JSON.stringify(stdin), expected: JSON.stringify(c.expected), ...limit, generated: true };
  }
  return { input: JSON.stringify(c.input), expected: JSON.stringify(c.expected), ...limit };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Whether a value holds a generator (an object of one `$` field) anywhere but inside a map, as the runner reads it. */
export function generated(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(generated);
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0].startsWith("$");
}

/** One row as a stored case, or what is wrong with it, in a sentence without the row's name. */
export function caseFromRow(row: TestRow, shape: Shape = { kind: "function" }): Parsed<StoredCase> {
  let c: StoredCase;
  if (shape.kind === "stdio") {
    const parsed = stdioValues(row);
    if (!parsed.ok) return parsed;
    c = { input: [parsed.value.stdin], expected: parsed.value.stdout, hidden: row.hidden };
  } else {
    const input = json(row.input);
    if (!input.ok) {
      return {
        ok: false,
        error:
          shape.kind === "design"
            ? 'the input is not JSON (write the calls and their arguments, such as [["MinStack","push","getMin"], [[],[5],[]]]).'
            : "the input is not JSON (write the arguments as a JSON array, such as [[2,7,11,15], 9]).",
      };
    }
    const expected = json(row.expected);
    if (!expected.ok) {
      return {
        ok: false,
        error: shape.kind === "design" ? "the expected results are not JSON (one per call, such as [null,null,5])." : 'the expected value is not JSON (a string needs its quotes: "abc").',
      };
    }
    const misfit = shape.kind === "design" ? designMisfit(input.value, expected.value, shape.design) : functionMisfit(input.value, shape.params);
    if (misfit) return { ok: false, error: misfit };
    c = { input: input.value as unknown[], expected: expected.value, hidden: row.hidden };
  }
  if (row.timeLimitMs.trim()) {
    const ms = Number(row.timeLimitMs);
    if (!Number.isInteger(ms) || ms < 1 || ms > 60_000) return { ok: false, error: "the time limit must be a whole number of milliseconds from 1 to 60000." };
    c.timeLimitMs = ms;
  }
  return { ok: true, value: c };
}

/** What is wrong with each row that does not fit the shape, by the row's index. */
export function rowErrors(rows: TestRow[], shape: Shape): Map<number, string> {
  const errors = new Map<number, string>();
  for (const [i, row] of rows.entries()) {
    const c = caseFromRow(row, shape);
    if (!c.ok) errors.set(i, c.error);
  }
  return errors;
}

/** The table's rows as stored cases, or the first row that is not valid, named by its number. */
export function casesFromRows(rows: TestRow[], shape: Shape = { kind: "function" }): Parsed<StoredCase[]> {
  const cases: StoredCase[] = [];
  for (const [i, row] of rows.entries()) {
    const c = caseFromRow(row, shape);
    if (!c.ok) return { ok: false, error: `Test ${i + 1}: ${c.error}` };
    cases.push(c.value);
  }
  return { ok: true, value: cases };
}

function json(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: "not JSON" };
  }
}

function stdioValues(row: TestRow): Parsed<{ stdin: unknown; stdout: unknown }> {
  if (!row.generated) return { ok: true, value: { stdin: row.input, stdout: row.expected } };
  const stdin = json(row.input);
  if (!stdin.ok || !(typeof stdin.value === "string" || generated(stdin.value))) {
    return { ok: false, error: 'the stdin, written as JSON, must be a string or a generator, such as {"$join": [{"$range": [1, 1000, 1]}, " "]}.' };
  }
  const stdout = json(row.expected);
  if (!stdout.ok || !(typeof stdout.value === "string" || generated(stdout.value))) {
    return { ok: false, error: 'the expected stdout, written as JSON, must be a string (with its quotes: "42\\n") or a generator.' };
  }
  return { ok: true, value: { stdin: stdin.value, stdout: stdout.value } };
}

function functionMisfit(input: unknown, params: Param[] | undefined): string | null {
  if (!Array.isArray(input)) return "the input must be a JSON array of the arguments, such as [[2,7,11,15], 9].";
  if (params && input.length !== params.length) {
    const names = params.map((p) => p.name.trim() || "?").join(", ");
    return `the input has ${count(input.length, "argument")}; the function takes ${params.length}${params.length > 0 ? ` (${names})` : ""}.`;
  }
  return null;
}

/** Why a design case does not fit the class, as the runner would refuse it; generated parts are checked when they run. */
function designMisfit(input: unknown, expected: unknown, design: DesignDraft | undefined): string | null {
  const shape = 'the input must be two arrays of the same length, the calls and their arguments, such as [["MinStack","push","getMin"], [[],[5],[]]].';
  if (!Array.isArray(input) || input.length !== 2) return shape;
  const [names, args] = input;
  if (generated(names) || generated(args)) return null;
  if (!Array.isArray(names) || !Array.isArray(args)) return shape;
  if (names.length !== args.length) return `the input has ${count(names.length, "call")} but ${count(args.length, "argument list")}; give one list of arguments per call.`;
  if (!design) return null;
  const className = design.className.trim();
  if (names.length === 0 || names[0] !== className) return `the first call must construct the class: "${className || "its name"}".`;
  const results = Array.isArray(expected) && !generated(expected);
  if (!results && !generated(expected)) return "the expected value must be an array of results, one per call (null for the constructor and void methods).";
  if (results && (expected as unknown[]).length !== names.length) {
    return `the expected results are ${(expected as unknown[]).length} for ${count(names.length, "call")}; give one per call (null for the constructor and void methods).`;
  }
  for (const [i, name] of names.entries()) {
    if (typeof name !== "string") return `call ${i + 1}'s name is not a string.`;
    let takes: Param[];
    let nothing: boolean;
    if (i === 0) {
      takes = design.constructorParams;
      nothing = true;
    } else {
      const method = design.methods.find((m) => m.name.trim() === name);
      if (!method) return `call ${i + 1} names "${name}", which is not a method of ${className} (it has ${design.methods.map((m) => m.name.trim()).join(", ")}).`;
      takes = method.params;
      nothing = method.returns.trim() === "void";
    }
    const given = args[i];
    if (!Array.isArray(given) || given.length !== takes.length) {
      const got = Array.isArray(given) ? count(given.length, "argument") : "no array of arguments";
      return `call ${i + 1} (${name}) takes ${count(takes.length, "argument")}; the input gives ${got}.`;
    }
    if (results && nothing && (expected as unknown[])[i] !== null) {
      return `call ${i + 1} (${name}) returns nothing, so its expected result is null.`;
    }
  }
  return null;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

/** The rows as the JSON of tests.json, one case a line so a long list stays readable. */
export function rowsToJson(rows: TestRow[], shape: Shape = { kind: "function" }): Parsed<string> {
  const cases = casesFromRows(rows, shape);
  if (!cases.ok) return cases;
  return { ok: true, value: "[\n" + cases.value.map((c) => "  " + JSON.stringify(c)).join(",\n") + "\n]" };
}

/** JSON in the form of tests.json as table rows, or what is wrong with it. */
export function rowsFromJson(text: string, kind: Kind = "function"): Parsed<TestRow[]> {
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
      return { ok: false, error: `Case ${i + 1} needs "input" (${kind === "stdio" ? "an array holding the stdin text" : "an array of the arguments"}) and "expected".` };
    }
    const stored = c as StoredCase;
    if (stored.timeLimitMs !== undefined && typeof stored.timeLimitMs !== "number") return { ok: false, error: `Case ${i + 1}: "timeLimitMs" must be a number.` };
    rows.push(rowFromCase(stored, kind));
  }
  return { ok: true, value: rows };
}

/**
 * The rows rewritten for another kind: a stdio row's text becomes the JSON of a one-string input
 * and back, so the author's cases survive a change of mind; the signature fields stay as they are.
 */
export function withKind(draft: Draft, kind: Kind): Draft {
  if (kind === draft.kind) return draft;
  const untouched = emptyRow(draft.kind);
  const tests = draft.tests.map((row): TestRow => {
    const kept = { hidden: row.hidden, timeLimitMs: row.timeLimitMs };
    if (row.input === untouched.input && row.expected === untouched.expected) return { ...emptyRow(kind), ...kept };
    if (kind === "stdio") {
      const input = json(row.input);
      const expected = json(row.expected);
      if (input.ok && Array.isArray(input.value) && input.value.length === 1 && expected.ok) {
        return { ...rowFromCase({ input: input.value, expected: expected.value }, "stdio"), ...kept };
      }
      return { ...row, generated: false };
    }
    if (draft.kind !== "stdio") return row;
    const { generated: asJson, ...rest } = row;
    return asJson ? { ...rest, input: `[${row.input}]` } : { ...rest, input: JSON.stringify([row.input]), expected: JSON.stringify(row.expected) };
  });
  // An order compares a function's returned array; the runner refuses one on a program's output.
  return { ...draft, kind, tests, order: kind === "function" ? draft.order : "" };
}

/** A stdio row switched between plain text and JSON, its text rewritten when it can be. */
export function toggledGenerated(row: TestRow): TestRow {
  if (!row.generated) return { ...row, generated: true, input: JSON.stringify(row.input), expected: JSON.stringify(row.expected) };
  const input = json(row.input);
  const expected = json(row.expected);
  return {
    ...row,
    generated: false,
    input: input.ok && typeof input.value === "string" ? input.value : row.input,
    expected: expected.ok && typeof expected.value === "string" ? expected.value : row.expected,
  };
}

interface StoredProblem {
  title: string;
  difficulty: string;
  categories: string[];
  timeEstimateMinutes: number;
  constraints: string[];
  hints: string[];
  followUp: string;
  kind: string;
  function: string;
  params: Param[];
  returns: string;
  order: string;
  checker: string;
  design: { class?: string; constructor?: unknown; methods?: Partial<Method>[] };
}

/** The draft a saved folder describes; problem.json's fields the page does not edit are kept as they are. */
export function draftFromSource(source: ProblemFolderBody): Draft {
  const problem = source.problem as Partial<StoredProblem>;
  const kind: Kind = problem.kind === "design" || problem.kind === "stdio" ? problem.kind : "function";
  const languages = [...new Set([...Object.keys(source.starter ?? {}), ...Object.keys(source.solutions ?? {})])];
  const design: Partial<StoredProblem["design"]> = problem.design ?? {};
  // Read as an own field: every object inherits a `constructor`.
  const constructorParams: Param[] = Object.hasOwn(design, "constructor") && Array.isArray(design.constructor) ? design.constructor : [];
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
    kind,
    functionName: problem.function ?? "",
    params: problem.params ?? (kind === "function" ? [] : EMPTY_DRAFT.params),
    returns: problem.returns ?? (kind === "function" ? "" : EMPTY_DRAFT.returns),
    order: problem.order ?? "",
    design:
      kind === "design"
        ? {
            className: design.class ?? "",
            constructorParams,
            methods: (design.methods ?? []).map((m) => ({ name: m.name ?? "", params: m.params ?? [], returns: m.returns ?? "void" })),
          }
        : EMPTY_DRAFT.design,
    checker: problem.checker ?? (kind === "stdio" ? "" : EMPTY_DRAFT.checker),
    languages,
    starter: { ...(source.starter ?? {}) },
    solutions: { ...(source.solutions ?? {}) },
    tests: (source.tests ?? []).map((c) => rowFromCase(c, kind)),
  };
}

/** What must be fixed before the draft can be saved, each in one sentence; empty when it can. */
export function draftProblems(draft: Draft): string[] {
  const problems: string[] = [];
  if (!draft.title.trim()) problems.push("Give the problem a title.");
  if (draft.categories.length === 0) problems.push("Choose at least one category.");
  if (!(draft.timeEstimateMinutes >= 10 && draft.timeEstimateMinutes <= 120)) problems.push("The time estimate must be from 10 to 120 minutes.");
  if (draft.kind === "function") {
    if (!IDENTIFIER.test(draft.functionName.trim())) problems.push("The function name must be an identifier, such as twoSum.");
    problems.push(...paramProblems(draft.params, "Parameter"));
    if (!draft.returns.trim()) problems.push("Name the return type.");
    else if (draft.returns.trim() === "void") problems.push("A function returns a value; void is for a class's methods.");
  } else if (draft.kind === "design") {
    problems.push(...designProblems(draft.design));
  } else if (!["", "exact", "tokens"].includes(draft.checker)) {
    problems.push("Choose how the output is compared: exactly or token by token.");
  }
  if (draft.languages.length === 0) problems.push("Offer at least one language.");
  if (draft.tests.length === 0) problems.push("Add at least one test.");
  const cases = casesFromRows(draft.tests, draft);
  if (!cases.ok) problems.push(cases.error);
  return problems;
}

function paramProblems(params: Param[], what: string): string[] {
  const problems: string[] = [];
  for (const [i, p] of params.entries()) {
    if (!IDENTIFIER.test(p.name.trim())) problems.push(`${what} ${i + 1} needs a name that is an identifier.`);
    if (!p.type.trim()) problems.push(`${what} ${i + 1} needs a type.`);
    else if (p.type.trim() === "void") problems.push(`${what} ${i + 1} cannot be void.`);
  }
  return problems;
}

function designProblems(design: DesignDraft): string[] {
  const problems: string[] = [];
  const className = design.className.trim();
  if (!IDENTIFIER.test(className)) problems.push("The class name must be an identifier, such as LRUCache.");
  else if (RESERVED_CLASSES.includes(className)) problems.push(`The class cannot be named ${className}: the harnesses use ${RESERVED_CLASSES.join(", ")}.`);
  problems.push(...paramProblems(design.constructorParams, "Constructor parameter"));
  if (design.methods.length === 0) problems.push("Give the class at least one method.");
  const seen = new Set<string>();
  for (const [i, m] of design.methods.entries()) {
    const name = m.name.trim();
    if (!IDENTIFIER.test(name)) problems.push(`Method ${i + 1} needs a name that is an identifier.`);
    else if (seen.has(name)) problems.push(`Two methods are named ${name}.`);
    else if (name === className) problems.push(`Method ${i + 1} cannot be named like the class.`);
    seen.add(name);
    problems.push(...paramProblems(m.params, `Method ${i + 1}'s parameter`));
    if (!m.returns.trim()) problems.push(`Method ${i + 1} needs a return type (void for none).`);
  }
  return problems;
}

/** The draft as the folder body of POST/PUT /api/problems; the tests must parse (see draftProblems). */
export function bodyFromDraft(draft: Draft): ProblemFolderBody {
  const cases = casesFromRows(draft.tests, draft);
  if (!cases.ok) throw new Error(cases.error);
  const only = (code: Record<string, string>) => Object.fromEntries(draft.languages.map((l) => [l, code[l] ?? ""]));
  const params = (list: Param[]) => list.map((p) => ({ name: p.name.trim(), type: p.type.trim() }));
  const problem: Record<string, unknown> = {
    ...draft.kept,
    title: draft.title.trim(),
    difficulty: draft.difficulty,
    categories: draft.categories,
    timeEstimateMinutes: draft.timeEstimateMinutes,
    constraints: lines(draft.constraints),
    hints: draft.hints.map((h) => h.trim()).filter(Boolean),
  };
  // Only the signature of the draft's kind: the runner refuses a design beside a function, say.
  for (const field of SIGNATURE_FIELDS) delete problem[field];
  problem.kind = draft.kind;
  if (draft.kind === "function") {
    problem.function = draft.functionName.trim();
    problem.params = params(draft.params);
    problem.returns = draft.returns.trim();
  } else if (draft.kind === "design") {
    problem.design = {
      class: draft.design.className.trim(),
      constructor: params(draft.design.constructorParams),
      methods: draft.design.methods.map((m) => ({ name: m.name.trim(), params: params(m.params), returns: m.returns.trim() })),
    };
  } else if (draft.checker) {
    problem.checker = draft.checker;
  }
  if (draft.order) problem.order = draft.order;
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
