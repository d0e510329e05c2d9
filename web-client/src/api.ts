/** The REST calls the pages make. Errors carry the server's one-sentence message. */
export interface Language {
  id: string;
  displayName: string;
  version: string;
  /** Code a new room of this language starts with (reads stdin, prints). */
  template?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON call; a refusal becomes an ApiError. Same-origin calls carry the session cookie. */
export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, body.error ?? "http_" + response.status, body.message ?? response.statusText);
  }
  return body as T;
}

export async function languages(): Promise<Language[]> {
  return (await call<{ languages: Language[] }>("/api/languages")).languages;
}

export interface ProblemListing {
  id: string;
  title: string;
  /** The statement's Markdown source. */
  statement: string;
  /** The statement rendered and sanitized by the server: the only text a page inserts as HTML. */
  statementHtml?: string;
  /** The stored version this text is of; a room keeps the version it was given. */
  version?: number;
  difficulty?: string;
  categories?: string[];
  timeEstimateMinutes?: number;
  constraints?: string[];
  function?: string;
  params?: { name: string; type: string }[];
  returns?: string;
  /** Per language id. */
  starterCode?: Record<string, string>;
  /** The public tests: the arguments as a JSON array, and the expected return value. */
  examples?: { input: unknown[]; expected: unknown }[];
  hiddenTests?: number;
}

/**
 * The server's problems, up to the first hundred, for the short pickers (the room's and the
 * dashboard's); the library page and the room's search page through them all. Empty when the
 * server has none (or predates them). A room's token shows its team's problems too.
 */
export async function problems(token?: string): Promise<ProblemListing[]> {
  try {
    const headers: Record<string, string> = token ? { authorization: "Bearer " + token } : {};
    return (await call<{ problems?: ProblemListing[] }>("/api/problems?size=100", { headers })).problems ?? [];
  } catch {
    return [];
  }
}

export function endRoom(roomId: string, token: string): Promise<unknown> {
  return call(`/api/rooms/${encodeURIComponent(roomId)}/end`, {
    method: "POST",
    headers: { authorization: "Bearer " + token },
    body: "{}",
  });
}

export interface PastRun {
  id: string;
  status: string;
  createdAt: string;
  mode?: string;
  exitCode?: number;
  compileMs?: number;
  runMs?: number;
  memoryBytes?: number;
  message?: string;
  stdout?: string;
  stderr?: string;
  compileOutput?: string;
  stdoutTruncated?: boolean;
  stderrTruncated?: boolean;
  /** A test run's results, by the caller's role (TestReport in room/console.ts). */
  tests?: unknown;
}

/** The room's most recent finished run with its output, for pages that join after it ran. */
export async function latestRun(roomId: string, token: string): Promise<PastRun | null> {
  const headers = { authorization: "Bearer " + token };
  const base = `/api/rooms/${encodeURIComponent(roomId)}/runs`;
  const { runs } = await call<{ runs: PastRun[] }>(base, { headers });
  const finished = runs.filter((run) => run.status !== "running").sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (finished.length === 0) return null;
  return call<PastRun>(`${base}/${encodeURIComponent(finished[0].id)}`, { headers });
}
