import { describe, expect, it } from "vitest";
import { loadTrace, sessionFromTrace } from "../bench/session";
import { describeMarker } from "../src/playback/markers";
import { Playback } from "../src/playback/playback";

describe("a playback", () => {
  // An hour of about 400 updates by three people, with a run marker every six minutes.
  const { timeline } = sessionFromTrace(loadTrace("automerge-paper"), { updates: 400, durationMs: 3_600_000, patches: 2000 });

  it("opens at the end, seeks by time, and plays at the chosen speed until the end", () => {
    const playback = new Playback(timeline);
    expect(playback.store.value.position).toBe(timeline.updates.length);
    expect(playback.store.value.time).toBe(playback.end);
    playback.seekTo(playback.start + 30 * 60_000);
    const half = playback.store.value.position;
    expect(half).toBe(timeline.updates.filter((u) => Date.parse(u.at) <= playback.start + 30 * 60_000).length);
    playback.setSpeed(16);
    playback.advance(1000);
    expect(playback.store.value.time).toBe(playback.start + 30 * 60_000 + 16_000);
    expect(playback.store.value.segments.map((s) => s.text).join("")).toBe(playback.engine.text());
    playback.play();
    expect(playback.store.value.playing).toBe(true);
    playback.advance(10 * 3_600_000);
    expect(playback.store.value.time).toBe(playback.end);
    expect(playback.store.value.playing).toBe(false);
  });

  it("jumps to each next run in turn and opens it, and says when there is none", () => {
    const playback = new Playback(timeline);
    playback.seekTo(playback.start);
    const runs = playback.markers.filter((m) => m.isRun);
    expect(runs).toHaveLength(10);
    for (const run of runs) {
      expect(playback.nextRun()).toBe(true);
      expect(playback.store.value.time).toBe(run.time);
      expect(playback.markers[playback.store.value.selected!]).toBe(run);
    }
    expect(playback.nextRun()).toBe(false);
  });

  it("says what each kind of marker means", () => {
    const authors = new Map([["token:c", { actor: "token:c", name: "Casey", role: "candidate" }]]);
    const at = "2026-01-05T14:00:00Z";
    const say = (kind: string, detail: Record<string, unknown> = {}) => describeMarker({ kind, at, actor: "token:c", detail }, authors);
    expect(say("run", { mode: "test", status: "ok", passed: 2, total: 3 })).toMatchObject({ label: "Submission: 2/3 tests passed", group: "run-failed", isRun: true });
    expect(say("run", { mode: "run", status: "ok", exitCode: 0 })).toMatchObject({ label: "Run: ok, exit 0", group: "run" });
    expect(say("run", { mode: "run", status: "time_limit" })).toMatchObject({ label: "Run: time limit", group: "run-failed" });
    expect(say("chat_message", { channel: "interviewers", text: "<b>hi</b>" })).toMatchObject({ label: "Chat (interviewers)", detail: "<b>hi</b>", who: "Casey" });
    expect(say("hint_revealed", { index: 1 }).label).toBe("Hint 2 revealed");
    expect(say("clock_started", { durationMs: 2_700_000 }).label).toBe("Clock started (45 min)");
    expect(say("clock_extended", { byMs: 300_000 }).label).toBe("Clock extended by 5 min");
    expect(say("joined", { name: "Casey C." }).label).toBe("Casey C. joined");
    expect(say("left").label).toBe("Casey left");
    expect(say("language_changed", { language: "go" }).label).toBe("Language changed to go");
    expect(say("problem_changed", { problemId: "" }).label).toBe("Problem cleared");
  });
});
