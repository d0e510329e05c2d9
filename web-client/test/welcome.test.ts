import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ProblemListing } from "../src/api";
import type { Participant } from "../src/room/control";
import { ParticipantList } from "../src/room/participants";
import { rememberWelcomed, welcomed } from "../src/room/welcome";
import { Welcome } from "../src/room/Welcome";

// The welcome on a first join: remembered per room in this browser, and what it tells each role.
const interviewer: Participant = { id: "i1", role: "interviewer", name: "Ada", joinedAt: "" };
const candidate: Participant = { id: "c1", role: "candidate", name: "Candidate", joinedAt: "" };
const observer: Participant = { id: "o1", role: "observer", name: "Observer", joinedAt: "" };
const twoSum: ProblemListing = { id: "two-sum", title: "Two Sum", statement: "", examples: [{ input: [[2, 7], 9], expected: [0, 1] }], hiddenTests: 2 };

let app: HTMLElement;
let participants: ParticipantList;
let dismissed: number;
const $ = (selector: string) => app.querySelector<HTMLElement>(selector);

function showWelcome(you: Participant, hasProblem: boolean): void {
  act(() =>
    render(
      h(Welcome, { roomId: "r1", title: "Pairing", you, participants, hasProblem, listing: hasProblem ? twoSum : undefined, onDismiss: () => dismissed++ }),
      app,
    ),
  );
}

beforeEach(() => {
  localStorage.clear();
  dismissed = 0;
  participants = new ParticipantList();
  app = document.createElement("div");
  document.body.replaceChildren(app);
});
afterEach(() => {
  act(() => render(null, app));
  participants.dispose();
});

describe("welcomed", () => {
  test("is remembered per room", () => {
    expect(welcomed("r1")).toBe(false);
    rememberWelcomed("r1");
    expect(welcomed("r1")).toBe(true);
    expect(welcomed("r2")).toBe(false);
    expect(Number.isNaN(Date.parse(localStorage.getItem("coderoom.welcomed.r1")!))).toBe(false);
  });

  test("storage that refuses means the welcome shows again, without an error", () => {
    const refuse = () => {
      throw new DOMException("denied", "SecurityError");
    };
    vi.stubGlobal("localStorage", { getItem: refuse, setItem: refuse, removeItem: refuse, clear: refuse, key: refuse, length: 0 });
    expect(() => rememberWelcomed("r1")).not.toThrow();
    expect(welcomed("r1")).toBe(false);
  });
});

describe("the Welcome view", () => {
  test("names the room and who is here now, you first, and not who has gone", () => {
    participants.reset(candidate, [interviewer, candidate, observer, { ...observer, id: "o2" }]);
    participants.left("o2");
    showWelcome(candidate, false);
    expect($("#welcome-title")!.textContent).toBe("Welcome to Pairing");
    expect($("#welcome")!.getAttribute("aria-labelledby")).toBe("welcome-title");
    expect($("#welcome-people")!.textContent).toBe("Here now: you (Candidate), Ada (Interviewer), Observer.");
    act(() => participants.joined({ id: "c9", role: "candidate", name: "Grace", joinedAt: "" }));
    expect($("#welcome-people")!.textContent).toBe("Here now: you (Candidate), Ada (Interviewer), Observer, Grace (Candidate).");
  });

  test("tells a candidate what Run and Submit do and how the keyboard leaves the editor", () => {
    participants.reset(candidate, [interviewer, candidate]);
    showWelcome(candidate, true);
    expect($(".welcome-points")!.hidden).toBe(false);
    expect($("#welcome-run")!.textContent).toMatch(/^▶ Run \(Ctrl\/Cmd\+Enter\): Runs your program .* Run examples does\.$/);
    expect($("#welcome-examples")!.textContent).toBe(
      "Run examples: Calls your function with the problem's 1 example (the public tests) and shows everyone the results in full. Hidden tests run only on Submit.",
    );
    expect($("#welcome-submit")!.textContent).toMatch(/^Submit: Runs all 3 of the problem's tests: the 1 example shown and 2 hidden tests\. .*the ones shown\.$/);
    expect($("#welcome-keys")!.textContent).toMatch(/press Esc, then Tab/);
  });

  test("without a problem there is nothing about Submit", () => {
    participants.reset(interviewer, [interviewer]);
    showWelcome(interviewer, false);
    expect($("#welcome-run")!.textContent).not.toMatch(/Submit/);
    expect($("#welcome-submit")).toBeNull();
    expect($("#welcome-keys")).not.toBeNull();
  });

  test("an observer hears only that the others can submit, or nothing at all without a problem", () => {
    participants.reset(observer, [interviewer, candidate, observer]);
    showWelcome(observer, true);
    expect($("#welcome-run")).toBeNull();
    expect($("#welcome-keys")).toBeNull();
    expect($("#welcome-submit")!.textContent).toMatch(/ Only the interviewer and the candidate can submit\.$/);
    showWelcome(observer, false);
    expect($(".welcome-points")!.hidden).toBe(true);
    expect($(".welcome-points")!.children).toHaveLength(0);
  });

  test("Got it dismisses it for good in this room and puts the keyboard in the editor", () => {
    const editor = document.createElement("section");
    editor.id = "editor";
    editor.innerHTML = `<div class="cm-content" tabindex="0"></div>`;
    document.body.append(editor);
    participants.reset(candidate, [candidate]);
    showWelcome(candidate, false);
    act(() => $("#welcome-dismiss")!.click());
    expect(dismissed).toBe(1);
    expect(welcomed("r1")).toBe(true);
    expect(welcomed("r2")).toBe(false);
    expect(document.activeElement).toBe(editor.querySelector(".cm-content"));
  });

  test("Escape inside it dismisses it too; other keys do not", () => {
    participants.reset(candidate, [candidate]);
    showWelcome(candidate, false);
    const key = (k: string) => {
      const event = new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true });
      act(() => void $("#welcome-dismiss")!.dispatchEvent(event));
      return event;
    };
    expect(key("Enter").defaultPrevented).toBe(false);
    expect(dismissed).toBe(0);
    expect(welcomed("r1")).toBe(false);
    expect(key("Escape").defaultPrevented).toBe(true);
    expect(dismissed).toBe(1);
    expect(welcomed("r1")).toBe(true);
  });
});
