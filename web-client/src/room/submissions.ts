import { Store } from "../app/store";
import { call, type PastRun } from "../api";
import { kindOf, type RunKind } from "./runLabels";
import type { TestReport } from "./tests";

/** One row of the Submissions tab. */
export interface SubmissionEntry {
  id: string;
  kind: RunKind;
  /** Who started it, as people saw their name then (a role when no name is known). */
  by: string;
  /** When it was queued, epoch milliseconds. */
  at: number;
  language: string;
  /** `running` until its end arrives, then how it ended (`ok`, `timeout`, …). */
  status: string;
  /** Tests passed and run, for examples and submissions that got results. */
  passed: number | null;
  total: number | null;
}

/** A run as GET /api/rooms/{id}/runs/{runId} gives it, with its code as it ran. */
export interface RunDetail extends PastRun {
  language?: string;
  requestedBy?: string;
  requestedName?: string;
  code?: string;
  stdin?: string;
}

export interface SubmissionsState {
  entries: SubmissionEntry[];
  /** Set when the list could not be read. */
  error: string | null;
  /** The run opened to read its code and results, and its detail once fetched. */
  opened: { id: string; detail: RunDetail | null; error: string | null } | null;
}

/**
 * Every run and submission of the room, newest first: read once from the server when the page
 * joins, then kept current by the room's run events; opening one reads its code as it ran and its
 * results (hidden tests as this viewer may see them: the server decides).
 */
export class Submissions {
  readonly store = new Store<SubmissionsState>({ entries: [], error: null, opened: null });
  private readonly base: string;
  private readonly headers: Record<string, string>;

  constructor(roomId: string, token: string) {
    this.base = `/api/rooms/${encodeURIComponent(roomId)}/runs`;
    this.headers = { authorization: "Bearer " + token };
  }

  /** Reads the room's runs; runs already heard of over the socket keep what the socket said. */
  async load(): Promise<void> {
    try {
      const { runs } = await call<{ runs: RunDetail[] }>(this.base, { headers: this.headers });
      const live = new Map(this.store.value.entries.map((e) => [e.id, e]));
      const stored = runs.map((run) => live.get(run.id) ?? entryOf(run));
      const storedIds = new Set(stored.map((e) => e.id));
      const newer = this.store.value.entries.filter((e) => !storedIds.has(e.id));
      this.store.update({ entries: sorted([...newer, ...stored]), error: null });
    } catch (e) {
      this.store.update({ error: `The runs could not be read: ${(e as Error).message}` });
    }
  }

  /** A run_started event. */
  started(event: { runId: string; mode?: string; language?: string; by: string; at?: number }): void {
    const entry: SubmissionEntry = {
      id: event.runId,
      kind: kindOf(event.mode),
      by: event.by,
      at: event.at ?? Date.now(),
      language: event.language ?? "",
      status: "running",
      passed: null,
      total: null,
    };
    this.store.update({ entries: sorted([entry, ...this.store.value.entries.filter((e) => e.id !== entry.id)]) });
  }

  /** A run_finished event: its status and counts; an opened run is read again with its results. */
  finished(event: { runId: string; status: string; tests?: TestReport | string | null }): void {
    const tests = typeof event.tests === "object" && event.tests ? event.tests : null;
    const entries = this.store.value.entries.map((e) =>
      e.id === event.runId ? { ...e, status: event.status, passed: tests?.passed ?? null, total: tests?.total ?? null } : e,
    );
    this.store.update({ entries });
    if (this.store.value.opened?.id === event.runId) void this.open(event.runId);
  }

  /** Opens a run: its code as it ran and its results. */
  async open(id: string): Promise<void> {
    const previous = this.store.value.opened;
    this.store.update({ opened: { id, detail: previous?.id === id ? previous.detail : null, error: null } });
    try {
      const detail = await call<RunDetail>(`${this.base}/${encodeURIComponent(id)}`, { headers: this.headers });
      if (this.store.value.opened?.id === id) this.store.update({ opened: { id, detail, error: null } });
    } catch (e) {
      if (this.store.value.opened?.id === id) {
        this.store.update({ opened: { id, detail: null, error: `The run could not be read: ${(e as Error).message}` } });
      }
    }
  }

  /** Back to the list. */
  close(): void {
    this.store.update({ opened: null });
  }
}

function entryOf(run: RunDetail): SubmissionEntry {
  const tests = (run.tests ?? null) as TestReport | null;
  return {
    id: run.id,
    kind: kindOf(run.mode),
    by: run.requestedName || run.requestedBy || "someone",
    at: Date.parse(run.createdAt),
    language: run.language ?? "",
    status: run.status,
    passed: tests ? tests.passed : null,
    total: tests ? tests.total : null,
  };
}

function sorted(entries: SubmissionEntry[]): SubmissionEntry[] {
  return [...entries].sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
}
