import type { Language } from "../api";
import type { Validation } from "../library/api";
import type { Kind } from "./draft";
import { ValueView } from "../room/ValueView";
import { formatJson } from "../room/tests";

/**
 * A validation's result, language by language: passed, or which test failed (numbered as in the
 * tests table) with the expected and actual values or the error, and a compile error's message.
 * A program's expected and actual output is shown as the text it is, line by line.
 */
export function ValidationView(props: {
  validation: Validation;
  current: number | null;
  unsaved: boolean;
  kind: Kind;
  returns: string;
  languages: Pick<Language, "id" | "displayName">[];
}) {
  const { validation } = props;
  const stale = props.current !== null && validation.version !== props.current;
  // Only a function's result has one type to draw by; a class's results are one per call.
  const type = props.kind === "function" ? props.returns : undefined;
  const name = (id: string) => props.languages.find((l) => l.id === id)?.displayName ?? id;
  return (
    <section id="validation" class={`validation ${validation.passed ? "passed" : "failed"}`} aria-labelledby="validation-title" data-passed={String(validation.passed)}>
      <h2 id="validation-title">
        Validation of version {validation.version}: {validation.passed ? "passed" : "failed"}
      </h2>
      {stale || props.unsaved ? <p class="muted">The problem changed since; validate again before publishing.</p> : null}
      <ul class="validation-languages">
        {Object.entries(validation.languages).map(([language, result]) => (
          <li key={language} data-language={language} data-passed={String(result.passed)}>
            <p class="validation-language">
              <span aria-hidden="true">{result.passed ? "✓" : "✗"}</span> <strong>{name(language)}</strong>:{" "}
              {result.passed ? "every test passed" : describe(result.status, result.failed?.length ?? 0)}
            </p>
            {result.message ? <p class="validation-message">{result.message}</p> : null}
            {result.compileOutput ? <pre class="stream stream-stderr">{result.compileOutput}</pre> : null}
            {(result.failed ?? []).map((f) => (
              <div key={f.case} class="validation-case" data-case={f.case}>
                <p>
                  Test {f.case + 1}
                  {f.hidden ? " (hidden)" : ""} failed with the reference solution{caseStatus(f.status)}
                </p>
                <dl>
                  {f.expected != null ? (
                    <>
                      <dt>Expected</dt>
                      <dd>
                        <Value json={f.expected} kind={props.kind} class="case-expected" />
                        <ValueView json={f.expected} type={type} other={f.actual} label="Expected" />
                      </dd>
                    </>
                  ) : null}
                  {f.actual !== undefined ? (
                    <>
                      <dt>Got</dt>
                      <dd>
                        {f.actual == null ? <code class="case-actual">nothing</code> : <Value json={f.actual} kind={props.kind} class="case-actual" />}
                        <ValueView json={f.actual} type={type} other={f.expected} label="Got" />
                      </dd>
                    </>
                  ) : null}
                </dl>
                {f.detail ? <p class="diff">{f.detail}</p> : null}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A value as JSON, or a program's output (a JSON string) as its text. */
function Value(props: { json: string; kind: Kind; class: string }) {
  if (props.kind === "stdio") {
    try {
      const text: unknown = JSON.parse(props.json);
      if (typeof text === "string") return <pre class={`${props.class} stdout-text`}>{text}</pre>;
    } catch {
      // Not a JSON string: shown as it came.
    }
  }
  return <code class={props.class}>{formatJson(props.json)}</code>;
}

function describe(status: string, failed: number): string {
  const how = status && status !== "ok" && status !== "failed" ? status.replace(/_/g, " ") : "";
  const count = failed === 1 ? "1 test failed" : failed > 1 ? `${failed} tests failed` : "failed";
  return how ? `${how}${failed > 0 ? `, ${count}` : ""}` : count;
}

/** A failed case's status when it says more than "failed" (an error, a time-out). */
function caseStatus(status: string | undefined): string {
  const s = (status ?? "").toLowerCase();
  return s && s !== "failed" ? `: ${s.replace(/_/g, " ")}` : "";
}
