/**
 * Remote carets and selections with names, after y-codemirror.next's yRemoteSelections (MIT,
 * src/y-remote-selections.js), but colored through classes: the server's Content-Security-Policy
 * forbids inline style attributes, which the original sets. Each peer's color picks one of the
 * palette classes (peer-0 … peer-7) defined in room.css.
 */
import { Annotation, RangeSet, type Range } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";

export const PALETTE = ["#f0883e", "#3fb950", "#58a6ff", "#d2a8ff", "#ff7b72", "#e3b341", "#39c5cf", "#f778ba"];

export function paletteClass(color: string | undefined, clientId: number): string {
  const index = color ? PALETTE.indexOf(color.toLowerCase()) : -1;
  return "peer-" + (index >= 0 ? index : clientId % PALETTE.length);
}

/** The palette class of a participant's colour as the server gives it (an index), if it gave one. */
export function participantClass(color: number | undefined): string {
  return color !== undefined && Number.isInteger(color) ? "peer-" + (((color % PALETTE.length) + PALETTE.length) % PALETTE.length) : "";
}

const remoteChange = Annotation.define<null>();

class CaretWidget extends WidgetType {
  constructor(
    readonly colorClass: string,
    readonly name: string,
    readonly at: number,
  ) {
    super();
  }

  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = `cm-remote-caret ${this.colorClass}`;
    caret.setAttribute("aria-label", this.name + "'s cursor");
    const label = document.createElement("span");
    label.className = "cm-remote-name";
    label.textContent = this.name;
    caret.append("\u2060", label, "\u2060");
    return caret;
  }

  // A caret that moved gets a new element, which shows its name again for a moment (room.css).
  eq(other: CaretWidget): boolean {
    return other.colorClass === this.colorClass && other.name === this.name && other.at === this.at;
  }

  ignoreEvent(): boolean {
    return true;
  }
}

export function remoteCursors(ytext: Y.Text, awareness: Awareness) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet = RangeSet.of([]);
      private readonly listener: (change: { added: number[]; updated: number[]; removed: number[] }) => void;

      constructor(readonly view: EditorView) {
        this.listener = ({ added, updated, removed }) => {
          const clients = added.concat(updated, removed);
          if (clients.some((id) => id !== awareness.clientID)) {
            // Dispatching inside another dispatch throws; defer to the next task.
            setTimeout(() => view.dispatch({ annotations: [remoteChange.of(null)] }));
          }
        };
        awareness.on("change", this.listener);
      }

      destroy(): void {
        awareness.off("change", this.listener);
      }

      update(update: ViewUpdate): void {
        this.publishLocalCursor(update);
        this.decorations = this.remoteDecorations(update);
      }

      private publishLocalCursor(update: ViewUpdate): void {
        const local = awareness.getLocalState();
        if (local == null) return;
        const hasFocus = update.view.hasFocus && update.view.dom.ownerDocument.hasFocus();
        const selection = hasFocus ? update.state.selection.main : null;
        if (selection != null) {
          const anchor = Y.createRelativePositionFromTypeIndex(ytext, selection.anchor);
          const head = Y.createRelativePositionFromTypeIndex(ytext, selection.head);
          const current = local.cursor;
          if (
            current == null ||
            !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.anchor), anchor) ||
            !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.head), head)
          ) {
            awareness.setLocalStateField("cursor", { anchor, head });
          }
        }
      }

      private remoteDecorations(update: ViewUpdate): DecorationSet {
        const ydoc = ytext.doc!;
        const decorations: Range<Decoration>[] = [];
        const doc = update.view.state.doc;
        awareness.getStates().forEach((state, clientId) => {
          if (clientId === awareness.clientID) return;
          const cursor = state.cursor;
          if (cursor?.anchor == null || cursor?.head == null) return;
          const anchor = Y.createAbsolutePositionFromRelativePosition(cursor.anchor, ydoc);
          const head = Y.createAbsolutePositionFromRelativePosition(cursor.head, ydoc);
          if (anchor == null || head == null || anchor.type !== ytext || head.type !== ytext) return;
          const colorClass = paletteClass(state.user?.color, clientId);
          const name = String(state.user?.name ?? "Anonymous");
          const start = Math.min(anchor.index, head.index, doc.length);
          const end = Math.min(Math.max(anchor.index, head.index), doc.length);
          if (start < end) {
            const mark = Decoration.mark({ class: `cm-remote-selection ${colorClass}` });
            const startLine = doc.lineAt(start);
            const endLine = doc.lineAt(end);
            if (startLine.number === endLine.number) {
              decorations.push(mark.range(start, end));
            } else {
              if (startLine.to > start) decorations.push(mark.range(start, startLine.to));
              for (let n = startLine.number + 1; n < endLine.number; n++) {
                const line = doc.line(n);
                decorations.push(Decoration.line({ class: `cm-remote-line ${colorClass}` }).range(line.from));
              }
              if (end > endLine.from) decorations.push(mark.range(endLine.from, end));
            }
          }
          const at = Math.min(head.index, doc.length);
          decorations.push(
            Decoration.widget({ side: head.index - anchor.index > 0 ? -1 : 1, widget: new CaretWidget(colorClass, name, at) }).range(at),
          );
        });
        return Decoration.set(decorations, true);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
