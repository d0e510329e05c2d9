import "./report.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { ConfirmDialog } from "../ui/Dialog";
import { ThemeToggle } from "../ui/ThemeToggle";
import { roomToken } from "../room/roomToken";
import { ReportApi } from "./api";
import { ReportView } from "./ReportView";
import { ScorecardForm } from "./ScorecardForm";
import type { Report, RoomScorecards } from "./types";

type Loaded = { state: "loading" } | { state: "failed"; message: string } | { state: "ready"; report: Report; scorecards: RoomScorecards };

/** /rooms/:id/report: the interview's report, the interviewer's scorecard form, and Print. */
export default function ReportPage({ id }: { id: string }) {
  const api = useMemo(() => new ReportApi(id, roomToken(id)), [id]);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [archiving, setArchiving] = useState(false);
  const load = async () => {
    try {
      const report = await api.report();
      const scorecards = await api.scorecards();
      setLoaded({ state: "ready", report, scorecards });
    } catch (e) {
      setLoaded({ state: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };
  useEffect(() => void load(), [api]);
  useEffect(() => {
    document.title = loaded.state === "ready" ? `Report: ${loaded.report.room.title} · Coderoom` : "Report · Coderoom";
  }, [loaded]);

  if (loaded.state === "loading") return <main class="report-page" aria-busy="true" />;
  if (loaded.state === "failed") {
    return (
      <main class="report-page">
        <h1>The report cannot be shown</h1>
        <p id="report-error" role="alert">
          {loaded.message}
        </p>
        <p>
          <a href="/dashboard">Go to the dashboard</a>
        </p>
      </main>
    );
  }
  const { report, scorecards } = loaded;
  return (
    <main class="report-page">
      <nav class="report-toolbar no-print" aria-label="Report">
        <a href={`/rooms/${encodeURIComponent(id)}`}>Back to the room</a>
        <a href={report.links.timeline}>Timeline</a>
        <button type="button" id="print-report" class="primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        {report.room.status === "ended" && scorecards.canWrite ? (
          <button
            type="button"
            id="archive-report"
            title="Scorecards become final"
            onClick={() => setArchiving(true)}
          >
            Archive
          </button>
        ) : null}
        <ThemeToggle />
      </nav>
      {scorecards.canWrite || scorecards.mine ? (
        <ScorecardForm
          form={scorecards}
          onSave={async (draft) => {
            await api.saveScorecard(draft, scorecards.mine !== null);
            await load();
          }}
        />
      ) : null}
      <ReportView report={report} />
      {archiving ? (
        <ConfirmDialog
          id="archive-dialog"
          title="Archive this report?"
          message="Every scorecard of the room becomes final: nobody can submit or change one any more."
          confirmLabel="Archive"
          onConfirm={() => {
            setArchiving(false);
            void api.archive().then(load, (e) => setLoaded({ state: "failed", message: e instanceof Error ? e.message : String(e) }));
          }}
          onCancel={() => setArchiving(false)}
        />
      ) : null}
    </main>
  );
}
