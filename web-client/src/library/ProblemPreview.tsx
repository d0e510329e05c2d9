import "./problem.css";
import type { ComponentChildren } from "preact";
import type { ProblemDetail } from "./api";
import { ProblemBadges } from "./ProblemBadges";
import { SafeHtml } from "./SafeHtml";

/** A problem's statement as a candidate will read it, with its labels and constraints. */
export function ProblemPreview(props: { problem: ProblemDetail; actions?: ComponentChildren }) {
  const { problem } = props;
  const extra = [problem.source === "team" ? "team" : "", problem.status === "draft" ? "draft" : ""].filter(Boolean);
  return (
    <article class="problem-preview" aria-labelledby="preview-title" data-problem={problem.id}>
      <h2 id="preview-title">{problem.title}</h2>
      <ProblemBadges difficulty={problem.difficulty} categories={problem.categories} timeEstimateMinutes={problem.timeEstimateMinutes} extra={extra} />
      {props.actions ? <div class="preview-actions">{props.actions}</div> : null}
      {problem.statementHtml !== undefined ? (
        <SafeHtml class="statement" id="preview-statement" html={problem.statementHtml} />
      ) : (
        <div id="preview-statement" class="statement plain">
          {problem.statement}
        </div>
      )}
      <Constraints constraints={problem.constraints} />
      {problem.languages?.length ? <p class="muted preview-languages">Languages: {problem.languages.join(", ")}</p> : null}
    </article>
  );
}

export function Constraints({ constraints }: { constraints?: string[] }) {
  if (!constraints?.length) return null;
  return (
    <section class="constraints" aria-labelledby="constraints-title">
      <h3 id="constraints-title">Constraints</h3>
      <ul>
        {constraints.map((c, i) => (
          <li key={i}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
