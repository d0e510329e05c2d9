import { Store } from "../app/store";
import type { HintRevealed, HintsState as HintsSnapshot, RevealHint, RevealedHint } from "./protocol";

export type { HintRevealed, HintsSnapshot, RevealedHint };

/**
 * The hints of the room's problem as this page knows them: from `welcome.hints`, the `hints`
 * event's `hints` after the problem changes, and each `hint_revealed`. For interviewers `next` is
 * the next hint's text, so they can read it before revealing it; nobody else ever receives a
 * hint's text before it is revealed.
 */
export interface HintsState {
  problemId: string | null;
  total: number;
  revealed: RevealedHint[];
  next: string | null;
  /** The hint revealed last, by its index. */
  latest: number | null;
}

/** The room's hints as this page knows them, changed only by what the server says. */
export class Hints {
  readonly store = new Store<HintsState>({ problemId: null, total: 0, revealed: [], next: null, latest: null });

  snapshot(hints: HintsSnapshot | undefined): void {
    if (!hints) return;
    this.store.update({ problemId: hints.problemId, total: hints.total, revealed: [...hints.revealed].sort((a, b) => a.index - b.index), next: hints.next ?? null, latest: null });
  }

  revealed(event: HintRevealed): void {
    const state = this.store.value;
    if (event.problemId !== state.problemId || state.revealed.some((h) => h.index === event.hint.index)) return;
    const revealed = [...state.revealed, event.hint].sort((a, b) => a.index - b.index);
    this.store.update({ revealed, total: event.total, next: event.next ?? null, latest: event.hint.index });
  }

  /** What everyone is told when a hint is revealed. */
  revealNotice(event: HintRevealed): string {
    return `${event.hint.name} revealed hint ${event.hint.index + 1} of ${event.total}.`;
  }

  /** "2 of 3 hints used", or empty where the problem has no hints. */
  usage(): string {
    const { total, revealed } = this.store.value;
    if (total === 0) return "";
    return `${revealed.length} of ${total} ${total === 1 ? "hint" : "hints"} used`;
  }

  /** The command revealing the next hint, naming it so two interviewers cannot reveal two at once. */
  revealCommand(): (RevealHint & { index: number }) | null {
    const { total, revealed } = this.store.value;
    return revealed.length < total ? { type: "reveal_hint", index: revealed.length } : null;
  }
}
