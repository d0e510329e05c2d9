import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ApiError, endRoom, languages, latestRun, problems } from "../src/api";
import { createRoom } from "../src/dashboard/api";
import { fetchReadiness } from "../src/status";
import { FixtureServer } from "./support/fixtureServer";

let server: FixtureServer;
beforeEach(async () => (server = await FixtureServer.start()));
afterEach(() => server.close());

describe("REST calls", () => {
  test("languages come from /api/languages, asked for as JSON", async () => {
    server.reply("/api/languages", { json: { languages: [{ id: "python", displayName: "Python", version: "3.11", template: "print()" }] } });
    expect(await languages()).toEqual([{ id: "python", displayName: "Python", version: "3.11", template: "print()" }]);
    expect(server.requests[0].headers.accept).toBe("application/json");
    expect(server.requests[0].headers["content-type"]).toBeUndefined();
  });

  test("a refusal becomes an ApiError with the server's status, code and sentence", async () => {
    server.reply("POST /api/rooms", { status: 401, json: { error: "unauthorized", message: "Send the API key." } });
    const refused = await createRoom({ title: "T", language: "python" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 401, code: "unauthorized", message: "Send the API key." });
  });

  test("a refusal without a JSON body is named after its status", async () => {
    server.reply("POST /api/rooms", { status: 502, text: "<html>bad gateway</html>" });
    const refused = (await createRoom({ title: "T", language: "python" }).catch((e: unknown) => e)) as ApiError;
    expect(refused.status).toBe(502);
    expect(refused.code).toBe("http_502");
    expect(refused.message).toBe("Bad Gateway");
  });

  test("creating a room sends the plan as JSON, signed in by the page's cookie rather than a key", async () => {
    const created = { id: "r1", title: "T", language: "go", links: {} };
    server.reply("POST /api/rooms", { status: 201, json: created });
    expect(await createRoom({ title: "T", language: "go", starterCode: "package main" })).toEqual(created);
    const [request] = server.requests;
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({ title: "T", language: "go", starterCode: "package main" });
  });

  test("the catalogue is empty when the server has none or fails", async () => {
    server.reply("/api/problems", { json: {} });
    expect(await problems()).toEqual([]);
    server.reply("/api/problems", { status: 500, json: { error: "internal", message: "boom" } });
    expect(await problems()).toEqual([]);
    server.reply("/api/problems", { json: { problems: [{ id: "two-sum", title: "Two Sum", statement: "…" }] } });
    expect((await problems()).map((p) => p.id)).toEqual(["two-sum"]);
  });

  test("ending a room posts to its end with the token, its id escaped", async () => {
    server.reply("POST /api/rooms/a%2Fb/end", { json: { ended: true } });
    await endRoom("a/b", "tok");
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/api/rooms/a%2Fb/end", body: "{}" });
    expect(server.requests[0].headers.authorization).toBe("Bearer tok");
  });

  test("the latest run is the newest finished one, read in full", async () => {
    server.reply("/api/rooms/r1/runs", {
      json: {
        runs: [
          { id: "old", status: "ok", createdAt: "2026-01-01T10:00:00Z" },
          { id: "running", status: "running", createdAt: "2026-01-01T12:00:00Z" },
          { id: "new", status: "timeout", createdAt: "2026-01-01T11:00:00Z" },
        ],
      },
    });
    server.reply("/api/rooms/r1/runs/new", { json: { id: "new", status: "timeout", createdAt: "2026-01-01T11:00:00Z", stdout: "x" } });
    expect(await latestRun("r1", "tok")).toMatchObject({ id: "new", stdout: "x" });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok", "Bearer tok"]);
  });

  test("no latest run while none has finished", async () => {
    server.reply("/api/rooms/r1/runs", { json: { runs: [{ id: "running", status: "running", createdAt: "2026-01-01T12:00:00Z" }] } });
    expect(await latestRun("r1", "tok")).toBeNull();
    expect(server.requests).toHaveLength(1);
  });
});

describe("readiness", () => {
  test("each check of /readyz is a line, whether it answers 200 or 503", async () => {
    server.reply("/readyz", { status: 503, json: { status: "down", checks: { postgres: { ok: true }, redis: { ok: false, detail: "timeout" } } } });
    expect(await fetchReadiness()).toEqual([
      { name: "postgres", ok: true },
      { name: "redis", ok: false, detail: "timeout" },
    ]);
  });

  test("no checks, no lines", async () => {
    server.reply("/readyz", { json: { status: "ok" } });
    expect(await fetchReadiness()).toEqual([]);
  });
});
