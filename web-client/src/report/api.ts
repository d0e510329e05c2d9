import { ApiError, call } from "../api";
import type { Report, RoomScorecards, Scorecard } from "./types";
import type { Draft } from "./scorecard";
import { bodyOf } from "./scorecard";

/**
 * The report's REST calls for one room. A signed-in member of the room's team reads and writes as
 * themselves (the session cookie), so their scorecard is theirs whichever link they came in by;
 * anyone else by the room link this tab holds. The first call settles which.
 */
export class ReportApi {
  private headers: Record<string, string> | null = null;

  constructor(
    readonly roomId: string,
    private readonly token: string | null,
  ) {}

  private get base(): string {
    return `/api/rooms/${encodeURIComponent(this.roomId)}`;
  }

  private async send<T>(path: string, init: RequestInit = {}): Promise<T> {
    if (this.headers) return call<T>(this.base + path, { ...init, headers: this.headers });
    try {
      const answer = await call<T>(this.base + path, init);
      this.headers = {};
      return answer;
    } catch (e) {
      // Not signed in, or not in the room's team: the link, when the tab has one.
      if (!(e instanceof ApiError) || ![401, 403, 404].includes(e.status) || !this.token) throw e;
      const headers = { authorization: "Bearer " + this.token };
      const answer = await call<T>(this.base + path, { ...init, headers });
      this.headers = headers;
      return answer;
    }
  }

  report(): Promise<Report> {
    return this.send<Report>("/report");
  }

  scorecards(): Promise<RoomScorecards> {
    return this.send<RoomScorecards>("/scorecards");
  }

  /** Submits the first time, edits after. */
  saveScorecard(draft: Draft, submitted: boolean): Promise<Scorecard> {
    const body = JSON.stringify(bodyOf(draft));
    return submitted
      ? this.send<Scorecard>("/scorecards/mine", { method: "PUT", body })
      : this.send<Scorecard>("/scorecards", { method: "POST", body });
  }

  archive(): Promise<{ archivedAt: string }> {
    return this.send("/archive", { method: "POST", body: "{}" });
  }
}
