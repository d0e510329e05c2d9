import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { ChangeNotices as NoticesView } from "../src/room/ChangeNotices";
import { ChangeNotices, NOTICE_MS } from "../src/room/notices";

// The room's change notices: one per subject, gone by themselves, and their view.
let notices: ChangeNotices;
let app: HTMLElement;
const texts = () => notices.store.value.notices.map((n) => `${n.subject}: ${n.text}`);
const shown = () => [...app.querySelectorAll<HTMLElement>(".change-notice")].map((p) => `${p.dataset.subject}: ${p.querySelector(".change-notice-text")!.textContent}`);

beforeEach(() => {
  vi.useFakeTimers();
  notices = new ChangeNotices();
  app = document.createElement("div");
  document.body.replaceChildren(app);
});
afterEach(() => {
  act(() => render(null, app));
  notices.dispose();
  vi.useRealTimers();
});

describe("ChangeNotices", () => {
  test("a notice stays for a while, long enough to read twice, then goes by itself", () => {
    notices.show("language", "Ada changed the language to Go.");
    expect(texts()).toEqual(["language: Ada changed the language to Go."]);
    expect(NOTICE_MS).toBe(8_000);
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(texts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual([]);
  });

  test("one notice per subject: a newer one replaces the older, and lasts its own full time", () => {
    notices.show("language", "Ada changed the language to Go.");
    vi.advanceTimersByTime(5_000);
    notices.show("language", "Ada changed the language to Java.");
    expect(texts()).toEqual(["language: Ada changed the language to Java."]);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(NOTICE_MS - 5_000);
    // The replaced notice's timer is gone: it does not take the newer one with it.
    expect(texts()).toEqual(["language: Ada changed the language to Java."]);
    vi.advanceTimersByTime(5_000);
    expect(texts()).toEqual([]);
  });

  test("notices about different subjects stand side by side, each with its own time", () => {
    notices.show("language", "You changed the language to C++.");
    vi.advanceTimersByTime(3_000);
    notices.show("problem", "Ada set the problem to Two Sum.");
    expect(texts()).toEqual(["language: You changed the language to C++.", "problem: Ada set the problem to Two Sum."]);
    const ids = notices.store.value.notices.map((n) => n.id);
    expect(new Set(ids).size).toBe(2);
    vi.advanceTimersByTime(NOTICE_MS - 3_000);
    expect(texts()).toEqual(["problem: Ada set the problem to Two Sum."]);
    vi.advanceTimersByTime(3_000);
    expect(texts()).toEqual([]);
  });

  test("a dismissed notice goes at once, and its timer with it", () => {
    notices.show("problem", "Ada removed the problem.");
    notices.show("language", "Ada changed the language to Go.");
    notices.dismiss(notices.store.value.notices[0].id);
    expect(texts()).toEqual(["language: Ada changed the language to Go."]);
    expect(vi.getTimerCount()).toBe(1);
  });

  test("once disposed, no timer is left", () => {
    notices.show("problem", "Ada removed the problem.");
    notices.show("language", "Ada changed the language to Go.");
    notices.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("the ChangeNotices view", () => {
  test("is a status region always in the page, showing each notice with a button that dismisses it", () => {
    act(() => render(h(NoticesView, { notices }), app));
    const region = app.querySelector<HTMLElement>("#change-notices")!;
    expect(region.getAttribute("role")).toBe("status");
    expect(shown()).toEqual([]);
    act(() => {
      notices.show("language", "Ada changed the language to Go.");
      notices.show("problem", "Ada set the problem to Two Sum.");
    });
    expect(shown()).toEqual(["language: Ada changed the language to Go.", "problem: Ada set the problem to Two Sum."]);
    const close = app.querySelectorAll<HTMLButtonElement>(".change-notice-close");
    expect(close[0].getAttribute("aria-label")).toBe("Dismiss this notice");
    act(() => close[0].click());
    expect(shown()).toEqual(["problem: Ada set the problem to Two Sum."]);
    act(() => void vi.advanceTimersByTime(NOTICE_MS));
    expect(shown()).toEqual([]);
    expect(app.querySelector("#change-notices")).toBe(region);
  });
});
