import { Store } from "../app/store";

/** How long a notice stays before it goes by itself: long enough to read it twice. */
export const NOTICE_MS = 8_000;

/** What a notice is about; a newer notice about the same thing replaces the older one. */
export type NoticeSubject = "language" | "problem" | "hint";

export interface ChangeNotice {
  id: number;
  subject: NoticeSubject;
  text: string;
}

/**
 * Short notices about changes someone made to the room (its language, its problem), shown to
 * everyone and gone by themselves after a while, so nobody is left wondering why the code's
 * language or the statement changed under them.
 */
export class ChangeNotices {
  readonly store = new Store<{ notices: ChangeNotice[] }>({ notices: [] });
  private readonly timers = new Map<number, number>();
  private next = 1;

  show(subject: NoticeSubject, text: string): void {
    const id = this.next++;
    for (const old of this.store.value.notices) if (old.subject === subject) this.clearTimer(old.id);
    const others = this.store.value.notices.filter((n) => n.subject !== subject);
    this.store.update({ notices: [...others, { id, subject, text }] });
    this.timers.set(id, window.setTimeout(() => this.dismiss(id), NOTICE_MS));
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    this.store.update({ notices: this.store.value.notices.filter((n) => n.id !== id) });
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  private clearTimer(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }
}
