import { h, render } from "preact";
import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import RoomPage from "../src/room/RoomPage";
import { EMPTY_CODE_STATE, FixtureServer, type SeenSocket, until } from "./support/fixtureServer";

// The room page against the fixture server, for what tells people where they are and what happened:
// stopping a run, the run limit's wait, who changed the language or the problem, the welcome, the
// question before switching written code's language, and the hint that a program reads stdin.
let server: FixtureServer;
let app: HTMLElement;
const openRoom = (roomId = "r1") => render(h(RoomPage, { id: roomId }), app);
const leave = () => render(null, app);
const $ = (selector: string) => document.querySelector<HTMLElement>(selector)!;
const button = (selector: string) => document.querySelector<HTMLButtonElement>(selector);

const interviewer = { id: "i1", role: "interviewer", name: "Ada", joinedAt: "2026-01-01T10:00:00Z" };
const candidate = { id: "c1", role: "candidate", name: "Candidate", joinedAt: "2026-01-01T10:00:01Z" };
const observer = { id: "o1", role: "observer", name: "Observer", joinedAt: "2026-01-01T10:00:02Z" };
const room = { id: "r1", title: "Pairing", language: "python", candidateLocked: false, problem: null as { id: string; title: string } | null };
const twoSum = { id: "two-sum", title: "Two Sum", statement: "Find two numbers.", examples: [{ input: [[2, 7], 9], expected: [0, 1] }], hiddenTests: 2 };

beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  server = await FixtureServer.startRoom([twoSum]);
  app = document.createElement("div");
  document.body.replaceChildren(app);
  delete document.body.dataset.role;
  serverDoc = new Y.Doc();
});
afterEach(async () => {
  leave();
  await server.close();
});

const send = (control: SeenSocket, event: Record<string, unknown>) => control.socket.send(JSON.stringify(event));

async function joinAs(you: typeof interviewer, roomInfo = room, nth = 0): Promise<SeenSocket> {
  openRoom();
  const control = await server.socket("/control", nth);
  send(control, { type: "welcome", you, room: roomInfo, participants: [interviewer, candidate, observer] });
  await until(() => document.body.dataset.role === you.role, "the welcome");
  await until(() => $("#connection").dataset.state === "connected", "both sockets");
  return control;
}

/** The room's code as the server holds it: its changes reach the page as Yjs updates on the code socket. */
let serverDoc: Y.Doc;

/** Replaces the room's code with `text` as the server would send it, and waits for the editor to show it. */
async function serverSetsCode(text: string): Promise<void> {
  const code = (await server.socket("/code")).socket;
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  serverDoc.on("update", collect);
  const shared = serverDoc.getText("codemirror");
  serverDoc.transact(() => {
    shared.delete(0, shared.length);
    shared.insert(0, text);
  });
  serverDoc.off("update", collect);
  // y-websocket's frame: messageSync (0), messageYjsUpdate (2), then the update with its length.
  for (const update of updates) code.send(Uint8Array.from([...varUint(0), ...varUint(2), ...varUint(update.length), ...update]));
  await until(() => $("#editor .cm-content")?.textContent === text.replace(/\n/g, ""), "the code in the editor");
}
function varUint(n: number): number[] {
  const bytes: number[] = [];
  while (n > 0x7f) {
    bytes.push(0x80 | (n & 0x7f));
    n >>>= 7;
  }
  bytes.push(n);
  return bytes;
}

