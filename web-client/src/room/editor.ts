import "./adoptedStyles";
import { basicSetup } from "codemirror";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { oneDark } from "@codemirror/theme-one-dark";
import { yCollab, yUndoManagerKeymap } from "y-codemirror.next";
import * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { remoteCursors } from "./remoteCursors";
import { DEFAULT_INDENT_UNIT, indentUnitOf, languageMode } from "./languages";

/** How the editor's keyboard differs from a page's, for the room to show beside it. */
export const EDITOR_KEYS_HINT = "Tab indents; press Esc then Tab to leave the editor.";

/**
 * A CodeMirror editor bound to a Y.Text: collaborative undo (Y.UndoManager tracks only this
 * client's edits), remote carets, and switches for language, theme, Vim and read-only. Tab and
 * Shift+Tab indent and dedent by the language's unit; Esc then Tab leaves the editor (CodeMirror's
 * tab-focus escape), so a keyboard is never trapped in it.
 */
export class SharedEditor {
  readonly view: EditorView;
  private readonly language = new Compartment();
  private readonly indent = new Compartment();
  private readonly theme = new Compartment();
  private readonly vim = new Compartment();
  private readonly readOnly = new Compartment();
  private languageId = "";

  constructor(
    parent: HTMLElement,
    ytext: Y.Text,
    awareness: Awareness | null,
    options: { dark: boolean; onRun?: () => void; label: string },
  ) {
    const undoManager = new Y.UndoManager(ytext);
    const extensions: Extension[] = [
      this.vim.of([]),
      keymap.of([
        ...yUndoManagerKeymap,
        ...(options.onRun ? [{ key: "Mod-Enter", run: () => (options.onRun!(), true) }] : []),
        indentWithTab,
      ]),
      basicSetup,
      yCollab(ytext, null, { undoManager }),
      awareness ? remoteCursors(ytext, awareness) : [],
      this.language.of([]),
      this.indent.of(indentUnit.of(DEFAULT_INDENT_UNIT)),
      this.theme.of(options.dark ? oneDark : []),
      this.readOnly.of(readOnlyExtension(false)),
      EditorView.contentAttributes.of({ "aria-label": options.label }),
    ];
    this.view = new EditorView({ state: EditorState.create({ doc: ytext.toString(), extensions }), parent });
  }

  async setLanguage(id: string): Promise<void> {
    if (id === this.languageId) return;
    this.languageId = id;
    // The unit at once, so that no line is indented by the wrong one while the mode loads.
    this.view.dispatch({ effects: this.indent.reconfigure(indentUnit.of(indentUnitOf(id))) });
    const mode = await languageMode(id);
    if (this.languageId === id) this.view.dispatch({ effects: this.language.reconfigure(mode) });
  }

  setDark(dark: boolean): void {
    this.view.dispatch({ effects: this.theme.reconfigure(dark ? oneDark : []) });
  }

  async setVim(on: boolean): Promise<void> {
    const extension = on ? (await import("@replit/codemirror-vim")).vim() : [];
    this.view.dispatch({ effects: this.vim.reconfigure(extension) });
  }

  setReadOnly(readOnly: boolean): void {
    this.view.dispatch({ effects: this.readOnly.reconfigure(readOnlyExtension(readOnly)) });
    this.view.dom.classList.toggle("read-only", readOnly);
  }

  destroy(): void {
    this.view.destroy();
  }
}

function readOnlyExtension(readOnly: boolean): Extension {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}
