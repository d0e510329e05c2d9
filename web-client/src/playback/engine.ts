// Replays a room's code document at any moment of its timeline with the reference yjs. Seeking keeps
// to a bounded cost: the state after every `every`-th update is kept encoded (a checkpoint), so a
// seek restores the nearest earlier checkpoint and applies fewer than `every` updates; moving
// forward by less than that just applies the updates in between.
import * as Y from "yjs";
import type { Timeline } from "./timeline";

/** The Y.Text of the code document (y-codemirror's name, as the server's). */
export const CODE_TEXT = "codemirror";

/** A run of text typed by one author (-1: nobody the timeline names). */
export interface Segment {
  text: string;
  author: number;
}

export interface EngineOptions {
  /** Updates between checkpoints. */
  every?: number;
}

export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class PlaybackEngine {
  /** When each update was applied, ms since the epoch, in log order. */
  readonly times: Float64Array;
  /** Index into the timeline's authors of each update's author (-1 when unnamed). */
  readonly updateAuthors: Int32Array;
  readonly every: number;
  private readonly updates: Uint8Array[];
  /** checkpoints[k]: the document after the first (k + 1) * every updates. */
  private readonly checkpoints: Uint8Array[] = [];
  /** Which author's browser each Yjs client id is: the author of the first update carrying its items. */
  private readonly clientAuthors = new Map<number, number>();
  private doc: Y.Doc;
  private applied = 0;

  constructor(timeline: Timeline, options: EngineOptions = {}) {
    this.every = Math.max(1, options.every ?? 250);
    const authorIndex = new Map(timeline.authors.map((a, i) => [a.actor, i]));
    const n = timeline.updates.length;
    this.updates = new Array<Uint8Array>(n);
    this.times = new Float64Array(n);
    this.updateAuthors = new Int32Array(n);
    this.doc = new Y.Doc();
    for (let i = 0; i < n; i++) {
      const entry = timeline.updates[i];
      const update = decodeBase64(entry.update);
      this.updates[i] = update;
      this.times[i] = Date.parse(entry.at);
      const author = authorIndex.get(entry.author) ?? -1;
      this.updateAuthors[i] = author;
      const { from, to } = Y.parseUpdateMeta(update);
      for (const [client, end] of to) {
        if (end > (from.get(client) ?? 0) && !this.clientAuthors.has(client)) this.clientAuthors.set(client, author);
      }
      Y.applyUpdate(this.doc, update);
      if ((i + 1) % this.every === 0) this.checkpoints.push(Y.encodeStateAsUpdate(this.doc));
    }
    this.applied = n;
  }

  /** How many updates the log holds. */
  get length(): number {
    return this.updates.length;
  }

  /** How many updates the document now holds (the first `position` of the log). */
  get position(): number {
    return this.applied;
  }

  /** The author (index) of the browser with this Yjs client id, -1 when unknown. */
  authorOfClient(client: number): number {
    return this.clientAuthors.get(client) ?? -1;
  }

  /** How many updates were applied at or before this moment (ms since the epoch). */
  countAt(time: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid] <= time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Makes the document hold exactly the first `count` updates of the log. */
  seek(count: number): void {
    const target = Math.max(0, Math.min(this.updates.length, Math.floor(count)));
    if (target < this.applied || target - this.applied >= this.every) {
      const k = Math.floor(target / this.every);
      this.doc.destroy();
      this.doc = new Y.Doc();
      if (k > 0) Y.applyUpdate(this.doc, this.checkpoints[k - 1]);
      this.applied = k * this.every;
    }
    while (this.applied < target) Y.applyUpdate(this.doc, this.updates[this.applied++]);
  }

  /** The code as it is at the current position. */
  text(): string {
    return this.doc.getText(CODE_TEXT).toString();
  }

  /** The code at the current position in runs of one author each, in document order. */
  segments(): Segment[] {
    const segments: Segment[] = [];
    let item = this.doc.getText(CODE_TEXT)._start;
    while (item !== null) {
      if (!item.deleted && item.content instanceof Y.ContentString) {
        const author = this.authorOfClient(item.id.client);
        const last = segments[segments.length - 1];
        if (last && last.author === author) last.text += item.content.str;
        else segments.push({ text: item.content.str, author });
      }
      item = item.right;
    }
    return segments;
  }
}
