import { RECOMMENDATION_LABELS, clockTime, duration, hintsUsed, isSubmission, runOutcome, tally, timeTaken, when } from "./format";
import { KIND_LABELS, kindOf } from "../room/runLabels";
import type { Report, ReportRun, Scorecard } from "./types";

/**
 * An interview's report, drawn from the report JSON alone: the report page, the room after the
 * end and the offline export (which has no server) all show it. Plain markup with a print
 * stylesheet (report.css): printed to PDF it is the document a hiring team files.
 */
export function ReportView({ report }: { report: Report }) {
  const { room, problem } = report;
  return (
    <article id="report" class="report" aria-labelledby="report-title">
      <header class="report-head">
        <p class="report-kicker">Interview report</p>
        <h1 id="report-title">{room.title}</h1>
        <dl class="report-facts">
          <Fact label="Candidate" value={room.candidateName ?? "—"} />
          <Fact label="Problem" value={problem ? problem.title : "None"} />
          <Fact label="Language" value={report.code.language} />
          <Fact label="Started" value={when(report.time.startedAt ?? room.startedAt)} />
          <Fact label="Ended" value={room.endedAt ? when(room.endedAt) : "Still open"} />
          <Fact label="Time taken" value={timeTaken(report.time)} id="report-time" />
          <Fact label="Hints" value={hintsUsed(report.hints)} id="report-hints-used" />
          <Fact label="Submissions" value={submissionsLine(report.runs)} id="report-submissions-line" />
        </dl>
      </header>
      <ScorecardsSection report={report} />
      <CodeSection report={report} />
      <NotesSection notes={report.notes} />
      <RunsSection runs={report.runs} />
      <HintsSection report={report} />
      <ChatSection report={report} />
      <section class="report-section" id="report-timeline" aria-labelledby="report-timeline-title">
        <h2 id="report-timeline-title">Timeline</h2>
        <p>
          The whole session, runs and chat included, replays on the <a href={report.links.timeline}>timeline</a>.
        </p>
      </section>
      <footer class="report-foot muted">
        Report of room {room.id}, made {when(report.generatedAt)}.
      </footer>
    </article>
  );
}

