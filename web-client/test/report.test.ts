import { h, render } from "preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import { Joining } from "../src/room/joining";
import { duration, hintsUsed, runOutcome, tally, timeTaken } from "../src/report/format";
import { ReportView } from "../src/report/ReportView";
import { bodyOf, draftOf, missing } from "../src/report/scorecard";
import type { Report, RoomScorecards } from "../src/report/types";

const SCALE = [1, 2, 3, 4].map((value) => ({ value, label: ["Weak", "Mixed", "Good", "Excellent"][value - 1] }));
const RECOMMENDATIONS = (["strong_no", "no", "yes", "strong_yes"] as const).map((value) => ({ value, label: value }));

function report(): Report {
  return {
    version: 1,
    generatedAt: "2026-12-04T10:00:00Z",
    room: {
      id: "r1",
      title: "Final round",
      language: "python",
      status: "ended",
      createdAt: "2026-12-04T09:00:00Z",
      startedAt: "2026-12-04T09:05:00Z",
      endedAt: "2026-12-04T09:40:00Z",
      scheduledAt: null,
      durationMinutes: null,
      candidateName: "Lin",
      candidateEmail: null,
    },
    problem: { id: "two-sum", title: "Two Sum", timeEstimateMinutes: 20, hintCount: 3 },
    time: { source: "clock", startedAt: "2026-12-04T09:05:00Z", endedAt: "2026-12-04T09:30:00Z", takenMs: 25 * 60_000, estimateMs: 20 * 60_000, overByMs: 5 * 60_000 },
    code: { language: "python", text: "def twoSum(nums, target):\n    return [0, 1]\n" },
    notes: "Asked good questions.",
    runs: [
      { id: "a", language: "python", mode: "run", requestedBy: "candidate", by: "Lin", createdAt: "2026-12-04T09:10:00Z", status: "ok" },
      {
        id: "b",
        language: "python",
        mode: "test",
        requestedBy: "candidate",
        by: "Lin",
        createdAt: "2026-12-04T09:20:00Z",
        status: "ok",
        tests: {
          passed: 1,
          total: 2,
          cases: [
            { index: 0, hidden: false, status: "passed", timeMs: 3 },
            { index: 1, hidden: true, status: "failed", input: "[[9,9],18]", expected: "[0,1]", actual: "[]" },
          ],
        },
      },
    ],
    hints: { used: 2, total: 3, revealed: [{ index: 1, text: "Use a map.", at: "2026-12-04T09:12:00Z", by: "Ada" }] },
    chat: { count: 1, messages: [{ at: "2026-12-04T09:11:00Z", name: "Lin", channel: "everyone", text: "<b>hi</b> https://example.org" }] },
    scorecards: {
      criteria: ["Problem solving"],
      scale: SCALE,
      recommendations: RECOMMENDATIONS,
      archivedAt: null,
      items: [
        { author: "user:1", name: "Ada", ratings: [{ criterion: "Problem solving", rating: 3 }], notes: "Solid.", recommendation: "yes", submittedAt: "2026-12-04T09:45:00Z", updatedAt: "2026-12-04T09:45:00Z" },
      ],
    },
    links: { timeline: "/rooms/r1/playback", report: "/rooms/r1/report" },
  };
}

describe("the report's wording", () => {
  test("durations, time against the estimate and hints read as a person would say them", () => {
    expect(duration(40_000)).toBe("40 s");
    expect(duration(25 * 60_000)).toBe("25 min");
    expect(duration(65 * 60_000)).toBe("1 h 05 min");
    expect(timeTaken(report().time)).toBe("25 min of an estimated 20 min (5 min over)");
    expect(timeTaken({ ...report().time, takenMs: 15 * 60_000, overByMs: -5 * 60_000 })).toBe("15 min of an estimated 20 min (5 min under)");
    expect(timeTaken({ ...report().time, takenMs: null })).toBe("Not started");
    expect(hintsUsed({ used: 2, total: 3, revealed: [] })).toBe("2 of 3 hints used");
    expect(hintsUsed({ used: 0, total: 0, revealed: [] })).toBe("The problem has no hints");
    expect(runOutcome(report().runs[1])).toBe("1 / 2 tests passed");
    expect(tally(report()).find((t) => t.value === "yes")?.count).toBe(1);
  });
});

