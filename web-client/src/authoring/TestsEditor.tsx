import type { Authoring, AuthoringState } from "./authoring";
import type { TestRow } from "./draft";

/**
 * The problem's tests: a table (arguments and expected value as JSON, hidden, time limit) or, at
 * a toggle, the raw JSON of tests.json. Rows the last validation failed are marked.
 */
export function TestsEditor({ authoring, state }: { authoring: Authoring; state: AuthoringState }) {
  const rows = state.draft.tests;
  const failed = new Set(
    state.validation && state.saved && state.validation.version === state.saved.version
      ? Object.values(state.validation.languages).flatMap((l) => (l.failed ?? []).map((f) => f.case))
      : [],
  );
  const setRow = (i: number, changes: Partial<TestRow>) => authoring.edit({ tests: rows.map((r, j) => (j === i ? { ...r, ...changes } : r)) });
  return (
    <fieldset class="tests-editor">
      <legend>Tests</legend>
      <p class="muted">
        Input: the arguments as a JSON array, such as <code>[[2,7,11,15], 9]</code>. A tree is its level order with nulls, <code>[1,null,2]</code>; a linked list its values,{" "}
        <code>[1,2,3]</code>.
      </p>
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
          <table class="tests-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Input (JSON)</th>
                <th scope="col">Expected (JSON)</th>
                <th scope="col">Hidden</th>
                <th scope="col">Time limit (ms)</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} data-row={i} class={failed.has(i) ? "failed-row" : undefined}>
                  <th scope="row">
                    {i + 1}
                    {failed.has(i) ? <span class="visually-hidden"> (failed validation)</span> : null}
                  </th>
                  <td>
                    <input aria-label={`Test ${i + 1} input`} class="test-input" spellcheck={false} value={row.input} onInput={(e) => setRow(i, { input: e.currentTarget.value })} />
                  </td>
                  <td>
                    <input aria-label={`Test ${i + 1} expected`} class="test-expected" spellcheck={false} value={row.expected} onInput={(e) => setRow(i, { expected: e.currentTarget.value })} />
                  </td>
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
              ))}
            </tbody>
          </table>
          <button type="button" id="add-test" onClick={() => authoring.edit({ tests: [...rows, { input: "[]", expected: "", hidden: false, timeLimitMs: "" }] })}>
            Add test
          </button>
        </>
      )}
    </fieldset>
  );
}
