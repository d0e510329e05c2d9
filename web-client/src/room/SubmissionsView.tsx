import "./submissions.css";
import { useStore } from "../app/store";
import { LANGUAGE_NAMES } from "./languages";
import { KIND_LABELS, statusLabel } from "./runLabels";
import type { SubmissionEntry, Submissions } from "./submissions";
import type { TestReport } from "./tests";
import { TestsView } from "./TestsView";

/**
 * The Submissions tab: every run, examples run and submission of the room, newest first, with who,
 * when, the language, how it ended and how many tests passed; opening one shows its code as it ran
 * (read-only) and its results.
 */
export function SubmissionsView({ submissions, params, returns }: { submissions: Submissions; params: string[]; returns?: string }) {
  const { entries, error, opened } = useStore(submissions.store);
  if (opened) {
    const entry = entries.find((e) => e.id === opened.id);
    const detail = opened.detail;
    const tests = (detail?.tests ?? null) as TestReport | null;
    return (
      <div id="submission" class="submission" data-run={opened.id}>
        <div class="submission-head">
          <button type="button" id="submission-back" onClick={() => submissions.close()}>
            ← All runs
          </button>
          <span id="submission-title" class="submission-title">
            {entry ? describe(entry) : opened.id}
          </span>
        </div>
        {opened.error ? <p class="muted">{opened.error}</p> : null}
        {detail ? (
          <>
            {detail.message ? <p class="submission-message">{detail.message}</p> : null}
            <pre id="submission-code" class="submission-code" aria-label="The code as it ran" tabIndex={0}>
              {detail.code ?? ""}
            </pre>
            {tests ? (
              <div class="tests submission-tests">
                <TestsView report={tests} params={params} returns={returns} ids={false} />
              </div>
            ) : detail.stdout || detail.stderr ? (
              <pre class="output submission-output">
                <span class="stream stream-stdout">{detail.stdout}</span>
                <span class="stream stream-stderr">{detail.stderr}</span>
              </pre>
            ) : null}
          </>
        ) : opened.error ? null : (
          <p class="muted">Reading the run…</p>
        )}
      </div>
    );
  }
  return (
    <>
      {error ? <p class="muted">{error}</p> : null}
      {entries.length === 0 ? (
        <p class="muted">No runs yet: runs, examples and submissions of everyone in the room show here.</p>
      ) : (
        <table id="submissions-table" class="submissions-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Language</th>
              <th scope="col">Status</th>
              <th scope="col">Passed</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-run={e.id} data-kind={e.kind} data-status={e.status}>
                <td>
                  <button type="button" class="link-button submission-open" title="Show its code as it ran and its results" onClick={() => submissions.open(e.id)}>
                    {new Date(e.at).toLocaleTimeString()}
                  </button>
                </td>
                <td class="submission-by">{e.by}</td>
                <td class="submission-kind">{KIND_LABELS[e.kind]}</td>
                <td>{LANGUAGE_NAMES[e.language] ?? e.language}</td>
                <td class="submission-status">{statusLabel(e.status)}</td>
                <td class="submission-passed">{e.total !== null ? `${e.passed} / ${e.total}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function describe(e: SubmissionEntry): string {
  const counts = e.total !== null ? ` · ${e.passed} / ${e.total} passed` : "";
  const language = LANGUAGE_NAMES[e.language] ?? e.language;
  return `${KIND_LABELS[e.kind]} by ${e.by} at ${new Date(e.at).toLocaleTimeString()} · ${language} · ${statusLabel(e.status)}${counts}`;
}
