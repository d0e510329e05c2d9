import { describe, expect, test } from "vitest";
import { formatClock, readClock, WARNING_MS } from "../src/room/clock";
import type { ClockState } from "../src/room/protocol";
import { ServerClock } from "../src/room/serverClock";

const MINUTE = 60_000;
const running = (durationMs: number, elapsedMs: number, at: number): ClockState => ({ status: "running", durationMs, elapsedMs, at });

describe("readClock", () => {
  test("counts down from the server's state by the server's time, not by when the page joined", () => {
    const state = running(45 * MINUTE, 10 * MINUTE, 1_000_000);
    expect(readClock(state, 1_000_000).text).toBe("35:00");
    expect(readClock(state, 1_000_000 + 61_000).text).toBe("33:59");
    expect(readClock(state, 1_000_000 + 61_000).phase).toBe("running");
  });

  test("warns everyone from five minutes left and at zero, then counts overtime", () => {
    const state = running(30 * MINUTE, 0, 0);
    expect(readClock(state, 30 * MINUTE - WARNING_MS - 1000).warning).toBeNull();
    const five = readClock(state, 30 * MINUTE - WARNING_MS);
    expect([five.phase, five.text, five.warning]).toEqual(["warning", "05:00", "5 minutes left."]);
    const zero = readClock(state, 30 * MINUTE);
    expect([zero.phase, zero.text, zero.warning]).toEqual(["overtime", "00:00", "Time is up."]);
    expect(readClock(state, 30 * MINUTE + 3 * MINUTE + 10_000).text).toBe("+03:10");
  });

  test("a paused clock stands still and keeps its warning; a stopped one gives none", () => {
    const paused: ClockState = { status: "paused", durationMs: 10 * MINUTE, elapsedMs: 7 * MINUTE, at: 0 };
    expect(readClock(paused, 50 * MINUTE)).toMatchObject({ phase: "paused", text: "03:00", warning: "5 minutes left." });
    const stopped: ClockState = { ...paused, status: "stopped" };
    expect(readClock(stopped, 50 * MINUTE)).toMatchObject({ phase: "stopped", warning: null });
    expect(readClock({ status: "idle", durationMs: 0, elapsedMs: 0, at: 0 }, 5).text).toBe("--:--");
  });

  test("formats hours, and rounds the seconds left up", () => {
    expect(formatClock(2 * 3600_000 + 61_000)).toBe("2:01:01");
    expect(formatClock(500)).toBe("00:01");
    expect(formatClock(-500)).toBe("00:00");
  });
});

describe("ServerClock", () => {
  test("takes the server's time halfway through the round trip, keeping the shortest", () => {
    const clock = new ServerClock();
    // The page's clock is 10 s behind the server's; a 200 ms round trip.
    clock.sample(1_000_010_000, 100, 300, 1_000_000_100);
    expect(clock.offsetMs).toBe(10_000);
    // A slower round trip is less exact and does not replace it.
    clock.sample(1_000_020_000, 400, 2400, 1_000_002_400);
    expect(clock.offsetMs).toBe(10_000);
    expect(clock.now(5)).toBe(10_005);
  });

  test("a welcome gives a first estimate, which the first pong replaces", () => {
    const clock = new ServerClock();
    clock.sample(2_000, 50, 50, 1_000);
    expect(clock.offsetMs).toBe(1_000);
    clock.sample(3_030, 100, 160, 2_000);
    expect(clock.offsetMs).toBe(1_060);
  });
});