describe("the scorecard draft", () => {
  const form: RoomScorecards = {
    criteria: ["Problem solving", "Testing"],
    scale: SCALE,
    recommendations: RECOMMENDATIONS,
    archivedAt: null,
    canWrite: true,
    mine: null,
    scorecards: [],
  };

  test("asks for every rating and a recommendation before it can be sent", () => {
    const draft = draftOf(form);
    expect(missing(draft)).toBe("Rate Problem solving, Testing.");
    draft.ratings["Problem solving"] = 3;
    draft.ratings.Testing = 1;
    expect(missing(draft)).toBe("Choose a recommendation.");
    draft.recommendation = "no";
    expect(missing(draft)).toBeNull();
    expect(bodyOf(draft)).toEqual({
      ratings: [
        { criterion: "Problem solving", rating: 3 },
        { criterion: "Testing", rating: 1 },
      ],
      notes: "",
      recommendation: "no",
    });
  });

  test("starts from the submitted scorecard, asking again only for criteria renamed since", () => {
    const draft = draftOf({
      ...form,
      mine: { author: "token:1", name: "Ada", ratings: [{ criterion: "Problem solving", rating: 4 }, { criterion: "Old", rating: 2 }], notes: "n", recommendation: "yes", submittedAt: "x", updatedAt: "x" },
    });
    expect(draft.ratings).toEqual({ "Problem solving": 4, Testing: undefined });
    expect(draft.notes).toBe("n");
    expect(missing(draft)).toBe("Rate Testing.");
  });
});

describe("ReportView", () => {
  let host: HTMLElement;
  afterEach(() => {
    render(null, host);
    host.remove();
  });

  test("shows the whole interview from the report JSON alone, chat as plain text", () => {
    host = document.createElement("div");
    document.body.append(host);
    render(h(ReportView, { report: report() }), host);
    const text = host.textContent!;
    expect(host.querySelector("#report-title")?.textContent).toBe("Final round");
    expect(host.querySelector("#report-hints-used")?.textContent).toContain("2 of 3 hints used");
    expect(host.querySelector("#report-time")?.textContent).toContain("5 min over");
    expect(host.querySelector("#report-code code")?.textContent).toBe(report().code.text);
    expect(text).toContain("Asked good questions.");
    // The hidden case the submission failed, in full.
    expect(host.querySelector(".hidden-case")?.textContent).toContain("[[9,9],18]");
    expect(host.querySelectorAll(".run-row")).toHaveLength(2);
    const scorecard = host.querySelector('.scorecard[data-author="user:1"]')!;
    expect(scorecard.textContent).toContain("3 · Good");
    expect(scorecard.textContent).toContain("Yes");
    // The chat message is text: no element from it, no link.
    const chat = host.querySelector("#report-chat li")!;
    expect(chat.textContent).toContain("<b>hi</b> https://example.org");
    expect(chat.querySelector("b, a")).toBeNull();
    expect(host.querySelector<HTMLAnchorElement>("#report-timeline a")?.getAttribute("href")).toBe("/rooms/r1/playback");
  });
});

describe("joining an ended room", () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

  test("an interviewer's link opens it read-only; other links go on to the closing screen", async () => {
    vi.stubGlobal("fetch", async () => answer(200, { id: "r1", status: "ended" }));
    expect(await new Joining("r1", "interviewer-token").check()).toEqual({ step: "ended", token: "interviewer-token" });
    vi.stubGlobal("fetch", async () => answer(410, { error: "room_ended", message: "The interview has ended." }));
    expect(await new Joining("r1", "candidate-token").check()).toEqual({ step: "ready", token: "candidate-token" });
  });

  test("a signed-in member of its team, with no link, reads it as themselves", async () => {
    const seen: string[] = [];
    vi.stubGlobal("fetch", async (path: string, init: RequestInit = {}) => {
      seen.push(`${init.method ?? "GET"} ${path}`);
      return path.endsWith("/enter") ? answer(410, { error: "room_ended" }) : answer(200, { id: "r1", status: "ended" });
    });
    expect(await new Joining("r1", null).check()).toEqual({ step: "ended", token: null });
    expect(seen).toEqual(["POST /api/rooms/r1/enter", "GET /api/rooms/r1"]);
    vi.stubGlobal("fetch", async (path: string) => (path.endsWith("/enter") ? answer(410, { error: "room_ended" }) : answer(401, { error: "unauthorized" })));
    expect(await new Joining("r1", null).check()).toEqual({ step: "no-token" });
  });
});
