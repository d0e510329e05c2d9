import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadTrace, sessionFromTrace } from "../bench/session";
import { CODE_TEXT, PlaybackEngine, decodeBase64 } from "../src/playback/engine";
import type { Timeline } from "../src/playback/timeline";

/** The code after the first `count` updates, replayed from the start in a fresh document. */
function replayed(timeline: Timeline, count: number): string {
  const doc = new Y.Doc();
  for (const entry of timeline.updates.slice(0, count)) Y.applyUpdate(doc, decodeBase64(entry.update));
  const text = doc.getText(CODE_TEXT).toString();
  doc.destroy();
  return text;
}

/** A seeded generator, so a failure replays the same moments. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("the playback engine", () => {
  // 6,000 edits of the automerge-paper trace, typed by three people as about 860 stored updates.
  const { timeline } = sessionFromTrace(loadTrace("automerge-paper"), { updates: 900, durationMs: 3_600_000, patches: 6000 });

  it("shows at every moment it seeks to what replaying the log from the start up to it shows", () => {
    const engine = new PlaybackEngine(timeline, { every: 37 });
    const next = random(14);
    const n = timeline.updates.length;
    expect(n).toBeGreaterThan(800);
    const moments = [0, 1, 36, 37, 38, n - 1, n, 74, 73, ...Array.from({ length: 60 }, () => Math.floor(next() * (n + 1)))];
    for (const count of moments) {
      engine.seek(count);
      expect(engine.position, `seed 14, seek to ${count}`).toBe(count);
      expect(engine.text(), `seed 14, seek to ${count}`).toBe(replayed(timeline, count));
    }
  });

  it("steps forward one update at a time as playing does, and agrees with the replay", () => {
    const engine = new PlaybackEngine(timeline, { every: 50 });
    engine.seek(100);
    for (let count = 101; count <= 260; count++) {
      engine.seek(count);
      if (count % 20 === 0) expect(engine.text(), `at ${count}`).toBe(replayed(timeline, count));
    }
  });

  it("joins the segments into exactly the code, and finds when each update was made", () => {
    const engine = new PlaybackEngine(timeline);
    engine.seek(450);
    expect(engine.segments().map((s) => s.text).join("")).toBe(engine.text());
    const at = Date.parse(timeline.updates[449].at);
    expect(engine.countAt(at)).toBe(450);
    expect(engine.countAt(at - 1)).toBe(449);
    expect(engine.countAt(0)).toBe(0);
    expect(engine.countAt(Number.MAX_SAFE_INTEGER)).toBe(timeline.updates.length);
  });

  it("colours each character by the person whose browser typed it", () => {
    const people = [
      { actor: "token:a", name: "Ada", role: "candidate" },
      { actor: "token:b", name: "Bo", role: "interviewer" },
    ];
    const a = new Y.Doc();
    const b = new Y.Doc();
    const updates: Timeline["updates"] = [];
    const record = (doc: Y.Doc, other: Y.Doc, actor: string, edit: () => void) => {
      let update: Uint8Array | null = null;
      const keep = (u: Uint8Array) => (update = u);
      doc.on("update", keep);
      edit();
      doc.off("update", keep);
      Y.applyUpdate(other, update!);
      updates.push({ seq: updates.length + 1, at: new Date(1_000 * (updates.length + 1)).toISOString(), author: actor, update: Buffer.from(update!).toString("base64") });
    };
    record(a, b, "token:a", () => a.getText(CODE_TEXT).insert(0, "def f():\n    return 1\n"));
    record(b, a, "token:b", () => b.getText(CODE_TEXT).insert(9, "    # why one?\n"));
    record(a, b, "token:a", () => a.getText(CODE_TEXT).delete(0, 4));
    const engine = new PlaybackEngine({ room: { id: "r", title: "t", language: "python", createdAt: new Date(0).toISOString() }, authors: people, markers: [], updates, next: null });
    expect(engine.segments()).toEqual([
      { text: "f():\n", author: 0 },
      { text: "    # why one?\n", author: 1 },
      { text: "    return 1\n", author: 0 },
    ]);
    engine.seek(1);
    expect(engine.segments()).toEqual([{ text: "def f():\n    return 1\n", author: 0 }]);
    expect(engine.authorOfClient(b.clientID)).toBe(1);
    expect(engine.authorOfClient(12345)).toBe(-1);
  });
});