describe("stopping a run", () => {
  test("Stop sends the run's id; everyone sees who asked, then 'Stopped by NAME'", async () => {
    const control = await joinAs(candidate);
    expect(button("#stop")).toBeNull();
    send(control, { type: "run_started", runId: "run1", by: "c1", mode: "run" });
    await until(() => button("#stop") !== null, "the Stop button");
    expect(button("#stop")!.title).toBe("Stops the program that is running now, for everyone in the room.");
    expect(button("#stop")!.disabled).toBe(false);
    button("#stop")!.click();
    await until(() => control.received.length === 1, "the stop");
    expect(control.received).toEqual([{ v: 1, type: "stop", runId: "run1" }]);
    send(control, { type: "run_stopping", runId: "run1", by: "i1" });
    await until(() => $("#run-status").textContent === "Stopping… (asked by Ada)", "the stopping line");
    expect($("#run-status").dataset.state).toBe("running");
    expect(button("#stop")!.disabled).toBe(true);
    button("#stop")!.click();
    send(control, { type: "run_output", runId: "run1", stream: "stdout", data: "partial\n" });
    await until(() => $("#output").textContent === "partial\n", "the output until the stop");
    expect(control.received).toHaveLength(1);
    send(control, { type: "run_finished", runId: "run1", status: "stopped", by: "i1", exitCode: 137, compileMs: 0, runMs: 1200, memoryBytes: 2 * 1024 * 1024, message: "Stopped by Ada." });
    await until(() => $("#run-status").dataset.state === "stopped", "the end of the run");
    expect($("#run-status").textContent).toBe("Stopped by Ada · run 1.20 s · memory 2.0 MB");
    expect($("#output").textContent).toBe("partial\n\nStopped by Ada.\n");
    expect(button("#stop")).toBeNull();
    expect(button("#run")!.disabled).toBe(false);
  });

  test("a run you stopped says so, and a run the API stopped says that", async () => {
    const control = await joinAs(interviewer);
    send(control, { type: "run_started", runId: "run1", by: "c1", mode: "run" });
    send(control, { type: "run_stopping", runId: "run1", by: "i1" });
    await until(() => $("#run-status").textContent === "Stopping… (asked by you)", "the stopping line");
    send(control, { type: "run_finished", runId: "run1", status: "stopped", by: "i1", exitCode: 137, compileMs: 0, runMs: -1, memoryBytes: -1 });
    await until(() => $("#run-status").textContent === "Stopped by you", "the end of the run");
    send(control, { type: "run_started", runId: "run2", by: "c1", mode: "run" });
    await until(() => button("#stop") !== null && !button("#stop")!.disabled, "a new run's Stop button");
    send(control, { type: "run_finished", runId: "run2", status: "stopped", exitCode: -1, compileMs: 0, runMs: -1, memoryBytes: -1 });
    await until(() => $("#run-status").textContent === "Stopped by the API", "the end of the second run");
  });

  test("an observer gets no Stop button", async () => {
    const control = await joinAs(observer);
    send(control, { type: "run_started", runId: "run1", by: "c1", mode: "run" });
    await until(() => $("#run-status").textContent === "Running… (started by Candidate)", "the run");
    expect(button("#stop")).toBeNull();
  });

  test("a stopped run from before the page joined names who stopped it", async () => {
    server.reply("/api/rooms/r1/runs", { json: { runs: [{ id: "p1", status: "stopped", createdAt: "2026-01-01T10:05:00Z" }] } });
    server.reply("/api/rooms/r1/runs/p1", {
      json: { id: "p1", status: "stopped", createdAt: "2026-01-01T10:05:00Z", mode: "run", exitCode: 137, runMs: 800, memoryBytes: 1024, stdout: "tick\n", message: "Stopped by Grace Hopper." },
    });
    await joinAs(candidate);
    await until(() => $("#run-status").dataset.state === "stopped", "the stored run");
    expect($("#run-status").textContent).toBe("Stopped by Grace Hopper · run 800 ms · memory 1 KB");
    expect($("#output").textContent).toMatch(/tick\n\nStopped by Grace Hopper\.\n$/);
  });
});

