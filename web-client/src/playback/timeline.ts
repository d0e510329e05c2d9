// The timeline's wire shape (openapi.json's Timeline schema), and reading it from the server a page
// of updates at a time.

export interface TimelineRoom {
  id: string;
  title: string;
  language: string;
  problemId?: string | null;
  createdAt: string;
  endedAt?: string | null;
}

export interface TimelineAuthor {
  /** How the audit log names them: token:<id>, user:<id>, api-key, or server. */
  actor: string;
  name: string;
  role: string;
}

export interface TimelineMarker {
  kind: string;
  at: string;
  actor: string;
  detail: Record<string, unknown>;
}

export interface TimelineUpdate {
  seq: number;
  at: string;
  author: string;
  /** A Yjs v1 update, base64. */
  update: string;
}

export interface Timeline {
  room: TimelineRoom;
  authors: TimelineAuthor[];
  markers: TimelineMarker[];
  updates: TimelineUpdate[];
  next: number | null;
}

/** Why the timeline could not be read, in words for the page. */
export class TimelineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The whole timeline: the first page, then the later pages' updates appended (each page repeats
 * the room, authors and markers; the last one read is kept, being the newest).
 */
export async function fetchTimeline(roomId: string, token: string | null, base = ""): Promise<Timeline> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const path = `${base}/api/rooms/${encodeURIComponent(roomId)}/timeline`;
  let after = 0;
  const updates: TimelineUpdate[] = [];
  for (;;) {
    const response = await fetch(`${path}?after=${after}`, { headers, credentials: "same-origin" });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      throw new TimelineError(response.status, body?.message ?? `The server answered ${response.status}.`);
    }
    const page = (await response.json()) as Timeline;
    updates.push(...page.updates);
    if (page.next === null) return { ...page, updates, next: null };
    after = page.next;
  }
}

/** The timeline an offline file carries in its data slot, or null when it carries none. */
export function embeddedJson<T>(id: string): T | null {
  const text = document.getElementById(id)?.textContent ?? "null";
  return JSON.parse(text) as T | null;
}
