import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Participant } from "../src/room/control";
import { ParticipantList } from "../src/room/participants";

const interviewer: Participant = { id: "i1", role: "interviewer", name: "Ada", joinedAt: "" };
const candidate: Participant = { id: "c1", role: "candidate", name: "candidate", joinedAt: "" };
const observer: Participant = { id: "o1", role: "observer", name: "observer", joinedAt: "" };

let kicked: Participant[];
let list: ParticipantList;
const entries = () => [...list.element.querySelectorAll<HTMLElement>(".participant")].map((e) => `${e.dataset.id}${e.classList.contains("offline") ? " (offline)" : ""}`);

beforeEach(() => {
  vi.useFakeTimers();
  kicked = [];
  list = new ParticipantList((p) => kicked.push(p));
});
afterEach(() => vi.useRealTimers());

describe("ParticipantList", () => {
  test("lists you first, marked, and shows a name only where it is not just the role", () => {
    list.reset(observer, [interviewer, candidate, observer]);
    expect(entries()).toEqual(["o1", "i1", "c1"]);
    const [you, ada, cand] = list.element.querySelectorAll<HTMLElement>(".participant");
    expect(you.querySelector(".you")?.textContent).toBe("you");
    expect(ada.querySelector(".name")?.textContent).toBe("Ada");
    expect(cand.querySelector(".name")).toBeNull();
    expect(cand.querySelector(".role-badge")?.textContent).toBe("Candidate");
    expect(cand.title).toBe("candidate (Candidate): connected");
  });

  test("only interviewers get remove buttons, for the others, and a remove asks first", () => {
    list.reset(candidate, [interviewer, candidate]);
    expect(list.element.querySelectorAll(".kick")).toHaveLength(0);
    list.reset(interviewer, [interviewer, candidate, observer]);
    const buttons = list.element.querySelectorAll<HTMLButtonElement>(".kick");
    expect([...buttons].map((b) => b.closest<HTMLElement>(".participant")!.dataset.id)).toEqual(["c1", "o1"]);
    const answers = [false, true];
    vi.stubGlobal("confirm", vi.fn(() => answers.shift()));
    buttons[0].click();
    expect(kicked).toEqual([]);
    buttons[0].click();
    expect(kicked).toEqual([candidate]);
  });

  test("someone who left stays listed, offline and without a remove button, for 30 s", () => {
    list.reset(interviewer, [interviewer, candidate]);
    list.left("c1");
    expect(entries()).toEqual(["i1", "c1 (offline)"]);
    expect(list.element.querySelectorAll(".kick")).toHaveLength(0);
    vi.advanceTimersByTime(29_999);
    expect(entries()).toEqual(["i1", "c1 (offline)"]);
    vi.advanceTimersByTime(1);
    expect(entries()).toEqual(["i1"]);
  });

  test("coming back replaces what was left of the last time", () => {
    list.reset(interviewer, [interviewer, candidate]);
    list.left("c1");
    list.joined({ ...candidate, id: "c2" });
    expect(entries()).toEqual(["i1", "c2"]);
    vi.advanceTimersByTime(30_000);
    expect(entries()).toEqual(["i1", "c2"]);
  });

  test("leaving twice or as a stranger changes nothing", () => {
    list.reset(interviewer, [interviewer, candidate]);
    list.left("nobody");
    list.left("c1");
    list.left("c1");
    expect(entries()).toEqual(["i1", "c1 (offline)"]);
  });

  test("names by id, for run and event lines", () => {
    list.reset(interviewer, [interviewer]);
    expect(list.nameOf("i1")).toBe("Ada");
    expect(list.nameOf("gone")).toBe("someone");
    expect(list.nameOf(undefined)).toBe("the API");
  });
});
