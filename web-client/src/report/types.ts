/**
 * The report of a room, as GET /api/rooms/{id}/report gives it (the Report schema in the server's
 * openapi.json). The report page, the room after the end and the offline export all read this one
 * shape, and nothing else.
 */
export type Recommendation = "strong_no" | "no" | "yes" | "strong_yes";

export interface Rating {
  criterion: string;
  rating: number;
}

export interface Scorecard {
  /** user:<id> or token:<id>: one scorecard per interviewer and room. */
  author: string;
  name: string;
  ratings: Rating[];
  notes: string;
  recommendation: Recommendation;
  submittedAt: string;
  updatedAt: string;
}

export interface ScorecardForm {
  criteria: string[];
  scale: { value: number; label: string }[];
  recommendations: { value: Recommendation; label: string }[];
}

export interface RoomScorecards extends ScorecardForm {
  archivedAt: string | null;
  canWrite: boolean;
  mine: Scorecard | null;
  scorecards: Scorecard[];
}

export interface TestCase {
  index: number;
  hidden: boolean;
  status: string;
  timeMs?: number;
  input?: string | null;
  expected?: string;
  actual?: string | null;
  diff?: string;
  error?: string;
}

export interface ReportRun {
  id: string;
  language: string;
  mode: string;
  requestedBy: string;
  by: string;
  createdAt: string;
  status: string;
  runMs?: number;
  message?: string;
  tests?: { passed: number; total: number; cases?: TestCase[] };
}

export interface Report {
  version: number;
  generatedAt: string;
  room: {
    id: string;
    title: string;
    language: string;
    status: "open" | "ended";
    createdAt: string;
    startedAt: string | null;
    endedAt: string | null;
    scheduledAt: string | null;
    durationMinutes: number | null;
    candidateName: string | null;
    candidateEmail: string | null;
  };
  problem: { id: string; title: string; timeEstimateMinutes: number; hintCount: number } | null;
  time: {
    source: "clock" | "room";
    startedAt: string | null;
    endedAt: string | null;
    takenMs: number | null;
    estimateMs: number | null;
    overByMs: number | null;
  };
  code: { language: string; text: string };
  notes: string;
  runs: ReportRun[];
  hints: { used: number; total: number; revealed: { index: number; text: string; at: string; by: string }[] };
  chat: { count: number; messages: { at: string; name: string; channel: "everyone" | "interviewers"; text: string }[] };
  scorecards: ScorecardForm & { archivedAt: string | null; items: Scorecard[] };
  links: { timeline: string; report: string };
}
