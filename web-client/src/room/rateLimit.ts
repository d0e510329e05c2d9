import { Store } from "../app/store";

/** The wait when the server's refusal does not say how long: a few seconds, then it may say again. */
export const FALLBACK_WAIT_MS = 5_000;
/** A longer wait than this is not believed: the room's limit counts runs over one minute. */
const LONGEST_WAIT_MS = 60_000;

/**
 * The wait after the server refused a run for the room's rate limit: until it is over, Run and
 * Submit are disabled and the console counts down the seconds left, so nobody presses Run only to
 * be refused again.
 */
export class RateLimit {
  readonly store = new Store<{ secondsLeft: number }>({ secondsLeft: 0 });
  private until = 0;
  private timer: number | undefined;

  constructor(private readonly over: () => void) {}

  /** Starts (or lengthens) the wait, for the server's `retryAfterMs` when it gives one. */
  refused(retryAfterMs: unknown): void {
    const wait = typeof retryAfterMs === "number" && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? Math.min(retryAfterMs, LONGEST_WAIT_MS) : FALLBACK_WAIT_MS;
    this.until = Math.max(this.until, Date.now() + wait);
    this.tick();
  }

  get waiting(): boolean {
    return this.store.value.secondsLeft > 0;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private tick(): void {
    clearTimeout(this.timer);
    const left = this.until - Date.now();
    if (left <= 0) {
      this.store.update({ secondsLeft: 0 });
      this.over();
      return;
    }
    this.store.update({ secondsLeft: Math.ceil(left / 1000) });
    // Wakes when the shown number changes, not on a fixed beat that would drift from it.
    this.timer = window.setTimeout(() => this.tick(), left % 1000 || 1000);
  }
}
