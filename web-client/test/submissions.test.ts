import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { kindOf } from "../src/room/runLabels";
import { Submissions } from "../src/room/submissions";
import { FixtureServer } from "./support/fixtureServer";

let server: FixtureServer;
beforeEach(async () => (server = await FixtureServer.start()));
afterEach(() => server.close());

const stored = [
  {
    id: "a",
    mode: "examples",
    language: "python",
    requestedBy: "candidate",
    requestedName: "Ada",
    createdAt: "2026-01-01T10:00:00Z",
    status: "ok",
    tests: { passed: 2, total: 2 },
  },
  { id: "b", mode: "run", language: "python", requestedBy: "interviewer", requestedName: "", createdAt: "2026-01-01T10:01:00Z", status: "timeout" },
];

describe("the Submissions tab's list", () => {
  test("modes name the kinds: test is a submission, examples the public tests", () => {
    expect(kindOf("test")).toBe("submit");
    expect(kindOf("examples")).toBe("examples");
    expect(kindOf("run")).toBe("run");
    expect(kindOf(undefined)).toBe("run");
  });

  test("reads the room's runs newest first, with who ran them (the role when no name was known)", async () => {
    server.reply("/api/rooms/r1/runs", { json: { runs: stored } });
    const list = new Submissions("r1", "tok");
    await list.load();
    expect(server.requests[0].headers.authorization).toBe("Bearer tok");
    const { entries } = list.store.value;
    expect(entries.map((e) => [e.id, e.kind, e.by, e.status, e.passed, e.total])).toEqual([
      ["b", "run", "interviewer", "timeout", null, null],
      ["a", "examples", "Ada", "ok", 2, 2],
    ]);
  });

  test("run events add and settle entries live, and a run started before the list came stays", async () => {
    const list = new Submissions("r1", "tok");
    list.started({ runId: "c", mode: "test", language: "go", by: "Ada", at: Date.parse("2026-01-01T10:02:00Z") });
    expect(list.store.value.entries[0]).toMatchObject({ id: "c", kind: "submit", status: "running", passed: null });
    server.reply("/api/rooms/r1/runs", { json: { runs: stored } });
    await list.load();
    expect(list.store.value.entries.map((e) => e.id)).toEqual(["c", "b", "a"]);
    list.finished({ runId: "c", status: "ok", tests: { passed: 6, total: 7 } });
    expect(list.store.value.entries[0]).toMatchObject({ id: "c", status: "ok", passed: 6, total: 7 });
  });

  test("opening a run reads its code as it ran, and its end reads it again with the results", async () => {
    const list = new Submissions("r1", "tok");
    list.started({ runId: "c", mode: "examples", language: "python", by: "Ada" });
    server.reply("/api/rooms/r1/runs/c", { json: { id: "c", status: "running", code: "def twoSum(): pass\n" } });
    await list.open("c");
    expect(list.store.value.opened).toMatchObject({ id: "c", detail: { code: "def twoSum(): pass\n" } });
    server.reply("/api/rooms/r1/runs/c", { json: { id: "c", status: "ok", code: "def twoSum(): pass\n", tests: { passed: 0, total: 2 } } });
    list.finished({ runId: "c", status: "ok", tests: { passed: 0, total: 2 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(list.store.value.opened?.detail?.status).toBe("ok");
    list.close();
    expect(list.store.value.opened).toBeNull();
  });

  test("a list that cannot be read says so", async () => {
    server.reply("/api/rooms/r1/runs", { status: 500, json: { error: "internal", message: "Try again." } });
    const list = new Submissions("r1", "tok");
    await list.load();
    expect(list.store.value.error).toContain("Try again.");
  });
});
