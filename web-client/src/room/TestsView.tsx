import { ValueView } from "./ValueView";
import { formatArgs, formatJson, formatMs, type HiddenPhase, type TestCase, type TestReport } from "./tests";

/**
 * The Tests tab's content: pass counts, then one entry per case with its status and time, and for
 * the cases this viewer may see, the input, expected and actual values with their difference
 * marked. Hidden cases that are not sent (to candidates and observers) show as a count only.
 *
 * @param params the problem's parameter names, to label the arguments (empty: unlabelled)
 * @param returns the problem's return type: a TreeNode or ListNode value is drawn under its text
 * @param ids whether the summary lines carry their ids (`tests-summary`, `tests-counts`): only the
 *     console's Tests tab, since a run opened in the Submissions tab is on the page at the same time
 */
export function TestsView({ report, params, returns, ids = true }: { report: TestReport; params: string[]; returns?: string; ids?: boolean }) {
  const allPassed = report.passed === report.total;
  const cases = report.cases ?? [];
  const hiddenTotal = report.hiddenTotal ?? 0;
  const publicTotal = report.publicTotal ?? report.total - hiddenTotal;
  const hiddenShown = cases.some((c) => c.hidden);
  const counts = [
    `public: ${report.publicPassed ?? report.passed - (report.hiddenPassed ?? 0)}/${publicTotal} passed`,
    hiddenTotal > 0 ? `hidden: ${report.hiddenPassed ?? 0}/${hiddenTotal} passed` : "",
  ].filter(Boolean);
  return (
    <>
      <p id={ids ? "tests-summary" : undefined} class={allPassed ? "tests-summary ok" : "tests-summary failed"}>
        {report.passed} / {report.total} tests passed
      </p>
      <p id={ids ? "tests-counts" : undefined} class="tests-counts muted">
        {counts.join(" · ")}
      </p>
      {cases.map((c) => (
        <CaseEntry key={`${c.hidden}-${c.index}`} case={c} params={params} returns={returns} />
      ))}
      {hiddenTotal > 0 && !hiddenShown ? (
        <p class="hidden-note muted">
          Hidden tests: {report.hiddenPassed ?? 0}/{hiddenTotal} passed. Their inputs are not shown.
        </p>
      ) : null}
      {report.hiddenPhase ? <HiddenPhaseEntry phase={report.hiddenPhase} /> : null}
    </>
  );
}

/** How the run ended once its hidden cases began, and what it printed then (interviewers only). */
function HiddenPhaseEntry({ phase }: { phase: HiddenPhase }) {
  const status = phase.status.toLowerCase();
  const exit = phase.exitCode >= 0 ? ` · exit ${phase.exitCode}` : "";
  const time = phase.runMs >= 0 ? ` · ${formatMs(phase.runMs)} in all` : "";
  return (
    <details class={`case hidden-phase case-${status === "ok" ? "passed" : "error"}`} data-status={status}>
      <summary>
        Hidden tests ended: {status}
        {exit}
        {time}
      </summary>
      {phase.message ? <p class="diff">{phase.message}</p> : null}
      {phase.output ? <pre class="stream stream-stdout hidden-phase-output">{phase.output}</pre> : null}
    </details>
  );
}

function CaseEntry({ case: c, params, returns }: { case: TestCase; params: string[]; returns?: string }) {
  const status = c.status.toLowerCase();
  const passed = status === "passed";
  const name = c.hidden ? `Hidden test ${c.index + 1}` : `Test ${c.index + 1}`;
  const time = c.timeMs !== undefined && c.timeMs >= 0 ? ` · ${formatMs(c.timeMs)}` : "";
  const expected = formatJson(c.expected ?? "");
  const actual = c.actual == null ? "nothing" : formatJson(c.actual);
  return (
    <details class={`case case-${status}`} data-status={status} data-hidden={String(c.hidden)} open={!passed}>
      <summary>
        <span aria-hidden="true">{passed ? "✓" : "✗"}</span> {name} · {status}
        {time}
      </summary>
      <dl>
        {c.input != null ? (
          <>
            <dt>Input</dt>
            <dd>
              <code class="case-input">{formatArgs(c.input, params)}</code>
            </dd>
          </>
        ) : null}
        <dt>Expected</dt>
        <dd>
          <code class="case-expected">
            <Marked text={expected} other={actual} kind="expected" />
          </code>
          <ValueView json={c.expected} type={returns} other={c.actual} label="Expected" />
        </dd>
        <dt>Got</dt>
        <dd>
          <code class="case-actual">
            <Marked text={actual} other={expected} kind="actual" />
          </code>
          <ValueView json={c.actual} type={returns} other={c.expected} label="Got" />
        </dd>
      </dl>
      {c.diff ? <p class="diff">{c.diff}</p> : null}
      {c.error ? <pre class="stream stream-stderr case-error-text">{c.error}</pre> : null}
    </details>
  );
}

/** The text with the part between its common start and common end with `other` marked. */
function Marked({ text, other, kind }: { text: string; other: string; kind: string }) {
  if (text === other) return <>{text}</>;
  let start = 0;
  while (start < text.length && start < other.length && text[start] === other[start]) start++;
  let end = 0;
  while (end < text.length - start && end < other.length - start && text[text.length - 1 - end] === other[other.length - 1 - end]) end++;
  return (
    <>
      {text.slice(0, start)}
      <mark class={kind}>{text.slice(start, text.length - end)}</mark>
      {text.slice(text.length - end)}
    </>
  );
}
