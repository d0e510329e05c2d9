import { Store } from "../app/store";
import type { ClockState } from "./protocol";
import type { ServerClock } from "./serverClock";

/** From how much time left the clock warns everyone. */
export const WARNING_MS = 5 * 60_000;

/** What the clock shows: idle, counting down, the last five minutes, overtime, paused or stopped. */
export type ClockPhase = "idle" | "running" | "warning" | "overtime" | "paused" | "stopped";

export interface ClockReading {
  phase: ClockPhase;
  /** Time left; below zero, overtime. */
  remainingMs: number;
  /** The clock text: "12:34", "1:02:03", or "+03:10" in overtime. */
  text: string;
  /** The warning everyone sees, if the clock gives one now. */
  warning: string | null;
}

/**
 * The clock at a moment of the server's time. Warnings follow from the state alone, so a page that
 * loads late (or reloads) shows the same warning as one that watched the time run out.
 */
export function readClock(clock: ClockState, serverNow: number): ClockReading {
  const elapsed = clock.elapsedMs + (clock.status === "running" ? Math.max(0, serverNow - clock.at) : 0);
  const remainingMs = clock.durationMs - elapsed;
  const phase: ClockPhase =
    clock.status === "idle" || clock.status === "paused" || clock.status === "stopped"
      ? clock.status
      : remainingMs <= 0
        ? "overtime"
        : remainingMs <= WARNING_MS
          ? "warning"
          : "running";
  const going = clock.status === "running" || clock.status === "paused";
  const warning = !going ? null : remainingMs <= 0 ? "Time is up." : remainingMs <= WARNING_MS ? "5 minutes left." : null;
  return { phase, remainingMs, text: clock.status === "idle" ? "--:--" : formatClock(remainingMs), warning };
}

/** Time left as the clock shows it, counting up with a + once it is over. */
export function formatClock(remainingMs: number): string {
  const over = remainingMs <= -1000;
  // Whole seconds left, rounded up, so the clock shows 00:00 only when time is up.
  const seconds = over ? Math.floor(-remainingMs / 1000) : Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(seconds / 3600);
  const mmss = `${String(Math.floor(seconds / 60) % 60).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  return `${over ? "+" : ""}${hours > 0 ? `${hours}:${mmss}` : mmss}`;
}

/**
 * The interview's clock as this page knows it: the server's latest state, read against the
 * server's time (this page's clock corrected by its measured offset), ticking every second.
 */
export class InterviewClock {
  readonly store = new Store<{ clock: ClockState | null; reading: ClockReading | null }>({ clock: null, reading: null });
  private ticker: number | undefined;

  constructor(private readonly serverClock: ServerClock) {}

  /** The server's state of the clock (from the welcome or a clock_changed). */
  update(clock: ClockState): void {
    this.store.update({ clock });
    this.tick();
    clearInterval(this.ticker);
    if (clock.status === "running") this.ticker = window.setInterval(() => this.tick(), 250);
  }

  private tick(): void {
    const { clock, reading } = this.store.value;
    if (!clock) return;
    const next = readClock(clock, this.serverClock.now());
    if (!reading || next.text !== reading.text || next.phase !== reading.phase || next.warning !== reading.warning) {
      this.store.update({ reading: next });
    }
  }

  dispose(): void {
    clearInterval(this.ticker);
  }
}
