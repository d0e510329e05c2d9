import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fromBase64url } from "../src/app/base64url";
import { RoomSession } from "../src/room/session";
import { FixtureServer, type SeenSocket, until } from "./support/fixtureServer";

// RoomSession's own guards, without the page's buttons in front of them: what it sends and what it
// refuses to send, against the fixture server.
let server: FixtureServer;
let session: RoomSession;

const interviewer = { id: "i1", role: "interviewer", name: "Ada", joinedAt: "2026-01-01T10:00:00Z" };
const candidate = { id: "c1", role: "candidate", name: "Candidate", joinedAt: "2026-01-01T10:00:01Z" };
const observer = { id: "o1", role: "observer", name: "Observer", joinedAt: "2026-01-01T10:00:02Z" };
const room = { id: "r1", title: "Pairing", language: "python", candidateLocked: false, problem: null };
const send = (control: SeenSocket, event: Record<string, unknown>) => control.socket.send(JSON.stringify(event));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(async () => {
  localStorage.clear();
  server = await FixtureServer.start("/rooms/r1");
  server.reply("/api/problems", { json: { problems: [] } });
  server.reply("/api/languages", { json: { languages: [] } });
  server.reply("/api/rooms/r1/runs", { json: { runs: [] } });
});
afterEach(async () => {
  session.leave();
  await server.close();
});

async function join(you: typeof candidate): Promise<SeenSocket> {
  session = new RoomSession("r1", "the-token");
  const control = await server.socket("/control");
  send(control, { type: "welcome", you, room, participants: [interviewer, candidate, observer] });
  await until(() => session.store.value.you !== null && session.usable, "the welcome");
  return control;
}

describe("RoomSession", () => {
  test("stop names the run shown, and is not sent again while that run is stopping", async () => {
    const control = await join(candidate);
    session.stop();
    await settle();
    expect(control.received).toEqual([]);
    send(control, { type: "run_started", runId: "run1", by: "i1", mode: "run" });
    await until(() => session.store.value.runInProgress, "the run");
    session.stop();
    await until(() => control.received.length === 1, "the stop");
    expect(control.received).toEqual([{ v: 1, type: "stop", runId: "run1" }]);
    send(control, { type: "run_stopping", runId: "run1", by: "c1" });
    await until(() => session.store.value.stopping, "the stopping");
    session.stop();
    await settle();
    expect(control.received).toHaveLength(1);
    send(control, { type: "run_finished", runId: "run1", status: "stopped", by: "c1", exitCode: 137, compileMs: 0, runMs: 10, memoryBytes: 1024 });
    await until(() => !session.store.value.runInProgress, "the end");
    expect(session.store.value.stopping).toBe(false);
    expect(session.console.store.value.status.text).toBe("Stopped by you · run 10 ms · memory 1 KB");
  });

  test("run, examples and submit carry the code as this page has it, for the server to wait for", async () => {
    const control = await join(candidate);
    session.code.disconnect(); // edits made offline: the server will have to wait for them
    session.codeDoc.getText("codemirror").insert(0, "print(1)");
    session.run();
    await until(() => control.received.length === 1, "the run");
    const sent = control.received[0] as { type: string; codeState: string };
    expect(sent.type).toBe("run");
    const state = Y.decodeStateVector(fromBase64url(sent.codeState));
    expect(state).toEqual(new Map([[session.codeDoc.clientID, "print(1)".length]]));
    send(control, { type: "run_started", runId: "run1", by: "c1", mode: "run" });
    send(control, { type: "run_finished", runId: "run1", status: "ok", exitCode: 0, compileMs: 0, runMs: 1, memoryBytes: 1 });
    await until(() => !session.store.value.runInProgress, "the end");
    session.submit();
    await until(() => control.received.length === 2, "the submit");
    expect(control.received[1]).toEqual({ v: 1, type: "submit", codeState: sent.codeState });
  });

  test("is connected once the room's code has arrived, not when its socket opens", async () => {
    server.holdSync = true;
    await join(candidate);
    await server.socket("/code");
    await until(() => session.code.wsconnected, "the code socket");
    await settle();
    expect(session.store.value.connection).not.toBe("connected");
    server.answerSync();
    await until(() => session.store.value.connection === "connected", "connected");
  });

  test("an observer's session sends no stop, run or submit", async () => {
    const control = await join(observer);
    send(control, { type: "run_started", runId: "run1", by: "i1", mode: "run" });
    await until(() => session.store.value.runInProgress, "the run");
    session.stop();
    send(control, { type: "run_finished", runId: "run1", status: "ok", exitCode: 0, compileMs: 0, runMs: 10, memoryBytes: 1024 });
    await until(() => !session.store.value.runInProgress, "the end");
    session.run();
    session.submit();
    await settle();
    expect(control.received).toEqual([]);
  });

  test("while the run limit's wait lasts, neither run nor submit is sent", async () => {
    const control = await join(candidate);
    send(control, { type: "error", code: "rate_limited", message: "Too many runs.", retryAfterMs: 30_000 });
    await until(() => session.rateLimit.waiting, "the wait");
    session.run();
    session.submit();
    await settle();
    expect(control.received).toEqual([]);
    expect(session.rateLimit.store.value.secondsLeft).toBe(30);
  });
});
