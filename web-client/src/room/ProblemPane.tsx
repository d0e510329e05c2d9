import type { ComponentChildren } from "preact";
import type { ProblemListing } from "../api";
import type { ProblemSummary } from "./session";
import { ProblemBadges } from "../library/ProblemBadges";
import { Constraints } from "../library/ProblemPreview";
import { SafeHtml } from "../library/SafeHtml";
import { formatArgs, formatJson } from "./tests";

/**
 * The problem's statement, labels, signature, constraints and examples. The statement is the
 * server's sanitized HTML when it sends one (SafeHtml), else its text: nothing else is markup.
 */
export function ProblemPane(props: { problem: ProblemSummary | null; listing: ProblemListing | undefined; interviewer: boolean; canPick: boolean; hidden: boolean; hints?: ComponentChildren }) {
  const { problem, listing } = props;
  const params = listing?.params ?? [];
  const names = params.map((p) => p.name);
  const signature =
    listing?.function && listing.params
      ? `${listing.function}(${params.map((p) => `${p.name}: ${p.type}`).join(", ")})${listing.returns ? ` → ${listing.returns}` : ""}`
      : "";
  const examples = listing?.examples ?? [];
  const statementHtml = listing?.statementHtml ?? problem?.statementHtml;
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
          <ProblemBadges difficulty={listing?.difficulty} categories={listing?.categories} />
          {signature ? (
            <p class="signature">
              <code>{signature}</code>
            </p>
          ) : null}
          {statementHtml !== undefined ? <SafeHtml class="statement" html={statementHtml} /> : <div class="statement">{listing?.statement ?? problem.statement ?? ""}</div>}
          <Constraints constraints={listing?.constraints} />
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
