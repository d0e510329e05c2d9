import { afterEach, describe, expect, test, vi } from "vitest";
import type { DashboardRoom, Filters } from "../src/dashboard/api";
import { Dashboard } from "../src/dashboard/dashboard";
import { duration, outcome, plannedValidity, validity } from "../src/dashboard/format";
import { Joining } from "../src/room/joining";
import { tokenOfUrl } from "../src/room/roomToken";

function room(id: string, status: DashboardRoom["status"], mine = false): DashboardRoom {
  return {
    id, title: id, language: "python", status, problem: null, candidateName: null, candidateEmail: null,
    interviewer: null, mine, scheduledAt: null, durationMinutes: null, candidateLinkHours: null, hasPassword: false,
    createdAt: "2026-01-01T00:00:00Z", startedAt: null, endedAt: null, outcome: null, connected: [],
    candidateLink: { validUntil: "2026-01-02T00:00:00Z", basis: "default", hours: null, explanation: "" },
  };
}

describe("the dashboard's state", () => {
  test("groups keep the server's order and the filters go with every query", async () => {
    const asked: Filters[] = [];
    const dashboard = new Dashboard(async (filters) => {
      asked.push(filters);
      return [room("a", "past"), room("b", "live", true), room("c", "upcoming"), room("d", "live")];
    });
    await dashboard.refresh();
    expect(Dashboard.group(dashboard.store.value.rooms, "live").map((r) => r.id)).toEqual(["b", "d"]);
    dashboard.setFilters({ q: "ada", interviewer: "me" });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual({ interviewer: "me", q: "ada" });
  });

  test("an answer to an older query does not replace a newer one", async () => {
    const answers: ((rooms: DashboardRoom[]) => void)[] = [];
    const dashboard = new Dashboard(() => new Promise((resolve) => answers.push(resolve)));
    const first = dashboard.refresh();
    const second = dashboard.refresh();
    answers[1]([room("new", "live")]);
    answers[0]([room("old", "live")]);
    await Promise.all([first, second]);
    expect(dashboard.store.value.rooms.map((r) => r.id)).toEqual(["new"]);
  });
});

describe("how the dashboard words things", () => {
  test("durations, outcomes and validity", () => {
    expect(duration(90)).toBe("1 h 30 min");
    expect(duration(45)).toBe("45 min");
    expect(outcome({ status: "past", outcome: null })).toBe("No submission");
    expect(outcome({ status: "past", outcome: { passed: 3, total: 5, at: "" } })).toBe("3/5 tests passed");
    expect(validity({ validUntil: "2026-01-02T00:00:00Z", basis: "chosen", hours: 48, explanation: "" })).toContain("48 hours");
  });

  test("the create form explains the link's validity by the rule the server applies", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    expect(plannedValidity({ scheduledAt: "", durationMinutes: "60", candidateLinkHours: "12" }, now)).toContain("12 hours");
    expect(plannedValidity({ scheduledAt: "2026-03-02T10:00", durationMinutes: "60", candidateLinkHours: "" }, now)).toContain("2-hour margin");
    // A slot long past: the default applies, as on the server.
    expect(plannedValidity({ scheduledAt: "2020-03-02T10:00", durationMinutes: "60", candidateLinkHours: "" }, now)).toContain("default");
  });
});

describe("joining a room", () => {
  afterEach(() => sessionStorage.clear());

  test("a link's token is read from its fragment", () => {
    expect(tokenOfUrl("http://x/rooms/r1#token=abc.def")).toBe("abc.def");
    expect(tokenOfUrl("http://x/rooms/r1")).toBeNull();
  });

  test("a password-protected room asks for it, then the candidate's notice, then lets in", async () => {
    localStorage.setItem("coderoom.name", "Ada"); // a name chosen earlier: talk.test.ts asks for one
    const calls: string[] = [];
    let unlocked = false;
    vi.stubGlobal("fetch", async (path: string, init: RequestInit = {}) => {
      const auth = (init.headers as Record<string, string>).authorization ?? "";
      calls.push(`${init.method ?? "GET"} ${path} ${auth}`);
      if (path.endsWith("/password")) {
        unlocked = JSON.parse(init.body as string).password === "s3cret";
        return unlocked
          ? new Response(JSON.stringify({ url: "http://x/rooms/r1#token=proved" }), { status: 201 })
          : new Response(JSON.stringify({ error: "password_wrong", message: "Wrong." }), { status: 401 });
      }
      if (path.endsWith("/consent")) return new Response("{}", { status: 200 });
      if (auth === "Bearer link") return new Response(JSON.stringify({ error: "password_required", message: "" }), { status: 401 });
      return new Response(JSON.stringify({ notice: { recorded: true, retentionDays: 90, consentedAt: null } }), { status: 200 });
    });
    const joining = new Joining("r1", "link");
    expect(await joining.check()).toEqual({ step: "password", error: "" });
    expect(await joining.givePassword("nope")).toEqual({ step: "password", error: "Wrong." });
    expect(await joining.givePassword("s3cret")).toEqual({ step: "notice", retentionDays: 90 });
    expect(sessionStorage.getItem("coderoom.token.r1")).toBe("proved");
    expect(await joining.consent()).toEqual({ step: "ready", token: "proved" });
    expect(calls.at(-1)).toBe("POST /api/rooms/r1/consent Bearer proved");
  });

  test("without a token, a signed-in member enters; anyone else is told the link is incomplete", async () => {
    localStorage.setItem("coderoom.name", "Ada");
    vi.stubGlobal("fetch", async (path: string) =>
      path.endsWith("/enter") ? new Response(JSON.stringify({ url: "http://x/rooms/r1#token=mine" }), { status: 201 }) : new Response("{}", { status: 200 }),
    );
    expect(await new Joining("r1", null).check()).toEqual({ step: "ready", token: "mine" });
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: "unauthorized" }), { status: 401 }));
    expect(await new Joining("r2", null).check()).toEqual({ step: "no-token" });
  });
});
