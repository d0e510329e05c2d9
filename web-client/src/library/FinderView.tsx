import "./finder.css";
import type { ComponentChildren } from "preact";
import type { Language } from "../api";
import { useStore } from "../app/store";
import type { ProblemDetail } from "./api";
import { CATEGORIES, DIFFICULTIES, pageCount, type Source } from "./filters";
import type { ProblemFinder } from "./finder";
import { ProblemBadges } from "./ProblemBadges";
import { ProblemPreview } from "./ProblemPreview";

/**
 * The library's search: text, difficulty, category, language and source filters, a page of
 * results, and the selected problem's preview with what one may do with it.
 */
export function FinderView(props: {
  finder: ProblemFinder;
  languages: Language[];
  /** Offer the curated/team filter (there are team problems to tell apart). */
  showSource: boolean;
  actions?: (problem: ProblemDetail) => ComponentChildren;
}) {
  const { finder } = props;
  const state = useStore(finder.store);
  const { filters } = state;
  const pages = pageCount(state.total, filters.size);
  return (
    <div class="finder">
      <form class="finder-filters" role="search" aria-label="Problems" onSubmit={(e) => e.preventDefault()}>
        <label for="problem-search">Search</label>
        <input id="problem-search" type="search" placeholder="Title or statement" value={filters.q} onInput={(e) => finder.setFilters({ q: e.currentTarget.value })} />
        <label for="problem-difficulty">Difficulty</label>
        <select id="problem-difficulty" value={filters.difficulty} onChange={(e) => finder.setFilters({ difficulty: e.currentTarget.value as typeof filters.difficulty })}>
          <option value="">Any</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {d[0].toUpperCase() + d.slice(1)}
            </option>
          ))}
        </select>
        <label for="problem-category">Category</label>
        <select id="problem-category" value={filters.categories.length === 1 ? filters.categories[0] : ""} onChange={(e) => finder.setFilters({ categories: e.currentTarget.value ? [e.currentTarget.value] : [] })}>
          <option value="">Any</option>
          {CATEGORIES.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <label for="problem-language">Language</label>
        <select id="problem-language" value={filters.language} onChange={(e) => finder.setFilters({ language: e.currentTarget.value })}>
          <option value="">Any</option>
          {props.languages.map((l) => (
            <option key={l.id} value={l.id}>
              {l.displayName}
            </option>
          ))}
        </select>
        {props.showSource ? (
          <>
            <label for="problem-source">Source</label>
            <select id="problem-source" value={filters.source} onChange={(e) => finder.setFilters({ source: e.currentTarget.value as Source | "" })}>
              <option value="">Curated and team</option>
              <option value="curated">Curated</option>
              <option value="team">Our team's</option>
            </select>
          </>
        ) : null}
      </form>
      <div class="finder-body">
        <section class="finder-results" aria-labelledby="results-count" aria-busy={state.searching}>
          <p id="results-count" class="muted" role="status">
            {state.total === 1 ? "1 problem" : `${state.total} problems`}
            {state.total > 0 ? ` · page ${filters.page} of ${pages}` : ""}
          </p>
          {state.error ? (
            <p class="finder-error" role="alert">
              {state.error}
            </p>
          ) : null}
          <ul class="problem-results">
            {state.results.map((p) => (
              <li key={p.id}>
                <button type="button" class="problem-result" data-problem={p.id} aria-pressed={p.id === state.selectedId} onClick={() => void finder.select(p.id)}>
                  <span class="result-title">{p.title}</span>
                  <ProblemBadges difficulty={p.difficulty} categories={p.categories} extra={[p.source === "team" ? "team" : "", p.status === "draft" ? "draft" : ""].filter(Boolean)} />
                </button>
              </li>
            ))}
          </ul>
          {state.total === 0 && !state.searching && !state.error ? <p class="muted">No problem matches these filters.</p> : null}
          <nav class="finder-pages" aria-label="Pages">
            <button type="button" id="previous-page" disabled={filters.page <= 1} onClick={() => finder.setFilters({ page: filters.page - 1 })}>
              Previous
            </button>
            <button type="button" id="next-page" disabled={filters.page >= pages} onClick={() => finder.setFilters({ page: filters.page + 1 })}>
              Next
            </button>
          </nav>
        </section>
        <section class="finder-preview" aria-label="Preview" aria-live="polite">
          {state.preview ? (
            <ProblemPreview problem={state.preview} actions={props.actions?.(state.preview)} />
          ) : (
            <p class="muted">{state.selectedId ? "Loading the problem…" : "Choose a problem to read its statement."}</p>
          )}
        </section>
      </div>
    </div>
  );
}
