import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type Connection, type ControlEvent, ControlSocket } from "../src/room/control";
import { FixtureServer, until } from "./support/fixtureServer";

let server: FixtureServer;
let control: ControlSocket | undefined;
let events: ControlEvent[];
let states: Connection[];
let fatal: [number, string][];

beforeEach(async () => {
  server = await FixtureServer.start("/rooms/r1");
  events = [];
  states = [];
  fatal = [];
});
afterEach(async () => {
  control?.close();
  control = undefined;
  await server.close();
});

function connect(): ControlSocket {
  control = new ControlSocket(`${server.origin.replace(/^http/, "ws")}/rooms/r1/control`, {
    event: (event) => events.push(event),
    connection: (state) => states.push(state),
    fatal: (code, reason) => fatal.push([code, reason]),
  });
  return control;
}

describe("ControlSocket", () => {
  test("reports connecting, then connected, and hands on each event with a type", async () => {
    connect();
    expect(states).toEqual(["connecting"]);
    const { socket } = await server.socket("/control");
    await until(() => states.includes("connected"), "connected");
    socket.send("not json");
    socket.send(JSON.stringify({ no: "type" }));
    socket.send(JSON.stringify({ type: 7 }));
    socket.send(Buffer.from(JSON.stringify({ type: "binary" })));
    // The marker: sent after the ones the page must drop, on the same socket.
    socket.send(JSON.stringify({ type: "lock_changed", locked: true }));
    await until(() => events.length > 0, "the marker event");
    expect(events).toEqual([{ type: "lock_changed", locked: true }]);
    expect(states).toEqual(["connecting", "connected"]);
  });

  test("times the server over a round trip as soon as the welcome comes, not only by the welcome", async () => {
    const socket = connect();
    const seen = await server.socket("/control");
    await until(() => states.includes("connected"), "connected");
    expect(seen.pings).toBe(0);
    // A welcome read a minute late would put this page's clock a minute off; the pong sets it right.
    seen.socket.send(JSON.stringify({ type: "welcome", serverTime: Date.now() - 60_000 }));
    await until(() => seen.pings === 1, "a ping");
    await until(() => events.some((e) => e.type === "pong"), "the pong");
    expect(Math.abs(socket.serverClock.offsetMs)).toBeLessThan(1_000);
  });

  test("sends commands as versioned JSON once open, and refuses them before", async () => {
    const socket = connect();
    expect(socket.send({ type: "run" })).toBe(false);
    const seen = await server.socket("/control");
    await until(() => states.includes("connected"), "connected");
    expect(socket.send({ type: "set_lock", locked: true })).toBe(true);
    await until(() => seen.received.length > 0, "the command");
    expect(seen.received).toEqual([{ v: 1, type: "set_lock", locked: true }]);
  });

  test.each([
    [4401, "token_expired: The link has expired."],
    [4403, "kicked: The interviewer removed you from the room."],
    [4404, "room_not_found"],
    [4410, "room_ended"],
  ])("a close with %i is fatal, with its reason, and never retried", async (code, reason) => {
    connect();
    const { socket } = await server.socket("/control");
    await until(() => states.includes("connected"), "connected");
    socket.close(code, reason);
    await until(() => fatal.length > 0, "the fatal close");
    expect(fatal).toEqual([[code, reason]]);
    // Coming back online retries at once any socket that may retry (it calls connection() before
    // it opens one): this one must not.
    window.dispatchEvent(new Event("online"));
    expect(states).toEqual(["connecting", "connected"]);
  });

  test("any other close reconnects, and events flow on the new socket", async () => {
    connect();
    const first = await server.socket("/control");
    await until(() => states.includes("connected"), "connected");
    first.socket.close(1011, "internal");
    await until(() => states.length === 3, "reconnecting");
    expect(states).toEqual(["connecting", "connected", "reconnecting"]);
    // Online again: no need to wait out the backoff.
    window.dispatchEvent(new Event("online"));
    const second = await server.socket("/control", 1);
    await until(() => states.at(-1) === "connected", "connected again");
    expect(states).toEqual(["connecting", "connected", "reconnecting", "reconnecting", "connected"]);
    second.socket.send(JSON.stringify({ type: "welcome" }));
    await until(() => events.length > 0, "the event on the new socket");
    expect(events).toEqual([{ type: "welcome" }]);
    expect(fatal).toEqual([]);
  });

  test("closing it from the page closes the socket normally and stops reconnecting", async () => {
    const socket = connect();
    const seen = await server.socket("/control");
    await until(() => states.includes("connected"), "connected");
    socket.close();
    expect(await seen.closed).toBe(1000);
    window.dispatchEvent(new Event("online"));
    expect(states).toEqual(["connecting", "connected"]);
  });
});
