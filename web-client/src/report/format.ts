import { kindOf, statusLabel } from "../room/runLabels";
import type { Recommendation, Report, ReportRun } from "./types";

/** "25 min", "1 h 05 min", "40 s": a duration as a report reads it. */
export function duration(ms: number): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** The time taken against the estimate, in one line. */
export function timeTaken(time: Report["time"]): string {
  if (time.takenMs === null) return "Not started";
  const taken = duration(time.takenMs);
  if (time.estimateMs === null || time.overByMs === null) return taken;
  const against = `${taken} of an estimated ${duration(time.estimateMs)}`;
  if (Math.abs(time.overByMs) < 60_000) return `${against} (on time)`;
  return `${against} (${duration(time.overByMs)} ${time.overByMs > 0 ? "over" : "under"})`;
}

/** "2 of 3 hints used"; a problem without hints says so. */
export function hintsUsed(hints: Report["hints"]): string {
  if (hints.total === 0) return "The problem has no hints";
  return `${hints.used} of ${hints.total} hint${hints.total === 1 ? "" : "s"} used`;
}

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

/** A run's outcome: "4 / 6 tests passed" for a submission, its status otherwise (as the room words it). */
export function runOutcome(run: ReportRun): string {
  if (run.status === "running" || !run.tests) return statusLabel(run.status);
  return `${run.tests.passed} / ${run.tests.total} tests passed`;
}

/** Whether a run is a submission (all the tests) rather than a plain run or the examples. */
export function isSubmission(run: ReportRun): boolean {
  return kindOf(run.mode) === "submit";
}

/** A moment, in the reader's locale: date and time. */
export function when(iso: string | null): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The time of day of a moment, for events within the interview. */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** How many scorecards recommend each answer, strongest no first. */
export function tally(report: Report): { value: Recommendation; label: string; count: number }[] {
  return (Object.keys(RECOMMENDATION_LABELS) as Recommendation[]).map((value) => ({
    value,
    label: RECOMMENDATION_LABELS[value],
    count: report.scorecards.items.filter((card) => card.recommendation === value).length,
  }));
}
