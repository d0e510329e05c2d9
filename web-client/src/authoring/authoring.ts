import { ApiError } from "../api";
import { Store } from "../app/store";
import { createProblem, previewMarkdown, problemSource, publishProblem, updateProblem, validateProblem, type SavedProblem, type Validation } from "../library/api";
import { bodyFromDraft, draftFromSource, draftProblems, EMPTY_DRAFT, publishable, rowsFromJson, rowsToJson, withKind, type Draft, type Kind } from "./draft";

export interface AuthoringState {
  draft: Draft;
  /** The problem as last saved, or null before its first save. */
  saved: SavedProblem | null;
  /** Edits since the last save. */
  unsaved: boolean;
  validation: Validation | null;
  busy: "" | "loading" | "saving" | "validating" | "publishing";
  /** What went wrong, each in one sentence. */
  errors: string[];
  notice: string;
  /** The statement as the server renders it, or null while only the source can be shown. */
  previewHtml: string | null;
  previewNote: string;
  /** The tests are edited as raw JSON rather than as a table. */
  testsAsJson: boolean;
  testsJson: string;
}

const PREVIEW_PAUSE_MS = 300;

/** The authoring page's work: the draft, saving it as a new version, validating and publishing. */
export class Authoring {
  readonly store = new Store<AuthoringState>({
    draft: EMPTY_DRAFT,
    saved: null,
    unsaved: false,
    validation: null,
    busy: "",
    errors: [],
    notice: "",
    previewHtml: null,
    previewNote: "",
    testsAsJson: false,
    testsJson: "",
  });
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private previewing: AbortController | null = null;

  constructor(private readonly onSaved?: (problem: SavedProblem) => void) {}

  async load(id: string): Promise<void> {
    this.store.update({ busy: "loading" });
    try {
      const { source, ...saved } = await problemSource(id);
      this.store.update({ saved, draft: draftFromSource(source), validation: saved.validation ?? null, unsaved: false, busy: "", errors: [] });
      this.schedulePreview();
    } catch (e) {
      this.store.update({ busy: "", errors: [message(e)] });
    }
  }

  edit(changes: Partial<Draft>): void {
    this.store.update({ draft: { ...this.store.value.draft, ...changes }, unsaved: true, notice: "" });
    if ("statement" in changes) this.schedulePreview();
  }

  /** Changes what the candidate writes; the tests are rewritten for the kind where they can be. */
  setKind(kind: Kind): void {
    const { draft } = this.store.value;
    if (kind === draft.kind) return;
    this.store.update({ draft: withKind(draft, kind), unsaved: true, notice: "" });
  }

  /** Switches the tests between the table and raw JSON; a JSON text that does not parse stays open. */
  toggleTestsJson(): void {
    const { testsAsJson, draft, testsJson } = this.store.value;
    if (testsAsJson) {
      const rows = rowsFromJson(testsJson, draft.kind);
      if (!rows.ok) return this.store.update({ errors: [rows.error] });
      this.store.update({ testsAsJson: false, draft: { ...draft, tests: rows.value }, errors: [] });
    } else {
      // Rows that parse but do not fit the signature yet may be fixed in the JSON.
      const json = rowsToJson(draft.tests, { kind: draft.kind });
      if (!json.ok) return this.store.update({ errors: [json.error] });
      this.store.update({ testsAsJson: true, testsJson: json.value, errors: [] });
    }
  }

  editTestsJson(text: string): void {
    this.store.update({ testsJson: text, unsaved: true });
  }

  /** Saves the draft as a new version (the first save creates the problem). */
  async save(): Promise<boolean> {
    if (this.store.value.testsAsJson) {
      const rows = rowsFromJson(this.store.value.testsJson, this.store.value.draft.kind);
      if (!rows.ok) {
        this.store.update({ errors: [rows.error] });
        return false;
      }
      this.store.update({ draft: { ...this.store.value.draft, tests: rows.value } });
    }
    const { draft, saved } = this.store.value;
    const problems = draftProblems(draft);
    if (problems.length > 0) {
      this.store.update({ errors: problems });
      return false;
    }
    this.store.update({ busy: "saving", errors: [], notice: "" });
    try {
      const body = bodyFromDraft(draft);
      const next = saved ? await updateProblem(saved.id, body) : await createProblem(body);
      this.store.update({ saved: next, validation: next.validation ?? null, unsaved: false, busy: "", notice: `Saved as version ${next.version}.` });
      this.onSaved?.(next);
      return true;
    } catch (e) {
      this.store.update({ busy: "", errors: [message(e)] });
      return false;
    }
  }

  /** Runs every reference solution against every test of the saved version (saving first). */
  async validate(): Promise<void> {
    if ((this.store.value.unsaved || !this.store.value.saved) && !(await this.save())) return;
    const { saved } = this.store.value;
    this.store.update({ busy: "validating", errors: [], notice: "" });
    try {
      const validation = await validateProblem(saved!.id);
      this.store.update({
        validation,
        busy: "",
        notice: validation.passed ? `Version ${validation.version} passed in every language; it can be published.` : "",
      });
    } catch (e) {
      this.store.update({ busy: "", errors: [message(e)] });
    }
  }

  async publish(): Promise<void> {
    const { saved, validation, unsaved } = this.store.value;
    if (!publishable(saved, validation, unsaved)) return;
    this.store.update({ busy: "publishing", errors: [], notice: "" });
    try {
      const published = await publishProblem(saved!.id);
      this.store.update({ saved: published, busy: "", notice: `Version ${published.version} is published: interviewers of your team can pick it in their rooms.` });
    } catch (e) {
      this.store.update({ busy: "", errors: [message(e)] });
    }
  }

  stop(): void {
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewing?.abort();
  }

  private schedulePreview(): void {
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.preview(), PREVIEW_PAUSE_MS);
  }

  private async preview(): Promise<void> {
    this.previewing?.abort();
    const previewing = (this.previewing = new AbortController());
    try {
      const html = await previewMarkdown(this.store.value.draft.statement, previewing.signal);
      if (this.previewing === previewing) this.store.update({ previewHtml: html, previewNote: "" });
    } catch (e) {
      if (this.previewing !== previewing || previewing.signal.aborted) return;
      const note = e instanceof ApiError && e.status === 404 ? "This server does not render previews; the source is shown." : `The preview failed: ${message(e)}`;
      this.store.update({ previewHtml: null, previewNote: note });
    }
  }
}

function message(e: unknown): string {
  return e instanceof Error && e.message ? e.message : "The server did not answer; try again.";
}
