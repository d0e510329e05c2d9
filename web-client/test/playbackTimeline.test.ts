import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { TimelineError, fetchTimeline } from "../src/playback/timeline";
import { FixtureServer } from "./support/fixtureServer";

let server: FixtureServer;
beforeEach(async () => (server = await FixtureServer.start("/rooms/r1/playback")));
afterEach(() => server.close());

const room = { id: "r1", title: "T", language: "python", problemId: null, createdAt: "2026-01-05T14:00:00Z", endedAt: null };
const update = (seq: number) => ({ seq, at: "2026-01-05T14:00:00Z", author: "token:a", update: "AAA=" });

describe("reading a timeline", () => {
  test("follows 'next' through every page with the room's token, keeping the newest markers", async () => {
    server.reply("/api/rooms/r1/timeline", (request) => {
      const after = Number(new URL(request.path, "http://x").searchParams.get("after"));
      const pages: Record<number, unknown> = {
        0: { room, authors: [], markers: [], updates: [update(1), update(2)], next: 2 },
        2: { room, authors: [], markers: [], updates: [update(3), update(4)], next: 4 },
        4: { room, authors: [{ actor: "token:a", name: "Ada", role: "candidate" }], markers: [{ kind: "left", at: "2026-01-05T14:01:00Z", actor: "token:a", detail: {} }], updates: [update(5)], next: null },
      };
      return { json: pages[after] };
    });
    const timeline = await fetchTimeline("r1", "the-token");
    expect(timeline.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(timeline.next).toBeNull();
    expect(timeline.markers.map((m) => m.kind)).toEqual(["left"]);
    expect(server.requests.map((r) => r.path)).toEqual(["/api/rooms/r1/timeline?after=0", "/api/rooms/r1/timeline?after=2", "/api/rooms/r1/timeline?after=4"]);
    expect(server.requests.every((r) => r.headers.authorization === "Bearer the-token")).toBe(true);
  });

  test("a signed-in member sends no token, and a refusal carries the server's status and sentence", async () => {
    server.reply("/api/rooms/r1/timeline", { status: 403, json: { error: "forbidden", message: "Only the room's interviewers may replay the interview." } });
    const refused = await fetchTimeline("r1", null).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TimelineError);
    expect(refused).toMatchObject({ status: 403, message: "Only the room's interviewers may replay the interview." });
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });
});