describe("the run limit", () => {
  test("the end of the wait does not hide a run someone else started meanwhile", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "error", code: "rate_limited", message: "Too many runs: wait a moment.", retryAfterMs: 300 });
    await until(() => document.querySelector("#rate-limit") !== null, "the wait");
    send(control, { type: "run_started", runId: "r9", by: "i1", mode: "run" });
    await until(() => $("#run-status").dataset.state === "running", "the other run");
    await until(() => document.querySelector("#rate-limit") === null, "the end of the wait", 2_000);
    expect($("#run-status").dataset.state).toBe("running");
    expect($("#run-status").textContent).toMatch(/^Running… \(started by /);
  });

  test("a rate_limited refusal disables Run and Submit and counts down the server's wait, then Run is back", async () => {
    const control = await joinAs(candidate, { ...room, problem: { id: "two-sum", title: "Two Sum" } });
    await until(() => button("#submit") !== null && !button("#submit")!.disabled, "Submit");
    send(control, { type: "error", code: "rate_limited", message: "Too many runs: wait a moment.", retryAfterMs: 1_400 });
    await until(() => $("#run-status").textContent === "Too many runs: wait a moment.", "the refusal");
    expect(button("#run")!.disabled).toBe(true);
    expect(button("#submit")!.disabled).toBe(true);
    expect($("#rate-limit").textContent).toBe("Run again in 2 s");
    expect($("#rate-limit").getAttribute("role")).toBe("timer");
    expect(button("#run")!.title).toMatch(/ Too many runs this minute: available again in 2 s\.$/);
    expect(button("#submit")!.title).toMatch(/ Too many runs this minute: available again in 2 s\.$/);
    // Neither the button nor the keyboard's shortcut sends a run while the wait lasts.
    button("#run")!.click();
    button("#submit")!.click();
    $("#editor .cm-content").dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true, cancelable: true }));
    await until(() => $("#rate-limit").textContent === "Run again in 1 s", "the next second", 2_000);
    expect(control.received).toEqual([]);
    await until(() => $("#run-status").textContent === "You can run again.", "the end of the wait", 3_000);
    expect(document.querySelector("#rate-limit")).toBeNull();
    expect(button("#run")!.disabled).toBe(false);
    expect(button("#submit")!.disabled).toBe(false);
    expect(button("#run")!.title).not.toMatch(/Too many runs/);
    button("#run")!.click();
    await until(() => control.received.length === 1, "the run");
    expect(control.received).toEqual([{ v: 1, type: "run", codeState: EMPTY_CODE_STATE }]);
  });

  test("other refusals do not start a wait", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "error", code: "run_in_progress", message: "A run is already in progress." });
    await until(() => $("#run-status").textContent === "A run is already in progress.", "the refusal");
    expect(document.querySelector("#rate-limit")).toBeNull();
    expect(button("#run")!.disabled).toBe(false);
  });
});

describe("change notices", () => {
  test("a language changed by someone else names them and the language", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "language_changed", language: "go", by: "i1" });
    await until(() => document.querySelector(".change-notice") !== null, "the notice");
    expect($(".change-notice-text").textContent).toBe("Ada changed the language to Go.");
    expect($(".change-notice").dataset.subject).toBe("language");
    expect($("#language").textContent).toBe("Go");
    send(control, { type: "language_changed", language: "cpp", by: "i1" });
    await until(() => $(".change-notice-text").textContent === "Ada changed the language to C++.", "the newer notice");
    expect(document.querySelectorAll(".change-notice")).toHaveLength(1);
  });

  test("your own change says You; one without a participant says The API", async () => {
    const control = await joinAs(interviewer);
    send(control, { type: "language_changed", language: "java", by: "i1" });
    await until(() => $(".change-notice-text")?.textContent === "You changed the language to Java.", "your notice");
    send(control, { type: "problem_changed", problem: { id: "two-sum", title: "Two Sum" } });
    await until(() => document.querySelectorAll(".change-notice").length === 2, "the problem's notice");
    expect([...document.querySelectorAll(".change-notice-text")].map((e) => e.textContent)).toEqual(["You changed the language to Java.", "The API set the problem to Two Sum."]);
  });

  test("a problem set or removed by someone else names them", async () => {
    const control = await joinAs(candidate);
    send(control, { type: "problem_changed", problem: { id: "two-sum", title: "Two Sum" }, by: "i1" });
    await until(() => $(".change-notice-text")?.textContent === "Ada set the problem to Two Sum.", "the notice");
    send(control, { type: "problem_changed", problem: null, by: "i1" });
    await until(() => $(".change-notice-text").textContent === "Ada removed the problem.", "the removal's notice");
    expect(document.querySelectorAll(".change-notice")).toHaveLength(1);
  });
});

