import { ApiError } from "../api";
import { cleanName, linkClaims, rememberName, rememberedName } from "./displayName";
import { tokenKey, tokenOfUrl } from "./roomToken";

/** What the room page must settle before it connects its sockets. */
export type Gate =
  | { step: "checking" }
  /** No token in the link or the tab: a signed-in member is let in through /enter. */
  | { step: "no-token" }
  | { step: "password"; error: string }
  | { step: "notice"; retentionDays: number | null }
  /** The link carries no name and this browser remembers none: its person types the name to show. */
  | { step: "name"; role: string; error: string }
  /** The interview ended; an interviewer (by link, or signed in when `token` is null) reads it. */
  | { step: "ended"; token: string | null }
  | { step: "ready"; token: string };

interface RoomAnswer {
  status?: "open" | "ended";
  notice?: { recorded: boolean; retentionDays: number | null; consentedAt: string | null } | null;
}

async function post(path: string, token: string | null, body: unknown): Promise<Response> {
  return fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { accept: "application/json", "content-type": "application/json", ...(token ? { authorization: "Bearer " + token } : {}) },
    body: JSON.stringify(body),
  });
}

async function refused(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => ({}));
  return new ApiError(response.status, body.error ?? "http_" + response.status, body.message ?? response.statusText);
}

/**
 * The steps before a room's sockets open: a token (from the link, the tab, or /enter for a
 * signed-in member), the room's password when it has one (exchanged once for a token that proves
 * it), and a candidate's consent to the recording notice (asked once per link).
 */
export class Joining {
  constructor(
    readonly roomId: string,
    private token: string | null,
  ) {}

  private get base(): string {
    return `/api/rooms/${encodeURIComponent(this.roomId)}`;
  }

  async check(): Promise<Gate> {
    if (!this.token) {
      const entered = await post(`${this.base}/enter`, null, {});
      if (entered.status === 410) return (await this.endedForMember()) ? { step: "ended", token: null } : { step: "no-token" };
      if (!entered.ok) return { step: "no-token" };
      this.keep(tokenOfUrl(((await entered.json()) as { url: string }).url));
      if (!this.token) return { step: "no-token" };
    }
    const response = await fetch(this.base, { headers: { accept: "application/json", authorization: "Bearer " + this.token } });
    if (response.status === 401) {
      const error = await refused(response);
      if (error.code === "password_required") return { step: "password", error: "" };
    }
    if (response.ok) {
      const room = (await response.json()) as RoomAnswer;
      // Only an interviewer's link still reads an ended room; the others get 410 and the sockets'
      // closing screen.
      if (room.status === "ended") return { step: "ended", token: this.token! };
      if (room.notice && !room.notice.consentedAt) return { step: "notice", retentionDays: room.notice.retentionDays };
      return this.named();
    }
    // Any other refusal (expired, revoked, ended) the sockets report with the room's own screens.
    return { step: "ready", token: this.token! };
  }

  /**
   * The name step, when it is needed: the link carries no name and this browser remembers none.
   * The sockets then send the chosen name as `?name=` (session.ts), which the server shows.
   */
  private named(): Gate {
    const claims = linkClaims(this.token!);
    if (claims.name || rememberedName()) return { step: "ready", token: this.token! };
    return { step: "name", role: claims.role ?? "participant", error: "" };
  }

  /** Remembers the typed name in this browser (for every room) and goes in. */
  chooseName(typed: string): Gate {
    const name = cleanName(typed);
    if (!name) return { step: "name", role: linkClaims(this.token!).role ?? "participant", error: "Type the name the others will see." };
    rememberName(name);
    return { step: "ready", token: this.token! };
  }

  /** Whether the signed-in member's team has this room, ended. */
  private async endedForMember(): Promise<boolean> {
    const response = await fetch(this.base, { headers: { accept: "application/json" } });
    return response.ok && ((await response.json()) as RoomAnswer).status === "ended";
  }

  async givePassword(password: string): Promise<Gate> {
    const response = await post(`${this.base}/password`, this.token, { password });
    if (!response.ok) {
      const error = await refused(response);
      return { step: "password", error: error.message };
    }
    this.keep(tokenOfUrl(((await response.json()) as { url: string }).url));
    return this.check();
  }

  async consent(): Promise<Gate> {
    const response = await post(`${this.base}/consent`, this.token, {});
    if (!response.ok) throw await refused(response);
    return this.named();
  }

  /** The tab keeps the token it now uses, so a reload opens the room without asking again. */
  private keep(token: string | null): void {
    if (!token) return;
    this.token = token;
    sessionStorage.setItem(tokenKey(this.roomId), token);
  }
}