function Fact({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <div class="report-fact" id={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function submissionsLine(runs: ReportRun[]): string {
  const submissions = runs.filter(isSubmission);
  const plain = runs.length - submissions.length;
  const last = submissions[submissions.length - 1];
  const parts = [`${submissions.length} submission${submissions.length === 1 ? "" : "s"}`, `${plain} run${plain === 1 ? "" : "s"}`];
  if (last?.tests) parts.push(`last: ${last.tests.passed} / ${last.tests.total} passed`);
  return parts.join(", ");
}

function ScorecardsSection({ report }: { report: Report }) {
  const cards = report.scorecards.items;
  return (
    <section class="report-section" id="report-scorecards" aria-labelledby="report-scorecards-title">
      <h2 id="report-scorecards-title">Scorecards</h2>
      {cards.length === 0 ? (
        <p class="muted">No interviewer has submitted a scorecard yet.</p>
      ) : (
        <>
          <p class="report-tally">
            {tally(report)
              .filter((t) => t.count > 0)
              .map((t) => `${t.label}: ${t.count}`)
              .join(" · ")}
            {report.scorecards.archivedAt ? ` · archived ${when(report.scorecards.archivedAt)}` : ""}
          </p>
          {cards.map((card) => (
            <ScorecardCard key={card.author} card={card} labels={report.scorecards.scale} />
          ))}
        </>
      )}
    </section>
  );
}

function ScorecardCard({ card, labels }: { card: Scorecard; labels: Report["scorecards"]["scale"] }) {
  const label = (rating: number) => labels.find((l) => l.value === rating)?.label ?? String(rating);
  return (
    <div class="scorecard" data-author={card.author}>
      <h3>
        {card.name} <span class={`recommendation rec-${card.recommendation}`}>{RECOMMENDATION_LABELS[card.recommendation]}</span>
      </h3>
      <table class="scorecard-ratings">
        <tbody>
          {card.ratings.map((r) => (
            <tr key={r.criterion}>
              <th scope="row">{r.criterion}</th>
              <td>
                <span class="rating-dots" aria-hidden="true">
                  {"●".repeat(r.rating)}
                  {"○".repeat(Math.max(0, labels.length - r.rating))}
                </span>{" "}
                {r.rating} · {label(r.rating)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {card.notes ? <p class="scorecard-notes">{card.notes}</p> : null}
      <p class="muted small">
        Submitted {when(card.submittedAt)}
        {card.updatedAt !== card.submittedAt ? `, edited ${when(card.updatedAt)}` : ""}
      </p>
    </div>
  );
}

/** The code as the interview left it. */
export function CodeSection({ report }: { report: Report }) {
  return (
    <section class="report-section" id="report-code" aria-labelledby="report-code-title">
      <h2 id="report-code-title">Final code</h2>
      <pre class="report-code" data-language={report.code.language} tabIndex={0} aria-label={`Final ${report.code.language} code`}>
        <code>{report.code.text || "(empty)"}</code>
      </pre>
    </section>
  );
}

/** The interviewers' notes. */
export function NotesSection({ notes }: { notes: string }) {
  return (
    <section class="report-section" id="report-notes" aria-labelledby="report-notes-title">
      <h2 id="report-notes-title">Interviewer notes</h2>
      {notes.trim() ? <p class="report-notes">{notes}</p> : <p class="muted">No notes.</p>}
    </section>
  );
}

/** Every run and submission, oldest first, with each submission's test cases. */
export function RunsSection({ runs }: { runs: ReportRun[] }) {
  return (
    <section class="report-section" id="report-runs" aria-labelledby="report-runs-title">
      <h2 id="report-runs-title">Runs and submissions</h2>
      {runs.length === 0 ? (
        <p class="muted">Nothing was run.</p>
      ) : (
        <table class="report-runs">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Kind</th>
              <th scope="col">Language</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <RunRow key={run.id} run={run} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RunRow({ run }: { run: ReportRun }) {
  const cases = run.tests?.cases ?? [];
  return (
    <>
      <tr class="run-row" data-run={run.id} data-status={run.status}>
        <td>{clockTime(run.createdAt)}</td>
        <td>{run.by || run.requestedBy}</td>
        <td>{KIND_LABELS[kindOf(run.mode)]}</td>
        <td>{run.language}</td>
        <td>
          {runOutcome(run)}
          {run.runMs !== undefined ? <span class="muted"> · {duration(run.runMs)}</span> : null}
        </td>
      </tr>
      {cases.length > 0 ? (
        <tr class="run-cases">
          <td colSpan={5}>
            <ol class="case-list">
              {cases.map((c) => (
                <li key={c.index} data-status={c.status} class={c.hidden ? "hidden-case" : ""}>
                  <span class={`case-status case-${c.status}`}>{c.status}</span> {c.hidden ? "hidden" : "public"} case {c.index + 1}
                  {c.timeMs !== undefined ? <span class="muted"> · {Math.round(c.timeMs)} ms</span> : null}
                  {c.status !== "passed" && c.input != null ? (
                    <span class="case-detail">
                      {" "}
                      input <code>{c.input}</code>, expected <code>{c.expected}</code>, got <code>{c.actual ?? "nothing"}</code>
                      {c.error ? <>, error <code>{c.error}</code></> : null}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function HintsSection({ report }: { report: Report }) {
  const { hints } = report;
  return (
    <section class="report-section" id="report-hints" aria-labelledby="report-hints-title">
      <h2 id="report-hints-title">Hints</h2>
      <p>{hintsUsed(hints)}.</p>
      {hints.revealed.length > 0 ? (
        <ol class="report-list">
          {hints.revealed.map((hint) => (
            <li key={hint.index}>
              <span class="muted">
                {clockTime(hint.at)} · hint {hint.index + 1}
                {hint.by ? ` · by ${hint.by}` : ""}:
              </span>{" "}
              {hint.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function ChatSection({ report }: { report: Report }) {
  const { chat } = report;
  return (
    <section class="report-section" id="report-chat" aria-labelledby="report-chat-title">
      <h2 id="report-chat-title">Chat</h2>
      {chat.count === 0 ? (
        <p class="muted">No messages.</p>
      ) : (
        <ol class="report-list chat-log">
          {chat.messages.map((m, i) => (
            <li key={i} data-channel={m.channel}>
              <span class="muted">
                {clockTime(m.at)} · {m.name}
                {m.channel === "interviewers" ? " (interviewers only)" : ""}:
              </span>{" "}
              {m.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