describe("the welcome", () => {
  test("shows on the first join with who is here, and Got it keeps it away for this room", async () => {
    await joinAs(candidate, { ...room, problem: { id: "two-sum", title: "Two Sum" } });
    await until(() => document.querySelector("#welcome") !== null, "the welcome");
    expect($("#welcome-title").textContent).toBe("Welcome to Pairing");
    expect($("#welcome-people").textContent).toBe("Here now: you (Candidate), Ada (Interviewer), Observer.");
    await until(() => /all 3 of the problem's tests/.test($("#welcome-submit").textContent ?? ""), "the problem's counts");
    $("#welcome-dismiss").click();
    await until(() => document.querySelector("#welcome") === null, "the welcome to go");
    leave();
    await joinAs(candidate, room, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector("#welcome")).toBeNull();
  });

  test("another room still welcomes", async () => {
    localStorage.setItem("coderoom.welcomed.r2", "2026-01-01T10:00:00Z");
    await joinAs(observer);
    await until(() => document.querySelector("#welcome") !== null, "the welcome");
    expect(document.querySelector("#welcome-run")).toBeNull();
  });
});

describe("switching the language of written code", () => {
  test("untouched (empty) code switches at once", async () => {
    const control = await joinAs(interviewer);
    const select = $("#language-select") as HTMLSelectElement;
    select.value = "go";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await until(() => control.received.length === 1, "the change");
    expect(control.received).toEqual([{ v: 1, type: "set_language", language: "go" }]);
    expect(document.querySelector("#language-dialog")).toBeNull();
  });

  test("a language's starter code switches at once, even when the starter codes are known only after the pick", async () => {
    let answer: (reply: { json: unknown }) => void = () => undefined;
    server.reply("/api/languages", () => new Promise((resolve) => (answer = resolve)));
    const control = await joinAs(interviewer);
    await serverSetsCode("print('the template')\n");
    const select = $("#language-select") as HTMLSelectElement;
    select.value = "go";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(control.received).toEqual([]);
    answer({ json: { languages: [{ id: "python", template: "print('the template')\n" }] } });
    await until(() => control.received.length === 1, "the change");
    expect(control.received).toEqual([{ v: 1, type: "set_language", language: "go" }]);
    expect(document.querySelector("#language-dialog")).toBeNull();
  });

  test("written code asks first; Cancel keeps the language, the switch sends it", async () => {
    const control = await joinAs(interviewer);
    await serverSetsCode("print('mine')\n");
    const select = $("#language-select") as HTMLSelectElement;
    select.value = "go";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await until(() => document.querySelector<HTMLDialogElement>("#language-dialog")?.open === true, "the question");
    expect($("#language-dialog-title").textContent).toBe("Switch the language to Go?");
    expect($("#language-dialog").textContent).toMatch(/it will be run as the new language and may no longer compile/);
    [...$("#language-dialog").querySelectorAll("button")].find((b) => b.textContent === "Cancel")!.click();
    await until(() => document.querySelector("#language-dialog") === null, "the dialog to close");
    expect(control.received).toEqual([]);
    expect(select.value).toBe("python");
    select.value = "go";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await until(() => document.querySelector("#language-dialog-confirm") !== null, "the question again");
    expect($("#language-dialog-confirm").textContent).toBe("Switch to Go");
    $("#language-dialog-confirm").click();
    await until(() => control.received.length === 1, "the change");
    expect(control.received).toEqual([{ v: 1, type: "set_language", language: "go" }]);
    await until(() => document.querySelector("#language-dialog") === null, "the dialog to close");
  });
});

describe("a program that reads stdin", () => {
  test("gets a hint pointing at the Input tab, which goes when the code no longer reads", async () => {
    await joinAs(candidate);
    expect(document.querySelector("#stdin-hint")).toBeNull();
    await serverSetsCode("n = int(input())\nprint(n * 2)\n");
    await until(() => document.querySelector("#stdin-hint") !== null, "the hint");
    expect($("#stdin-hint").textContent).toBe("This program reads its input (stdin): the next Run gives it what is in the Input tab (empty now).");
    $("#stdin-hint button").click();
    await until(() => $("#tab-stdin").getAttribute("aria-selected") === "true", "the Input tab");
    expect(document.querySelector("#stdin-hint")).toBeNull();
    $("#tab-output").click();
    await until(() => document.querySelector("#stdin-hint") !== null, "the hint again");
    await serverSetsCode("print(21 * 2)\n");
    await until(() => document.querySelector("#stdin-hint") === null, "the hint to go");
  });

  test("an observer gets no hint", async () => {
    await joinAs(observer);
    await serverSetsCode("import sys\ndata = sys.stdin.read()\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector("#stdin-hint")).toBeNull();
  });
});
