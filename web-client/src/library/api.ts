/** The problem library's REST calls (GET/POST /api/problems…): summaries, details and authoring. */
import { call, type ProblemListing } from "../api";
import { toQuery, type LibraryFilters } from "./filters";

/** One problem in a search's results. */
export interface ProblemSummary {
  id: string;
  version: number;
  title: string;
  difficulty: string;
  categories: string[];
  timeEstimateMinutes: number;
  languages: string[];
  source: "curated" | "team";
  status: "draft" | "published";
  /** The statement's start as plain text. */
  excerpt: string;
}

export interface ProblemPage {
  problems: ProblemSummary[];
  total: number;
  page: number;
  size: number;
}

/** One language's result of a validation: passed, or the cases its reference solution failed. */
export interface LanguageValidation {
  passed: boolean;
  /** How the run ended: ok, or compile_error, timeout, … */
  status: string;
  /** The run's own explanation when it did not run to the end. */
  message?: string;
  /** The compiler's messages, when it refused the solution. */
  compileOutput?: string;
  total?: number;
  /** Failed cases by their position in the tests (from 0), with the values as JSON text. */
  failed?: { case: number; hidden?: boolean; status?: string; expected?: string | null; actual?: string | null; detail?: string | null }[];
}

export interface Validation {
  /** The version that was validated: publishing needs a passing validation of the current one. */
  version: number;
  passed: boolean;
  languages: Record<string, LanguageValidation>;
}

export interface DesignSignature {
  class: string;
  constructor: { name: string; type: string }[];
  methods: { name: string; params: { name: string; type: string }[]; returns: string }[];
}

/** A stored test case as the folder's tests.json holds it. */
export interface StoredCase {
  input: unknown[];
  expected: unknown;
  hidden?: boolean;
  timeLimitMs?: number;
}

/** A problem in full, as far as the caller may see it (GET /api/problems/{id}). */
export interface ProblemDetail extends ProblemListing {
  version: number;
  difficulty: string;
  categories: string[];
  timeEstimateMinutes: number;
  languages?: string[];
  source?: "curated" | "team";
  status?: "draft" | "published";
  kind?: string;
  design?: DesignSignature;
  hintCount?: number;
  hints?: string[];
  followUp?: string;
  editorial?: string;
  editorialHtml?: string;
  caseTimeLimitMs?: number;
  order?: string;
  tolerance?: number;
  /** Team members editing a team problem: every case and every reference solution. */
  tests?: StoredCase[];
  solutions?: Record<string, string>;
  validation?: Validation | null;
}

function auth(token: string | undefined): Record<string, string> {
  return token ? { authorization: "Bearer " + token } : {};
}

/**
 * One page of the problems these filters find. A room's token (an interviewer's) adds the room's
 * team's problems; without it the session cookie, if any, speaks for the caller.
 */
export async function searchProblems(filters: LibraryFilters, token?: string, signal?: AbortSignal): Promise<ProblemPage> {
  const query = toQuery(filters);
  const page = await call<Partial<ProblemPage>>(`/api/problems${query ? "?" + query : ""}`, { headers: auth(token), signal });
  const problems = page.problems ?? [];
  return { problems, total: page.total ?? problems.length, page: page.page ?? filters.page, size: page.size ?? filters.size };
}

export function problemDetail(id: string, options: { version?: number; token?: string; signal?: AbortSignal } = {}): Promise<ProblemDetail> {
  const version = options.version ? `?version=${options.version}` : "";
  return call<ProblemDetail>(`/api/problems/${encodeURIComponent(id)}${version}`, { headers: auth(options.token), signal: options.signal });
}

/** A team problem's folder, as the authoring calls take it. */
export interface ProblemFolderBody {
  problem: Record<string, unknown>;
  statement: string;
  editorial: string;
  tests: StoredCase[];
  starter: Record<string, string>;
  solutions: Record<string, string>;
}

/** A team problem's state after an authoring call: its newest version, status and that version's validation. */
export interface SavedProblem {
  id: string;
  slug?: string;
  version: number;
  publishedVersion?: number | null;
  status: "draft" | "published";
  validation: Validation | null;
}

export function createProblem(body: ProblemFolderBody): Promise<SavedProblem> {
  return call<SavedProblem>("/api/problems", { method: "POST", body: JSON.stringify(body) });
}

export function updateProblem(id: string, body: ProblemFolderBody): Promise<SavedProblem> {
  return call<SavedProblem>(`/api/problems/${encodeURIComponent(id)}`, { method: "PUT", body: JSON.stringify(body) });
}

/** The newest version of a team problem as its folder, for the authoring page (members of its team). */
export function problemSource(id: string): Promise<SavedProblem & { source: ProblemFolderBody }> {
  return call(`/api/problems/${encodeURIComponent(id)}/source`);
}

/** Runs every reference solution against every case; the answer is the problem with its validation. */
export async function validateProblem(id: string): Promise<Validation> {
  const answer = await call<SavedProblem | Validation>(`/api/problems/${encodeURIComponent(id)}/validate`, { method: "POST", body: "{}" });
  if ("passed" in answer) return answer;
  if (!answer.validation) throw new Error("The server answered without a validation; try again.");
  return answer.validation;
}

export function publishProblem(id: string): Promise<SavedProblem> {
  return call<SavedProblem>(`/api/problems/${encodeURIComponent(id)}/publish`, { method: "POST", body: "{}" });
}

/** The server's safe HTML for this Markdown, as a statement would show it. */
export async function previewMarkdown(markdown: string, signal?: AbortSignal): Promise<string> {
  return (await call<{ html: string }>("/api/problems/preview", { method: "POST", body: JSON.stringify({ markdown }), signal })).html;
}
