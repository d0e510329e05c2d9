import { Store } from "../app/store";
import { problemDetail, searchProblems, type ProblemDetail, type ProblemSummary } from "./api";
import { refine, type LibraryFilters, NO_FILTERS } from "./filters";

export interface FinderState {
  filters: LibraryFilters;
  results: ProblemSummary[];
  total: number;
  /** A search is on its way. */
  searching: boolean;
  /** Why the last search or preview failed, in one sentence. */
  error: string;
  selectedId: string | null;
  /** The selected problem in full, once loaded. */
  preview: ProblemDetail | null;
}

/** How long typing in the search box waits before it asks the server. */
const TYPING_PAUSE_MS = 250;

/**
 * A search of the problem library (the library page's and the room's picker's): filters, one page
 * of results, and the selected problem's preview. Only the latest search's answer is shown.
 */
export class ProblemFinder {
  readonly store: Store<FinderState>;
  private search: AbortController | null = null;
  private previewing: AbortController | null = null;
  private typing: ReturnType<typeof setTimeout> | null = null;

  /** @param token an interviewer's room token, which adds the room's team's problems */
  constructor(
    filters: LibraryFilters = NO_FILTERS,
    private readonly token?: string,
    private readonly onFilters?: (filters: LibraryFilters) => void,
  ) {
    this.store = new Store<FinderState>({ filters, results: [], total: 0, searching: false, error: "", selectedId: null, preview: null });
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.search?.abort();
    this.previewing?.abort();
    if (this.typing) clearTimeout(this.typing);
  }

  /** Changes the filters; text typed in the search box waits for a pause in the typing. */
  setFilters(changes: Partial<LibraryFilters>): void {
    const filters = refine(this.store.value.filters, changes);
    this.store.update({ filters });
    this.onFilters?.(filters);
    if (this.typing) clearTimeout(this.typing);
    if ("q" in changes) this.typing = setTimeout(() => void this.run(), TYPING_PAUSE_MS);
    else void this.run();
  }

  /** Shows this problem's statement beside the results. */
  async select(id: string): Promise<void> {
    this.previewing?.abort();
    const previewing = (this.previewing = new AbortController());
    this.store.update({ selectedId: id, preview: this.store.value.preview?.id === id ? this.store.value.preview : null });
    try {
      const preview = await problemDetail(id, { token: this.token, signal: previewing.signal });
      if (this.previewing === previewing) this.store.update({ preview, error: "" });
    } catch (e) {
      if (this.previewing === previewing && !previewing.signal.aborted) this.store.update({ error: message(e, "The problem could not be loaded") });
    }
  }

  /** Searches again with the same filters (after a problem was saved, for one). */
  refresh(): Promise<void> {
    return this.run();
  }

  private async run(): Promise<void> {
    this.search?.abort();
    const search = (this.search = new AbortController());
    const { filters } = this.store.value;
    this.store.update({ searching: true });
    try {
      const page = await searchProblems(filters, this.token, search.signal);
      if (this.search !== search) return;
      this.store.update({ results: page.problems, total: page.total, searching: false, error: "" });
      // The first result is previewed, so the page never shows an empty preview beside results.
      const { selectedId } = this.store.value;
      if (page.problems.length > 0 && !page.problems.some((p) => p.id === selectedId)) void this.select(page.problems[0].id);
    } catch (e) {
      if (this.search === search && !search.signal.aborted) this.store.update({ searching: false, error: message(e, "The search failed") });
    }
  }
}

function message(e: unknown, fallback: string): string {
  return e instanceof Error && e.message ? e.message : `${fallback}; try again.`;
}
