// What each kind of marker on the scrubber means, in words, and the group it is drawn in.
import type { TimelineAuthor, TimelineMarker } from "./timeline";

/** The marker groups, each drawn in its own colour and shape. */
export type MarkerGroup = "run" | "run-failed" | "chat" | "hint" | "clock" | "people" | "change";

export interface MarkerView {
  /** Milliseconds since the epoch. */
  time: number;
  group: MarkerGroup;
  /** One line: what happened. */
  label: string;
  /** Who did it. */
  who: string;
  /** Longer text for the details (a chat message's words, a run's counts). */
  detail: string;
  isRun: boolean;
  marker: TimelineMarker;
}

const text = (value: unknown): string => (typeof value === "string" ? value : value === undefined || value === null ? "" : String(value));
const minutes = (ms: unknown) => `${Math.round(Number(ms) / 60_000)} min`;

function runLabel(detail: Record<string, unknown>): { label: string; failed: boolean; detail: string } {
  const mode = text(detail.mode);
  const what = mode === "test" ? "Submission" : mode === "examples" ? "Examples run" : "Run";
  const status = text(detail.status);
  const counted = typeof detail.passed === "number" && typeof detail.total === "number";
  const failed = status !== "ok" && status !== "running" ? true : counted && detail.passed !== detail.total;
  const outcome = counted ? `${detail.passed}/${detail.total} tests passed` : status === "ok" ? `ok, exit ${text(detail.exitCode) || 0}` : status.replace(/_/g, " ");
  const extra = [text(detail.language), typeof detail.runMs === "number" ? `${detail.runMs} ms` : ""].filter(Boolean).join(", ");
  return { label: `${what}: ${outcome}`, failed, detail: extra };
}

/** A marker in words, its author named from the timeline's authors. */
export function describeMarker(marker: TimelineMarker, authors: Map<string, TimelineAuthor>): MarkerView {
  const d = marker.detail ?? {};
  const who = text(d.name) || authors.get(marker.actor)?.name || marker.actor;
  const base = { time: Date.parse(marker.at), who, marker, isRun: false, detail: "" };
  switch (marker.kind) {
    case "run": {
      const run = runLabel(d);
      return { ...base, group: run.failed ? "run-failed" : "run", label: run.label, detail: run.detail, isRun: true };
    }
    case "chat_message":
      return { ...base, group: "chat", label: d.channel === "interviewers" ? "Chat (interviewers)" : "Chat", detail: text(d.text) };
    case "hint_revealed":
      return { ...base, group: "hint", label: `Hint ${Number(d.index ?? 0) + 1} revealed` };
    case "clock_started":
      return { ...base, group: "clock", label: d.durationMs ? `Clock started (${minutes(d.durationMs)})` : "Clock started" };
    case "clock_paused":
      return { ...base, group: "clock", label: "Clock paused" };
    case "clock_resumed":
      return { ...base, group: "clock", label: "Clock resumed" };
    case "clock_extended":
      return { ...base, group: "clock", label: `Clock extended by ${minutes(d.byMs)}` };
    case "clock_stopped":
      return { ...base, group: "clock", label: "Clock stopped" };
    case "joined":
      return { ...base, group: "people", label: `${who} joined` };
    case "left":
      return { ...base, group: "people", label: `${who} left` };
    case "participant_kicked":
      return { ...base, group: "people", label: "A participant was removed" };
    case "editing_locked":
      return { ...base, group: "change", label: "Candidate editing locked" };
    case "editing_unlocked":
      return { ...base, group: "change", label: "Candidate editing unlocked" };
    case "language_changed":
      return { ...base, group: "change", label: `Language changed to ${text(d.language)}` };
    case "problem_changed":
      return { ...base, group: "change", label: d.problemId ? `Problem changed to ${text(d.problemId)}` : "Problem cleared" };
    case "room_ended":
      return { ...base, group: "change", label: "Interview ended" };
    default:
      return { ...base, group: "change", label: marker.kind.replace(/_/g, " ") };
  }
}
