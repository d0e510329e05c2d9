import type { Authoring, AuthoringState } from "./authoring";
import { emptyRow, rowErrors, toggledGenerated, type Kind, type TestRow } from "./draft";

/** The two value columns' headings and the table's explanation, by kind. */
const COLUMNS: Record<Kind, { input: string; expected: string }> = {
  function: { input: "Input (JSON)", expected: "Expected (JSON)" },
  design: { input: "Calls and arguments (JSON)", expected: "Expected results (JSON)" },
  stdio: { input: "Stdin", expected: "Expected stdout" },
};

/**
 * The problem's tests: a table (input and expected value, hidden, time limit) or, at a toggle, the
 * raw JSON of tests.json. A function's or a class's values are JSON as tests.json has them (a
 * class's long sequences of calls in wrapping text areas); a program's stdin and stdout are plain
 * text. A row that does not parse or does not fit the
 * signature says why beneath it; rows the last validation failed are marked.
 */
export function TestsEditor({ authoring, state }: { authoring: Authoring; state: AuthoringState }) {
  const { draft } = state;
  const rows = draft.tests;
  const kind = draft.kind;
  const failed = new Set(
    state.validation && state.saved && state.validation.version === state.saved.version
      ? Object.values(state.validation.languages).flatMap((l) => (l.failed ?? []).map((f) => f.case))
      : [],
  );
  const untouched = emptyRow(kind);
  const errors = rowErrors(rows, draft);
  const setRow = (i: number, changes: Partial<TestRow>) => authoring.edit({ tests: rows.map((r, j) => (j === i ? { ...r, ...changes } : r)) });
  const columns = kind === "stdio" ? 7 : 6;
  return (
    <fieldset class="tests-editor" data-kind={kind}>
      <legend>Tests</legend>
      <Explanation kind={kind} />
      <button type="button" id="tests-json-toggle" aria-pressed={state.testsAsJson} onClick={() => authoring.toggleTestsJson()}>
        {state.testsAsJson ? "Edit as a table" : "Edit as JSON"}
      </button>
      {state.testsAsJson ? (
        <>
          <label for="tests-json" class="visually-hidden">
            Tests as JSON
          </label>
          <textarea id="tests-json" class="code" rows={14} spellcheck={false} value={state.testsJson} onInput={(e) => authoring.editTestsJson(e.currentTarget.value)} />
        </>
      ) : (
        <>
          {/* A narrow screen scrolls the table sideways rather than squeezing the values. */}
          <div class="tests-scroll">
            <table class="tests-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{COLUMNS[kind].input}</th>
                  <th scope="col">{COLUMNS[kind].expected}</th>
                  {kind === "stdio" ? (
                    <th scope="col" title="The stdin and stdout written as JSON strings or generators">
                      As JSON
                    </th>
                  ) : null}
                  <th scope="col">Hidden</th>
                  <th scope="col">Time limit (ms)</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              {rows.map((row, i) => {
                const error = row.input === untouched.input && row.expected === untouched.expected ? undefined : errors.get(i);
                const described = error ? `test-error-${i}` : undefined;
                const value = (field: "input" | "expected", label: string) =>
                  kind !== "function" ? (
                    <textarea
                      aria-label={`Test ${i + 1} ${label}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={described}
                      class={`test-${field}${kind === "stdio" && !row.generated ? "" : " code"}`}
                      rows={textRows(kind, row[field])}
                      spellcheck={false}
                      value={row[field]}
                      onInput={(e) => setRow(i, { [field]: e.currentTarget.value })}
                    />
                  ) : (
                    <input
                      aria-label={`Test ${i + 1} ${label}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={described}
                      class={`test-${field}`}
                      spellcheck={false}
                      value={row[field]}
                      onInput={(e) => setRow(i, { [field]: e.currentTarget.value })}
                    />
                  );
                return (
                  // One body per case: its row, and beneath it what is wrong with it.
                  <tbody key={i} class="test-case">
                    <tr data-row={i} class={failed.has(i) ? "failed-row" : undefined}>
                      <th scope="row">
                        {i + 1}
                        {failed.has(i) ? <span class="visually-hidden"> (failed validation)</span> : null}
                      </th>
                      <td class="value-cell">{value("input", kind === "stdio" ? "stdin" : "input")}</td>
                      <td class="value-cell">{value("expected", kind === "stdio" ? "expected stdout" : "expected")}</td>
                      {kind === "stdio" ? (
                        <td>
                          <input type="checkbox" aria-label={`Test ${i + 1} stdin and stdout as JSON`} class="test-generated" checked={row.generated === true} onChange={() => setRow(i, toggledGenerated(row))} />
                        </td>
                      ) : null}
                      <td>
                        <input type="checkbox" aria-label={`Test ${i + 1} hidden`} class="test-hidden" checked={row.hidden} onChange={(e) => setRow(i, { hidden: e.currentTarget.checked })} />
                      </td>
                      <td>
                        <input aria-label={`Test ${i + 1} time limit`} class="test-limit" inputMode="numeric" placeholder="default" value={row.timeLimitMs} onInput={(e) => setRow(i, { timeLimitMs: e.currentTarget.value })} />
                      </td>
                      <td>
                        <button type="button" aria-label={`Remove test ${i + 1}`} onClick={() => authoring.edit({ tests: rows.filter((_, j) => j !== i) })}>
                          Remove
                        </button>
                      </td>
                    </tr>
                    {error ? (
                      <tr class="test-error-row" data-error-row={i}>
                        <td colSpan={columns} id={described} class="test-error">
                          Test {i + 1}: {error}
                        </td>
                      </tr>
                    ) : null}
                  </tbody>
                );
              })}
            </table>
          </div>
          <button type="button" id="add-test" onClick={() => authoring.edit({ tests: [...rows, emptyRow(kind)] })}>
            Add test
          </button>
        </>
      )}
    </fieldset>
  );
}

/** A text area's height: a program's lines, or a class's calls wrapped at about 40 characters. */
function textRows(kind: Kind, text: string): number {
  const lines = kind === "stdio" ? text.split("\n").length : Math.ceil(text.length / 40);
  return Math.min(kind === "stdio" ? 10 : 6, Math.max(2, lines));
}

function Explanation({ kind }: { kind: Kind }) {
  if (kind === "design") {
    return (
      <p class="muted">
        Input: the calls' names (the class first, for the constructor) and their arguments, as two JSON arrays: <code>[["MinStack","push","getMin"], [[],[5],[]]]</code>. Expected: one
        result per call, <code>null</code> for the constructor and void methods: <code>[null,null,5]</code>.
      </p>
    );
  }
  if (kind === "stdio") {
    return (
      <p class="muted">
        Stdin and the expected stdout as plain text. Tick "As JSON" to write them as JSON strings or generators (a large input), such as{" "}
        <code>{'{"$join": [{"$range": [1, 100000, 1]}, " "]}'}</code>.
      </p>
    );
  }
  return (
    <p class="muted">
      Input: the arguments as a JSON array, such as <code>[[2,7,11,15], 9]</code>. A tree is its level order with nulls, <code>[1,null,2]</code>; a linked list its values,{" "}
      <code>[1,2,3]</code>.
    </p>
  );
}
