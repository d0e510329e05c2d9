import "./report.css";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { ThemeToggle } from "../ui/ThemeToggle";
import { ReportApi } from "./api";
import { timeTaken, when } from "./format";
import { CodeSection, NotesSection, RunsSection } from "./ReportView";
import type { Report } from "./types";

/**
 * A room whose interview has ended, as its interviewers keep it: read-only, with the final code,
 * their notes and every run, and the way to the report and the timeline. Candidates and observers
 * get the closing screen instead (their links died with the interview).
 */
export function EndedRoom({ roomId, token }: { roomId: string; token: string | null }) {
  const api = useMemo(() => new ReportApi(roomId, token), [roomId, token]);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api.report().then(setReport, (e) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  useEffect(() => {
    document.title = report ? `${report.room.title} (ended) · Coderoom` : "Coderoom";
  }, [report]);
  const reportLink = `/rooms/${encodeURIComponent(roomId)}/report`;
  // The room changed under the interviewer's hands: the focus goes to what comes next, the report,
  // in the task that shows it (as a dialog takes it), so no key pressed meanwhile lands elsewhere.
  const next = useRef<HTMLAnchorElement>(null);
  useLayoutEffect(() => next.current?.focus(), []);

  return (
    <main id="ended-room" class="report-page ended-room" aria-labelledby="ended-title" aria-busy={report === null && !error}>
      <header class="ended-head">
        <div>
          <p class="report-kicker">The interview has ended</p>
          <h1 id="ended-title">{report?.room.title ?? "Ended interview"}</h1>
          {report ? (
            <p class="muted">
              Ended {when(report.room.endedAt)} · {timeTaken(report.time)}. The room is read-only; candidate and observer links are closed.
            </p>
          ) : null}
        </div>
        <nav class="report-toolbar" aria-label="After the interview">
          <a id="open-report" class="button-link primary" href={reportLink} ref={next}>
            Report and scorecard
          </a>
          <a id="open-timeline" class="button-link" href={report?.links.timeline ?? `/rooms/${encodeURIComponent(roomId)}/playback`}>
            Timeline
          </a>
          <a href="/dashboard">Dashboard</a>
          <ThemeToggle />
        </nav>
      </header>
      {error ? (
        <p id="ended-error" class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <div class="ended-panes">
          <CodeSection report={report} />
          <NotesSection notes={report.notes} />
          <RunsSection runs={report.runs} />
        </div>
      ) : null}
    </main>
  );
}
