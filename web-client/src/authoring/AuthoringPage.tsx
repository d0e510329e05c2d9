import "../library/library.css";
import "./authoring.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso/router";
import { languages, type Language } from "../api";
import { currentSession } from "../account/session";
import { useStore } from "../app/store";
import { CATEGORIES, DIFFICULTIES } from "../library/filters";
import { SafeHtml } from "../library/SafeHtml";
import { ThemeToggle } from "../ui/ThemeToggle";
import { Authoring } from "./authoring";
import { moved, publishable } from "./draft";
import { SignatureEditor } from "./SignatureEditor";
import { TestsEditor } from "./TestsEditor";
import { ValidationView } from "./ValidationView";

/**
 * /problems/new and /problems/:id/edit: a team problem's statement, signature (a function, a class
 * or a stdin/stdout program), code per language, tests, hints and editorial. Save stores a new
 * version; Validate runs every reference solution against every test; Publish is offered once the
 * saved version passed.
 */
export default function AuthoringPage({ id }: { id?: string }) {
  const { route } = useLocation();
  const authoring = useMemo(
    () =>
      new Authoring((saved) => {
        // A new problem's address becomes its edit page, so a reload keeps it.
        if (!id) history.replaceState(history.state, "", `/problems/${encodeURIComponent(saved.id)}/edit`);
      }),
    [id],
  );
  const state = useStore(authoring.store);
  const [languageList, setLanguages] = useState<Language[]>([]);
  useEffect(() => {
    currentSession().then((session) => {
      if (!session) route("/signin", true);
    });
    languages().then(setLanguages, () => undefined);
    if (id) void authoring.load(id);
    return () => authoring.stop();
  }, [authoring]);
  const { draft, saved, validation, busy } = state;
  useEffect(() => {
    document.title = `${draft.title || "New problem"} · Problems · Coderoom`;
  }, [draft.title]);
  const edit = authoring.edit.bind(authoring);
  const canPublish = publishable(saved, validation, state.unsaved);
  const offered = languageList.length > 0 ? languageList : draft.languages.map((l) => ({ id: l, displayName: l, version: "" }));

  return (
    <main class="authoring">
      <header class="library-head">
        <h1>{saved ? `Edit: ${draft.title}` : "New problem"}</h1>
        {saved ? (
          <span class="muted" id="problem-version">
            Version {saved.version} · {saved.status ?? "draft"}
            {state.unsaved ? " · unsaved changes" : ""}
          </span>
        ) : null}
        <a class="button" href="/problems">
          Problems
        </a>
        <ThemeToggle />
      </header>

      <form class="authoring-form" onSubmit={(e) => (e.preventDefault(), void authoring.save())}>
        <fieldset>
          <legend>About the problem</legend>
          <div class="field-grid">
            <label for="problem-title-input">Title</label>
            <input id="problem-title-input" value={draft.title} maxLength={120} onInput={(e) => edit({ title: e.currentTarget.value })} />
            <label for="problem-difficulty-input">Difficulty</label>
            <select id="problem-difficulty-input" value={draft.difficulty} onChange={(e) => edit({ difficulty: e.currentTarget.value })}>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            <label for="problem-estimate">Time estimate (minutes)</label>
            <input id="problem-estimate" type="number" min={10} max={120} value={draft.timeEstimateMinutes} onInput={(e) => edit({ timeEstimateMinutes: e.currentTarget.valueAsNumber })} />
            <label for="problem-follow-up">Follow-up question</label>
            <input id="problem-follow-up" value={draft.followUp} onInput={(e) => edit({ followUp: e.currentTarget.value })} />
            <label for="problem-constraints">Constraints (one a line)</label>
            <textarea id="problem-constraints" rows={3} value={draft.constraints} onInput={(e) => edit({ constraints: e.currentTarget.value })} />
          </div>
          <fieldset class="categories">
            <legend>Categories</legend>
            {CATEGORIES.map(([slug, name]) => (
              <label key={slug} class="check">
                <input
                  type="checkbox"
                  name="category"
                  value={slug}
                  checked={draft.categories.includes(slug)}
                  onChange={(e) => edit({ categories: e.currentTarget.checked ? [...draft.categories, slug] : draft.categories.filter((c) => c !== slug) })}
                />
                {name}
              </label>
            ))}
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>Statement (Markdown)</legend>
          <div class="statement-editor">
            <div>
              <label for="problem-statement">Source</label>
              <textarea id="problem-statement" rows={14} value={draft.statement} onInput={(e) => edit({ statement: e.currentTarget.value })} />
            </div>
            <section aria-labelledby="statement-preview-title" class="statement-preview">
              <h2 id="statement-preview-title">Preview</h2>
              {state.previewHtml !== null ? (
                <SafeHtml id="statement-preview" class="statement" html={state.previewHtml} />
              ) : (
                <div id="statement-preview" class="statement plain">
                  {draft.statement}
                </div>
              )}
              {state.previewNote ? <p class="muted">{state.previewNote}</p> : null}
            </section>
          </div>
        </fieldset>

        <SignatureEditor authoring={authoring} draft={draft} />

        <fieldset>
          <legend>Languages, starter code and reference solutions</legend>
          <div class="language-checks">
            {offered.map((l) => (
              <label key={l.id} class="check">
                <input
                  type="checkbox"
                  name="language"
                  value={l.id}
                  checked={draft.languages.includes(l.id)}
                  onChange={(e) => edit({ languages: e.currentTarget.checked ? [...draft.languages, l.id] : draft.languages.filter((x) => x !== l.id) })}
                />
                {l.displayName}
              </label>
            ))}
          </div>
          {draft.languages.map((l) => (
            <div key={l} class="language-code" data-language={l}>
              <h3>{offered.find((o) => o.id === l)?.displayName ?? l}</h3>
              <label for={`starter-${l}`}>{draft.kind === "stdio" ? "Starter code (reads stdin, prints a wrong answer)" : "Starter code (compiles, returns a wrong value)"}</label>
              <textarea id={`starter-${l}`} class="code" rows={6} spellcheck={false} value={draft.starter[l] ?? ""} onInput={(e) => edit({ starter: { ...draft.starter, [l]: e.currentTarget.value } })} />
              <label for={`solution-${l}`}>Reference solution</label>
              <textarea id={`solution-${l}`} class="code" rows={8} spellcheck={false} value={draft.solutions[l] ?? ""} onInput={(e) => edit({ solutions: { ...draft.solutions, [l]: e.currentTarget.value } })} />
            </div>
          ))}
        </fieldset>

        <TestsEditor authoring={authoring} state={state} />

        <fieldset>
          <legend>Hints (revealed in this order)</legend>
          <ol class="hints-editor">
            {draft.hints.map((hint, i) => (
              <li key={i}>
                <input aria-label={`Hint ${i + 1}`} class="hint-text" value={hint} onInput={(e) => edit({ hints: draft.hints.map((h, j) => (j === i ? e.currentTarget.value : h)) })} />
                <button type="button" aria-label={`Move hint ${i + 1} up`} disabled={i === 0} onClick={() => edit({ hints: moved(draft.hints, i, -1) })}>
                  ↑
                </button>
                <button type="button" aria-label={`Move hint ${i + 1} down`} disabled={i === draft.hints.length - 1} onClick={() => edit({ hints: moved(draft.hints, i, 1) })}>
                  ↓
                </button>
                <button type="button" aria-label={`Remove hint ${i + 1}`} onClick={() => edit({ hints: draft.hints.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <button type="button" id="add-hint" onClick={() => edit({ hints: [...draft.hints, ""] })}>
            Add hint
          </button>
        </fieldset>

        <fieldset>
          <legend>Editorial (interviewers only, Markdown)</legend>
          <label for="problem-editorial" class="visually-hidden">
            Editorial
          </label>
          <textarea id="problem-editorial" rows={8} value={draft.editorial} placeholder="The approach, and its time and space complexity." onInput={(e) => edit({ editorial: e.currentTarget.value })} />
        </fieldset>

        <div class="authoring-actions">
          <button type="submit" id="save-problem" class="primary" disabled={busy !== ""}>
            {busy === "saving" ? "Saving…" : "Save"}
          </button>
          <button type="button" id="validate-problem" disabled={busy !== ""} onClick={() => void authoring.validate()}>
            {busy === "validating" ? "Validating…" : "Validate"}
          </button>
          <button
            type="button"
            id="publish-problem"
            disabled={busy !== "" || !canPublish}
            title={canPublish ? "Publish this version for your team's interviews" : "Publishing needs a passing validation of the saved version"}
            onClick={() => void authoring.publish()}
          >
            {busy === "publishing" ? "Publishing…" : "Publish"}
          </button>
          <p id="authoring-notice" class="muted" role="status">
            {state.notice}
          </p>
        </div>
        {state.errors.length > 0 ? (
          <ul id="authoring-errors" class="form-errors" role="alert">
            {state.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        ) : null}
      </form>
      {validation ? <ValidationView validation={validation} current={saved?.version ?? null} unsaved={state.unsaved} kind={draft.kind} returns={draft.returns} languages={offered} /> : null}
    </main>
  );
}
