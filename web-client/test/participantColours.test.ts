import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { Participant } from "../src/room/control";
import { ParticipantChips } from "../src/room/ParticipantChips";
import { ParticipantList } from "../src/room/participants";
import RoomPage from "../src/room/RoomPage";
import { FixtureServer, until } from "./support/fixtureServer";

// Each participant's chip carries their colour (the server's palette index), the colour of their cursors.
let app: HTMLElement;
const dotClasses = (root: ParentNode) =>
  Object.fromEntries([...root.querySelectorAll<HTMLElement>(".participant")].map((e) => [e.dataset.id, [...e.querySelector(".dot")!.classList].filter((c) => c.startsWith("peer-"))]));

beforeEach(() => {
  app = document.createElement("div");
  document.body.replaceChildren(app);
});

describe("participant colours", () => {
  afterEach(() => act(() => render(null, app)));
  test("a chip's dot has the class of the participant's colour, and none without one", () => {
    const list = new ParticipantList();
    const you: Participant = { id: "i1", role: "interviewer", name: "Ada", color: 0, joinedAt: "" };
    list.reset(you, [you, { id: "c1", role: "candidate", name: "candidate", color: 3, joinedAt: "" }, { id: "o1", role: "observer", name: "observer", joinedAt: "" }]);
    act(() => render(h(ParticipantChips, { participants: list, canRemove: false, onRemove: () => undefined }), app));
    expect(dotClasses(app)).toEqual({ i1: ["peer-0"], c1: ["peer-3"], o1: [] });
    act(() => list.joined({ id: "c2", role: "candidate", name: "Grace", color: 7, joinedAt: "" }));
    expect(dotClasses(app).c2).toEqual(["peer-7"]);
    list.dispose();
  });
});

describe("participant colours on the room page", () => {
  let server: FixtureServer;
  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    server = await FixtureServer.startRoom();
  });
  afterEach(async () => {
    render(null, app);
    await server.close();
  });
  test("the welcome's and a newcomer's colours show on their chips", async () => {
    render(h(RoomPage, { id: "r1" }), app);
    const control = await server.socket("/control");
    const ada = { id: "i1", role: "interviewer", name: "Ada", color: 2, joinedAt: "2026-01-01T10:00:00Z" };
    control.socket.send(JSON.stringify({ type: "welcome", you: ada, room: { id: "r1", title: "Pairing", language: "python", candidateLocked: false, problem: null }, participants: [ada, { id: "c1", role: "candidate", name: "Candidate", color: 5, joinedAt: "2026-01-01T10:00:01Z" }] }));
    await until(() => document.querySelectorAll("#participants .participant").length === 2, "the chips");
    expect(dotClasses(document)).toEqual({ i1: ["peer-2"], c1: ["peer-5"] });
    control.socket.send(JSON.stringify({ type: "participant_joined", participant: { id: "o1", role: "observer", name: "Observer", color: 0, joinedAt: "2026-01-01T10:00:02Z" } }));
    await until(() => document.querySelectorAll("#participants .participant").length === 3, "the newcomer");
    expect(dotClasses(document).o1).toEqual(["peer-0"]);
  });
});
