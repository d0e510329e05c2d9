import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Participant } from "../src/room/control";
import { ParticipantChips } from "../src/room/ParticipantChips";
import { ParticipantList, type Presence } from "../src/room/participants";

const interviewer: Participant = { id: "i1", role: "interviewer", name: "Ada", joinedAt: "" };
const candidate: Participant = { id: "c1", role: "candidate", name: "candidate", joinedAt: "" };
const observer: Participant = { id: "o1", role: "observer", name: "observer", joinedAt: "" };

let app: HTMLElement;
let removed: Presence[];
let list: ParticipantList;
/** The list as its store has it: ids in order, marked when offline. */
const entries = () => list.store.value.list.map((p) => `${p.id}${p.online ? "" : " (offline)"}`);
/** The same, as the chips show it. */
const chips = () => [...app.querySelectorAll<HTMLElement>(".participant")].map((e) => `${e.dataset.id}${e.classList.contains("offline") ? " (offline)" : ""}`);
const kickButtons = () => [...app.querySelectorAll<HTMLButtonElement>(".kick")];
/** Shows the chips as the room does; only interviewers may remove people. */
const showChips = (canRemove: boolean) => act(() => render(h(ParticipantChips, { participants: list, canRemove, onRemove: (p) => removed.push(p) }), app));

beforeEach(() => {
  vi.useFakeTimers();
  removed = [];
  list = new ParticipantList();
  app = document.createElement("div");
  document.body.replaceChildren(app);
});
afterEach(() => {
  act(() => render(null, app));
  list.dispose();
  vi.useRealTimers();
});

describe("ParticipantList", () => {
  test("lists you first, marked, and shows a name only where it is not just the role", () => {
    list.reset(observer, [interviewer, candidate, observer]);
    expect(entries()).toEqual(["o1", "i1", "c1"]);
    expect(list.store.value.list.map((p) => p.you)).toEqual([true, false, false]);
    showChips(false);
    expect(chips()).toEqual(["o1", "i1", "c1"]);
    const [you, ada, cand] = app.querySelectorAll<HTMLElement>(".participant");
    expect(you.querySelector(".you")?.textContent).toBe("you");
    expect(you.title).toBe("observer (Observer, you): connected");
    expect(ada.querySelector(".you")).toBeNull();
    expect(ada.querySelector(".name")?.textContent).toBe("Ada");
    expect(cand.querySelector(".name")).toBeNull();
    expect(cand.querySelector(".role-badge")?.textContent).toBe("Candidate");
    expect(cand.title).toBe("candidate (Candidate): connected");
  });

  test("remove buttons are for the others than interviewers, and only where the viewer may remove", () => {
    list.reset(candidate, [interviewer, candidate]);
    showChips(false);
    expect(kickButtons()).toHaveLength(0);
    list.reset(interviewer, [interviewer, candidate, observer]);
    showChips(true);
    const buttons = kickButtons();
    expect(buttons.map((b) => b.closest<HTMLElement>(".participant")!.dataset.id)).toEqual(["c1", "o1"]);
    expect(buttons[0].getAttribute("aria-label")).toBe("Remove candidate");
    act(() => buttons[1].click());
    expect(removed.map((p) => p.id)).toEqual(["o1"]);
  });

  test("someone who left stays listed, offline and without a remove button, for 30 s", () => {
    list.reset(interviewer, [interviewer, candidate]);
    showChips(true);
    act(() => list.left("c1"));
    expect(entries()).toEqual(["i1", "c1 (offline)"]);
    expect(chips()).toEqual(["i1", "c1 (offline)"]);
    expect(app.querySelector('[data-id="c1"]')!.textContent).toContain("(disconnected)");
    expect(app.querySelector<HTMLElement>('[data-id="c1"]')!.title).toBe("candidate (Candidate): disconnected");
    expect(kickButtons()).toHaveLength(0);
    act(() => vi.advanceTimersByTime(29_999));
    expect(chips()).toEqual(["i1", "c1 (offline)"]);
    act(() => vi.advanceTimersByTime(1));
    expect(entries()).toEqual(["i1"]);
    expect(chips()).toEqual(["i1"]);
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
    vi.advanceTimersByTime(30_000);
    expect(entries()).toEqual(["i1"]);
  });

  test("a new welcome starts the list over, and no earlier timer drops anyone from it", () => {
    list.reset(interviewer, [interviewer, candidate]);
    list.left("c1");
    list.reset(interviewer, [interviewer, candidate]);
    expect(entries()).toEqual(["i1", "c1"]);
    vi.advanceTimersByTime(30_000);
    expect(entries()).toEqual(["i1", "c1"]);
  });

  test("names by id, for run and event lines", () => {
    list.reset(candidate, [interviewer, candidate]);
    expect(list.nameOf("i1")).toBe("Ada");
    expect(list.nameOf("c1")).toBe("you");
    expect(list.nameOf("gone")).toBe("someone");
    expect(list.nameOf(undefined)).toBe("the API");
  });
});
