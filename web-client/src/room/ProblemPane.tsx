import type { ComponentChildren } from "preact";
import type { ProblemListing } from "../api";
import type { ProblemSummary } from "./session";
import { formatArgs, formatJson } from "./tests";

/** The problem's statement, signature and examples, as text: a statement cannot inject markup. */
export function ProblemPane(props: { problem: ProblemSummary | null; listing: ProblemListing | undefined; interviewer: boolean; canPick: boolean; hidden: boolean; hints?: ComponentChildren }) {
  const { problem, listing } = props;
  const params = listing?.params ?? [];
  const names = params.map((p) => p.name);
  const signature =
    listing?.function && listing.params
      ? `${listing.function}(${params.map((p) => `${p.name}: ${p.type}`).join(", ")})${listing.returns ? ` → ${listing.returns}` : ""}`
      : "";
  const examples = listing?.examples ?? [];
  return (
    // In the Tab order: a long statement scrolls, and a keyboard scrolls only what has the focus.
    <div id="problem" class="problem" role="tabpanel" aria-labelledby="tab-problem" tabIndex={0} hidden={props.hidden}>
      {problem === null ? (
        <>
          <p class="muted">No problem is set for this room.</p>
          {props.canPick ? <p class="muted">Pick one above to give the candidate a statement and tests.</p> : null}
        </>
      ) : (
        <>
          <h2 id="problem-title">{listing?.title ?? problem.title}</h2>
          {signature ? (
            <p class="signature">
              <code>{signature}</code>
            </p>
          ) : null}
          <div class="statement">{listing?.statement ?? problem.statement ?? ""}</div>
          {examples.length > 0 ? (
            <section class="examples" aria-labelledby="examples-title">
              <h3 id="examples-title">Examples</h3>
              {examples.map((e, i) => (
                <dl key={i} class="example" data-index={i}>
                  <dt>Input</dt>
                  <dd>
                    <code>{formatArgs(JSON.stringify(e.input), names)}</code>
                  </dd>
                  <dt>Expected</dt>
                  <dd>
                    <code>{formatJson(JSON.stringify(e.expected))}</code>
                  </dd>
                </dl>
              ))}
            </section>
          ) : null}
          {listing?.hiddenTests ? (
            <p class="muted">Submit runs these examples and {listing.hiddenTests} hidden tests; hidden tests show only as a count.</p>
          ) : null}
          {props.hints}
        </>
      )}
    </div>
  );
}
