/** How the dashboard words times, durations, outcomes and a candidate link's validity. */
import type { CandidateLinkValidity, DashboardRoom } from "./api";

export function dateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

export function duration(minutes: number | null | undefined): string {
  if (!minutes) return "";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function outcome(room: Pick<DashboardRoom, "outcome" | "status">): string {
  if (room.outcome) return `${room.outcome.passed}/${room.outcome.total} tests passed`;
  return room.status === "upcoming" ? "" : "No submission";
}

/** "Valid until …", and why: the part of the create form and the copy notice that explains it. */
export function validity(v: CandidateLinkValidity, locale?: string): string {
  const until = `valid until ${dateTime(v.validUntil, locale)}`;
  switch (v.basis) {
    case "chosen":
      return `The candidate link is ${until} (${v.hours} hours from when it is issued).`;
    case "schedule":
      return `The candidate link is ${until}: the scheduled time, plus the duration, plus a 2-hour margin.`;
    default:
      return `The candidate link is ${until}: the server's default, as no schedule or validity was chosen.`;
  }
}

/**
 * What the create form says before anything is saved: the same rule the server applies (see
 * CandidateLinkValidity on the server), so the interviewer chooses knowingly.
 */
export function plannedValidity(
  form: { scheduledAt: string; durationMinutes: string; candidateLinkHours: string },
  now = new Date(),
): string {
  const hours = Number(form.candidateLinkHours);
  if (form.candidateLinkHours && hours > 0) {
    return `The candidate link will be valid for ${hours} hours from when it is issued.`;
  }
  if (form.scheduledAt) {
    const end = new Date(new Date(form.scheduledAt).getTime() + ((Number(form.durationMinutes) || 60) + 120) * 60_000);
    if (end.getTime() > now.getTime() + 3_600_000) {
      return `The candidate link will be valid until ${dateTime(end.toISOString())}: the scheduled time, plus the duration, plus a 2-hour margin.`;
    }
  }
  return "The candidate link will be valid for the server's default time (24 hours unless configured), as no schedule or validity is chosen.";
}

/** A `datetime-local` input's value for an ISO time, in the browser's zone. */
export function localInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO time of a `datetime-local` input's value, or null when empty. */
export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}
