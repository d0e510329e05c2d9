import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import RoomPage from "../src/room/RoomPage";
import { EMPTY_CODE_STATE, FixtureServer, type SeenSocket, until } from "./support/fixtureServer";

// The room page against a fixture server that speaks the control protocol's events: what the page
// shows and sends for each. (The code document's socket opens too, but no one syncs it here.)
let server: FixtureServer;
let app: HTMLElement;
/** Opens the room page; leaving it (rendering nothing in its place) closes its sockets. */
const openRoom = (element: HTMLElement, roomId: string) => render(h(RoomPage, { id: roomId }), element);
const leave = () => render(null, app);
const $ = (selector: string) => document.querySelector<HTMLElement>(selector)!;

const interviewer = { id: "i1", role: "interviewer", name: "interviewer", joinedAt: "2026-01-01T10:00:00Z" };
const candidate = { id: "c1", role: "candidate", name: "candidate", joinedAt: "2026-01-01T10:00:01Z" };
const room = { id: "r1", title: "Pairing", language: "python", candidateLocked: false, problem: null };

beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  server = await FixtureServer.startRoom();
  app = document.createElement("div");
  document.body.replaceChildren(app);
  delete document.body.dataset.role;
});
afterEach(async () => {
  // The page leaves first, so no socket of it reconnects (or even hears its close) after the test.
  leave();
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
    await until(() => $("#connection").dataset.state === "connected", "both sockets");
  });

  test("without a token, and not signed in, it explains the incomplete link and opens no socket", async () => {
    window.happyDOM.setURL(`${server.origin}/rooms/r2`);
    openRoom(app, "r2");
    // It first asks to enter as a signed-in member; the fixture server signs no one in.
    await until(() => app.querySelector("#fatal") !== null, "the incomplete link's screen");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toContain("POST /api/rooms/r2/enter");
    expect(app.querySelector<HTMLElement>("#fatal")?.dataset.code).toBe("4401");
    expect($("#fatal h1").textContent).toBe("This link is incomplete");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.sockets).toEqual([]);
  });

  test("the welcome sets the title, the role and what the role may use", async () => {
    await joinAs(candidate);
    expect($(".room-title").textContent).toBe("Pairing");
    await until(() => document.title === "Pairing · Coderoom", "the document's title");
    expect($("#role").textContent).toBe("Candidate");
    expect(document.querySelector("#lock")).toBeNull();
    expect(document.querySelector("#end")).toBeNull();
    expect(document.querySelector("#run")).not.toBeNull();
    expect($("#banner").hidden).toBe(true);
    expect([...document.querySelectorAll<HTMLElement>("#participants .participant")].map((p) => p.dataset.id)).toEqual(["c1", "i1"]);
    expect(document.querySelector("#participants .kick")).toBeNull();
  });

  test("an observer spectates: a banner says so, the editor is read-only, and there is nothing to run", async () => {
    await joinAs({ ...candidate, id: "o1", role: "observer", name: "observer" });
    expect($("#role").textContent).toBe("Spectating");
    expect($("#banner").dataset.kind).toBe("spectating");
    expect($("#banner").hidden).toBe(false);
    expect(document.querySelector("#run")).toBeNull();
    expect(document.querySelector("#tab-stdin")).toBeNull();
    await until(() => $("#editor .cm-content")?.getAttribute("contenteditable") === "false", "a read-only editor");
  });

  test("a lock makes the candidate's editor read-only with a banner, an unlock undoes it", async () => {
    const control = await joinAs(candidate);
    await until(() => $("#editor .cm-content")?.getAttribute("contenteditable") === "true", "an editable editor");
    send(control, { type: "lock_changed", candidateLocked: true });
    await until(() => $("#banner").dataset.kind === "locked", "the lock");
    expect($("#banner").hidden).toBe(false);
    expect($("#banner").textContent).toMatch(/locked the editor/);
    await until(() => $("#editor .cm-content").getAttribute("contenteditable") === "false", "a read-only editor");
    send(control, { type: "lock_changed", candidateLocked: false });
    await until(() => $("#banner").hidden, "the unlock");
    await until(() => $("#editor .cm-content").getAttribute("contenteditable") === "true", "an editable editor again");
  });

  test("the interviewer's buttons send the control protocol's commands", async () => {
    const control = await joinAs(interviewer);
    await until(() => $("#connection").dataset.state === "connected", "both sockets");
    expect($("#lock").textContent).toBe("Lock editing");
    $("#lock").click();
    $("#run").click();
    await until(() => control.received.length === 2, "two commands");
    expect(control.received).toEqual([
      { v: 1, type: "lock" },
      { v: 1, type: "run", codeState: EMPTY_CODE_STATE },
    ]);
    send(control, { type: "lock_changed", candidateLocked: true });
    await until(() => $("#lock").textContent === "Unlock editing", "the lock");
    expect($("#lock").getAttribute("aria-pressed")).toBe("true");
    $("#lock").click();
    await until(() => control.received.length === 3, "the unlock");
    expect(control.received[2]).toEqual({ v: 1, type: "unlock" });
  });

  test("ending the interview asks first, in a dialog, and only then sends the end", async () => {
    const control = await joinAs(interviewer);
    await until(() => $("#connection").dataset.state === "connected", "both sockets");
    $("#end").click();
    await until(() => document.querySelector<HTMLDialogElement>("#end-dialog")?.open === true, "the question");
    [...$("#end-dialog").querySelectorAll("button")].find((b) => b.textContent === "Cancel")!.click();
    await until(() => document.querySelector("#end-dialog") === null, "the dialog to close");
    $("#end").click();
    await until(() => document.querySelector("#end-dialog-confirm") !== null, "the question again");
    expect(control.received).toEqual([]);
    $("#end-dialog-confirm").click();
    await until(() => control.received.length === 1, "the end");
    expect(control.received).toEqual([{ v: 1, type: "end" }]);
    await until(() => document.querySelector("#end-dialog") === null, "the dialog to close");
  });

  test("removing someone asks first, in a dialog, and only then sends the kick", async () => {
    const control = await joinAs(interviewer);
    await until(() => $("#connection").dataset.state === "connected", "both sockets");
    const kicks = [...document.querySelectorAll<HTMLElement>("#participants .kick")];
    expect(kicks.map((b) => b.closest<HTMLElement>(".participant")!.dataset.id)).toEqual(["c1"]);
    kicks[0].click();
    await until(() => document.querySelector("#remove-dialog") !== null, "the question");
    expect($("#remove-dialog-title").textContent).toBe("Remove candidate?");
    [...$("#remove-dialog").querySelectorAll("button")].find((b) => b.textContent === "Cancel")!.click();
    await until(() => document.querySelector("#remove-dialog") === null, "the dialog to close");
    expect(control.received).toEqual([]);
    $("#participants .kick").click();
    await until(() => document.querySelector("#remove-dialog-confirm") !== null, "the question again");
    $("#remove-dialog-confirm").click();
    await until(() => control.received.length === 1, "the kick");
    expect(control.received).toEqual([{ v: 1, type: "kick", participantId: "c1" }]);
  });

  test("with a problem, every id is unique and every ARIA reference names an element", async () => {
    const twoSum = { id: "two-sum", title: "Two Sum", statement: "Find two numbers.", function: "two_sum", params: [{ name: "nums", type: "int[]" }, { name: "target", type: "int" }], returns: "int[]", examples: [{ input: [[2, 7], 9], expected: [0, 1] }] };
    server.reply("/api/problems", { json: { problems: [twoSum] } });
    openRoom(app, "r1");
    const control = await server.socket("/control");
    send(control, { type: "welcome", you: interviewer, room: { ...room, problem: { id: "two-sum", title: "Two Sum" } }, participants: [interviewer, candidate] });
    await until(() => document.querySelector("#problem-select") !== null && document.querySelector("#notes") !== null, "the picker and the notes");
    await until(() => document.querySelector("#problem .signature") !== null, "the problem's listing");
    expect($("#tab-tests")).not.toBeNull();
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const references = [...document.querySelectorAll("[aria-controls], [aria-labelledby], [aria-describedby]")].flatMap((e) =>
      ["aria-controls", "aria-labelledby", "aria-describedby"].flatMap((name) => (e.getAttribute(name) ?? "").split(" ").filter(Boolean)),
    );
    expect(references.length).toBeGreaterThan(5);
    expect(references.filter((id) => document.getElementById(id) === null)).toEqual([]);
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
    const code = await server.socket("/code");
    send(control, { type: "room_ended" });
    await until(() => document.querySelector("#fatal") !== null, "the fatal screen");
    expect($("#fatal").dataset.code).toBe("4410");
    expect($("#fatal h1").textContent).toBe("The interview has ended");
    await until(() => $("#connection").dataset.state === "closed", "the closed connection");
    expect(await control.closed).toBe(1000);
    // The document's socket closes without a code (1005), not dropped (1006).
    expect(await code.closed).toBe(1005);
  });

  test("leaving the page closes its sockets for good and forgets its role", async () => {
    const control = await joinAs(interviewer);
    const code = await server.socket("/code");
    const notes = await server.socket("/notes");
    await until(() => $("#connection").dataset.state === "connected", "both sockets");
    leave();
    expect(app.innerHTML).toBe("");
    expect(document.body.dataset.role).toBeUndefined();
    expect(await control.closed).toBe(1000);
    expect(await code.closed).toBe(1005);
    // The notes socket may still be opening on the page's side: then it is dropped (1006) instead.
    expect([1005, 1006]).toContain(await notes.closed);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.sockets).toHaveLength(3);
  });
});
