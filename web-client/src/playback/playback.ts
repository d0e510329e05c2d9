// A playback's state: where in the session it is, whether it plays and how fast, which marker is
// open, and the code at that moment. Views read the store and call these methods.
import { Store } from "../app/store";
import { PlaybackEngine, type Segment } from "./engine";
import { describeMarker, type MarkerView } from "./markers";
import type { Timeline, TimelineAuthor } from "./timeline";

export const SPEEDS = [1, 4, 16] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PlaybackState {
  /** The moment shown, ms since the epoch. */
  time: number;
  /** How many of the log's updates the code shown holds. */
  position: number;
  playing: boolean;
  speed: Speed;
  /** The open marker's index in `markers`, or null. */
  selected: number | null;
  segments: Segment[];
}

/** How often playing moves the moment on. */
const TICK_MS = 100;

export class Playback {
  readonly store: Store<PlaybackState>;
  readonly start: number;
  readonly end: number;
  readonly markers: MarkerView[];
  readonly authors: TimelineAuthor[];
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTick = 0;

  constructor(
    readonly timeline: Timeline,
    readonly engine: PlaybackEngine = new PlaybackEngine(timeline),
  ) {
    this.authors = timeline.authors;
    const byActor = new Map(timeline.authors.map((a) => [a.actor, a]));
    this.markers = timeline.markers.map((m) => describeMarker(m, byActor)).sort((a, b) => a.time - b.time);
    const times = [
      Date.parse(timeline.room.createdAt),
      ...(engine.length > 0 ? [engine.times[0], engine.times[engine.length - 1]] : []),
      ...(this.markers.length > 0 ? [this.markers[0].time, this.markers[this.markers.length - 1].time] : []),
    ].filter((t) => Number.isFinite(t));
    this.start = Math.min(...times);
    this.end = Math.max(this.start + 1000, ...times);
    // It opens at the end: the code as the interview left it.
    engine.seek(engine.length);
    this.store = new Store<PlaybackState>({ time: this.end, position: engine.position, playing: false, speed: 1, selected: null, segments: engine.segments() });
  }

  /** Shows the code as it was at this moment. */
  seekTo(time: number): void {
    const clamped = Math.max(this.start, Math.min(this.end, time));
    this.engine.seek(this.engine.countAt(clamped));
    const changed = this.engine.position !== this.store.value.position;
    this.store.update({ time: clamped, position: this.engine.position, ...(changed ? { segments: this.engine.segments() } : {}) });
  }

  play(): void {
    if (this.store.value.playing) return;
    if (this.store.value.time >= this.end) this.seekTo(this.start);
    this.lastTick = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.advance(now - this.lastTick);
      this.lastTick = now;
    }, TICK_MS);
    this.store.update({ playing: true });
  }

  pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.store.value.playing) this.store.update({ playing: false });
  }

  toggle(): void {
    if (this.store.value.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: Speed): void {
    this.store.update({ speed });
  }

  /** Moves the moment on by this much real time at the current speed; stops at the end. */
  advance(elapsedMs: number): void {
    const next = this.store.value.time + elapsedMs * this.store.value.speed;
    this.seekTo(next);
    if (next >= this.end) this.pause();
  }

  /** Jumps to the first run or submission after the moment shown, and opens it. */
  nextRun(): boolean {
    const now = this.store.value.time;
    const index = this.markers.findIndex((m) => m.isRun && m.time > now);
    if (index < 0) return false;
    this.select(index);
    return true;
  }

  /** Opens a marker's details and shows the code as it was then. */
  select(index: number | null): void {
    if (index !== null) this.seekTo(this.markers[index].time);
    this.store.update({ selected: index });
  }

  /** The author's name for a segment's author index. */
  authorName(index: number): string {
    return this.authors[index]?.name ?? "Someone the record does not name";
  }

  dispose(): void {
    this.pause();
  }
}
