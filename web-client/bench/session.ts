// A recorded session made from an editing trace (crdt/test-data/editing-traces): the trace's edits
// typed by two or three people in turns, each in their own yjs document kept in sync with the
// others, one stored update per group of edits, spread evenly over the session's length. The
// playback benchmark and the engine's tests replay it; it is the shape GET /timeline returns.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { CODE_TEXT } from "../src/playback/engine";
import type { Timeline, TimelineAuthor, TimelineUpdate } from "../src/playback/timeline";

export interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: [number, number, string][] }[];
}

/** The traces, found from web-client/ (where npm runs scripts and tests). */
export const TRACES = resolve(process.cwd(), "../crdt/test-data/editing-traces");

export function loadTrace(name: string): Trace {
  return JSON.parse(gunzipSync(readFileSync(`${TRACES}/${name}.json.gz`)).toString("utf8")) as Trace;
}

export interface SessionOptions {
  /** How many stored updates the session has. */
  updates: number;
  durationMs: number;
  /** Two or three people. */
  people?: number;
  /** Use only the trace's first patches (all by default). */
  patches?: number;
  start?: number;
}

const PEOPLE: TimelineAuthor[] = [
  { actor: "token:candidate", name: "Casey Candidate", role: "candidate" },
  { actor: "token:interviewer", name: "Ira Interviewer", role: "interviewer" },
  { actor: "user:panel", name: "Pat Panel", role: "interviewer" },
];

/** Who types the n-th stretch of the session: mostly the candidate, the others now and then. */
const TURNS = [0, 0, 1, 0, 2, 0, 1];

const iso = (ms: number) => new Date(ms).toISOString();

/** The session as a timeline, with a run marker every tenth of the way. */
export function sessionFromTrace(trace: Trace, options: SessionOptions): { timeline: Timeline } {
  const people = Math.min(3, Math.max(2, options.people ?? 3));
  const start = options.start ?? Date.UTC(2026, 0, 5, 14, 0, 0);
  const patches = trace.txns.flatMap((t) => t.patches).slice(0, options.patches ?? Infinity);
  const docs = PEOPLE.slice(0, people).map((_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 1000 + i;
    return doc;
  });
  const updates: TimelineUpdate[] = [];
  const count = Math.min(options.updates, patches.length);
  // Update u carries patches [first(u), first(u + 1)): as even a share of the trace as can be.
  const first = (u: number) => Math.floor((u * patches.length) / count);
  const stretch = Math.max(1, Math.floor(count / 40));
  const step = options.durationMs / count;
  for (let u = 0; u < count; u++) {
    const who = TURNS[Math.floor(u / stretch) % TURNS.length] % people;
    const doc = docs[who];
    const text = doc.getText(CODE_TEXT);
    let update: Uint8Array | null = null;
    const keep = (bytes: Uint8Array) => (update = bytes);
    doc.on("update", keep);
    doc.transact(() => {
      for (const [pos, del, ins] of patches.slice(first(u), first(u + 1))) {
        if (del > 0) text.delete(pos, del);
        if (ins !== "") text.insert(pos, ins);
      }
    });
    doc.off("update", keep);
    if (update === null) continue;
    for (const other of docs) if (other !== doc) Y.applyUpdate(other, update);
    updates.push({ seq: updates.length + 1, at: iso(start + u * step), author: PEOPLE[who].actor, update: Buffer.from(update).toString("base64") });
  }
  docs.forEach((d) => d.destroy());
  const markers = Array.from({ length: 10 }, (_, i) => ({
    kind: "run",
    at: iso(start + ((i + 0.5) * options.durationMs) / 10),
    actor: PEOPLE[0].actor,
    detail: { runId: `run-${i}`, mode: i % 2 ? "test" : "run", language: "python", status: "ok", passed: i, total: 9 },
  }));
  return {
    timeline: {
      room: { id: "bench", title: "A two-hour session", language: "python", problemId: null, createdAt: iso(start), endedAt: iso(start + options.durationMs) },
      authors: PEOPLE.slice(0, people),
      markers,
      updates,
      next: null,
    },
  };
}
