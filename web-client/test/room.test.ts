import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openRoom as openPage } from "../src/room/room";
import { FixtureServer, type SeenSocket, until } from "./support/fixtureServer";

// The room page against a fixture server that speaks the control protocol's events: what the page
// shows and sends for each. (The code document's socket opens too, but no one syncs it here.)
let server: FixtureServer;
let app: HTMLElement;
const pages: { leave(): void }[] = [];
/** Opens the room page, to be left when the test ends. */
const openRoom = (element: HTMLElement, roomId: string) => pages.push(openPage(element, roomId));
const $ = (selector: string) => document.querySelector<HTMLElement>(selector)!;

const interviewer = { id: "i1", role: "interviewer", name: "interviewer", joinedAt: "2026-01-01T10:00:00Z" };
const candidate = { id: "c1", role: "candidate", name: "candidate", joinedAt: "2026-01-01T10:00:01Z" };
const room = { id: "r1", title: "Pairing", language: "python", candidateLocked: false, problem: null };

beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  server = await FixtureServer.start("/rooms/r1#token=the-token");
  server.reply("/api/problems", { json: { problems: [] } });
  server.reply("/api/languages", { json: { languages: [] } });
  server.reply("/api/rooms/r1/runs", { json: { runs: [] } });
  app = document.createElement("div");
  document.body.replaceChildren(app);
  delete document.body.dataset.role;
});
afterEach(async () => {
  // The page leaves first, so no socket of it reconnects (or even hears its close) after the test.
  pages.splice(0).forEach((page) => page.leave());
  await server.close();
});

async function joinAs(you: typeof interviewer): Promise<SeenSocket> {
  openRoom(app, "r1");
  const control = await server.socket("/control");
  control.socket.send(JSON.stringify({ type: "welcome", you, room, participants: [interviewer, candidate] }));
  await until(() => document.body.dataset.role === you.role, "the welcome");
  return control;
}

const send = (control: SeenSocket, event: Record<string, unknown>) => control.socket.send(JSON.stringify(event));

describe("the room page", () => {
  test("takes the token out of the address, keeps it for reloads, and opens its sockets with it", async () => {
    openRoom(app, "r1");
    expect(location.hash).toBe("");
    expect(location.pathname).toBe("/rooms/r1");
    expect(sessionStorage.getItem("coderoom.token.r1")).toBe("the-token");
    const control = await server.socket("/control");
    expect(control.path).toBe("/ws/rooms/r1/control");
    expect(control.query.get("token")).toBe("the-token");
    const code = await server.socket("/code");
    expect(code.query.get("token")).toBe("the-token");
  });

  test("without a token it explains the incomplete link and opens no socket", () => {
    window.happyDOM.setURL(`${server.origin}/rooms/r2`);
    openRoom(app, "r2");
    expect(app.querySelector<HTMLElement>("#fatal")?.dataset.code).toBe("4401");
    expect(server.sockets).toEqual([]);
  });

  test("the welcome sets the title, the role and what the role may use", async () => {
    await joinAs(candidate);
    expect($(".room-title").textContent).toBe("Pairing");
    expect(document.title).toBe("Pairing · Coderoom");
    expect($("#role").textContent).toBe("Candidate");
    expect($("#lock").classList.contains("hidden")).toBe(true);
    expect($("#end").classList.contains("hidden")).toBe(true);
    expect($("#run").classList.contains("hidden")).toBe(false);
    expect($("#banner").classList.contains("hidden")).toBe(true);
    expect([...document.querySelectorAll<HTMLElement>("#participants .participant")].map((p) => p.dataset.id)).toEqual(["c1", "i1"]);
  });

  test("a lock makes the candidate's editor read-only with a banner, an unlock undoes it", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "lock_changed", candidateLocked: true });
    await until(() => $("#banner").dataset.kind === "locked", "the lock");
    expect($("#banner").textContent).toMatch(/locked the editor/);
    expect($("#editor .cm-content").getAttribute("contenteditable")).toBe("false");
    send(control, { type: "lock_changed", candidateLocked: false });
    await until(() => $("#banner").classList.contains("hidden"), "the unlock");
    expect($("#editor .cm-content").getAttribute("contenteditable")).toBe("true");
  });

  test("the interviewer's buttons send the control protocol's commands", async () => {
    const control = await joinAs(interviewer);
    expect($("#lock").classList.contains("hidden")).toBe(false);
    $("#lock").click();
    $("#run").click();
    await until(() => control.received.length === 2, "two commands");
    expect(control.received).toEqual([
      { v: 1, type: "lock" },
      { v: 1, type: "run" },
    ]);
  });

  test("run events drive the console and the Run button for everyone", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "run_started", runId: "run1", by: "i1", mode: "run" });
    send(control, { type: "run_output", runId: "run1", stream: "stdout", data: "hello\n" });
    await until(() => $("#output").textContent === "hello\n", "the output");
    expect($("#run-status").textContent).toBe("Running… (started by interviewer)");
    expect(($("#run") as HTMLButtonElement).disabled).toBe(true);
    send(control, { type: "run_finished", runId: "run1", status: "ok", exitCode: 0, compileMs: 0, runMs: 12, memoryBytes: 1024 });
    await until(() => $("#run-status").dataset.state === "ok", "the end of the run");
    expect(($("#run") as HTMLButtonElement).disabled).toBe(false);
  });

  test("a refused command shows the server's sentence", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "error", code: "rate_limited", message: "Too many runs: wait a moment." });
    await until(() => $("#run-status").textContent === "Too many runs: wait a moment.", "the notice");
    expect($("#run-status").dataset.state).toBe("failed");
  });

  test("the end of the room closes the page's sockets and says why", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "room_ended" });
    await until(() => document.querySelector("#fatal") !== null, "the fatal screen");
    expect($("#fatal").dataset.code).toBe("4410");
    expect($("#connection").dataset.state).toBe("closed");
    expect(await control.closed).toBe(1000);
  });
});
