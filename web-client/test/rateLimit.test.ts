import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { FALLBACK_WAIT_MS, RateLimit } from "../src/room/rateLimit";

// The run limit's wait, on fake timers and a fake clock: what is shown each second, and when it ends.
let overs: number;
let limit: RateLimit;
const secondsLeft = () => limit.store.value.secondsLeft;

beforeEach(() => {
  vi.useFakeTimers();
  overs = 0;
  limit = new RateLimit(() => overs++);
});
afterEach(() => {
  limit.dispose();
  vi.useRealTimers();
});

describe("RateLimit", () => {
  test("nothing to wait for until a refusal", () => {
    expect(secondsLeft()).toBe(0);
    expect(limit.waiting).toBe(false);
  });

  test("counts down the server's retryAfterMs second by second, then says it is over once", () => {
    limit.refused(3_000);
    expect(secondsLeft()).toBe(3);
    expect(limit.waiting).toBe(true);
    vi.advanceTimersByTime(999);
    expect(secondsLeft()).toBe(3);
    vi.advanceTimersByTime(1);
    expect(secondsLeft()).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(secondsLeft()).toBe(1);
    expect(overs).toBe(0);
    vi.advanceTimersByTime(999);
    expect(limit.waiting).toBe(true);
    vi.advanceTimersByTime(1);
    expect(secondsLeft()).toBe(0);
    expect(limit.waiting).toBe(false);
    expect(overs).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(overs).toBe(1);
  });

  test("a wait of part of a second shows whole seconds rounded up, and the number changes when the seconds left do", () => {
    limit.refused(2_500);
    expect(secondsLeft()).toBe(3);
    vi.advanceTimersByTime(499);
    expect(secondsLeft()).toBe(3);
    vi.advanceTimersByTime(1);
    expect(secondsLeft()).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(secondsLeft()).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(secondsLeft()).toBe(0);
    expect(overs).toBe(1);
  });

  test("any part of a second left shows as a whole second, never as none", () => {
    limit.refused(1_400);
    expect(secondsLeft()).toBe(2);
    vi.advanceTimersByTime(1_399);
    expect(secondsLeft()).toBe(1);
    expect(limit.waiting).toBe(true);
    vi.advanceTimersByTime(1);
    expect(limit.waiting).toBe(false);
  });

  test.each([undefined, null, "3000", Number.NaN, Number.POSITIVE_INFINITY, 0, -1_000])("without a usable retryAfterMs (%s) it waits the fallback", (retryAfterMs) => {
    limit.refused(retryAfterMs);
    expect(secondsLeft()).toBe(FALLBACK_WAIT_MS / 1000);
    vi.advanceTimersByTime(FALLBACK_WAIT_MS - 1);
    expect(overs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(overs).toBe(1);
  });

  test("the fallback is a few seconds", () => {
    expect(FALLBACK_WAIT_MS).toBe(5_000);
  });

  test("a wait longer than the limit's minute is cut to a minute", () => {
    limit.refused(10 * 60_000);
    expect(secondsLeft()).toBe(60);
    vi.advanceTimersByTime(60_000);
    expect(secondsLeft()).toBe(0);
    expect(overs).toBe(1);
  });

  test("a later refusal lengthens the wait, a shorter one does not cut it", () => {
    limit.refused(3_000);
    vi.advanceTimersByTime(1_000);
    limit.refused(5_000);
    expect(secondsLeft()).toBe(5);
    vi.advanceTimersByTime(2_000);
    expect(overs).toBe(0);
    limit.refused(1_000);
    expect(secondsLeft()).toBe(3);
    vi.advanceTimersByTime(2_999);
    expect(overs).toBe(0);
    expect(secondsLeft()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(overs).toBe(1);
  });

  test("a refusal after the wait was over starts a new one", () => {
    limit.refused(1_000);
    vi.advanceTimersByTime(1_000);
    expect(overs).toBe(1);
    limit.refused(2_000);
    expect(secondsLeft()).toBe(2);
    vi.advanceTimersByTime(2_000);
    expect(overs).toBe(2);
  });

  test("the store is told of each second, for the views", () => {
    const seen: number[] = [];
    limit.store.subscribe((value) => seen.push(value.secondsLeft));
    limit.refused(3_000);
    vi.advanceTimersByTime(3_000);
    expect(seen).toEqual([3, 2, 1, 0]);
  });

  test("once disposed, its timer is gone", () => {
    limit.refused(2_000);
    limit.dispose();
    vi.advanceTimersByTime(5_000);
    expect(overs).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
