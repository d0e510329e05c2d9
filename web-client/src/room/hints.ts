import { Store } from "../app/store";

/** A hint revealed to the room: its place in the problem's list, its text, when and by whom. */
export interface RevealedHint {
  index: number;
  text: string;
  at: string;
  /** The name of the interviewer who revealed it. */
  name: string;
}

/**
 * The hints of the room's problem as the server gives them (`welcome.hints`, and the `hints` event's
 * `hints` after the problem changes): how many there are, those revealed, and for interviewers the next
 * one's text, so they can read it before revealing it. Nobody else ever receives a hint's text
 * before it is revealed.
 */
export interface HintsSnapshot {
  problemId: string | null;
  total: number;
  revealed: RevealedHint[];
  /** The next hint's text: interviewers only, and only while one is left. */
  next?: string | null;
}

/** A `hint_revealed` event; `next` as in {@link HintsSnapshot}. */
export interface HintRevealed {
  problemId: string;
  hint: RevealedHint;
  total: number;
  by: string;
  next?: string | null;
}

export interface HintsState extends HintsSnapshot {
  next: string | null;
  /** The hint revealed last by someone else, until it is seen (for a notice). */
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
  revealCommand(): { type: "reveal_hint"; index: number } | null {
    const { total, revealed } = this.store.value;
    return revealed.length < total ? { type: "reveal_hint", index: revealed.length } : null;
  }
}
