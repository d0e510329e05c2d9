import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { ChatDock } from "../src/room/ChatDock";
import { CHAT_MAX, ChatLog, type ChatMessage } from "../src/room/chat";
import { cleanName, linkClaims, NAME_KEY } from "../src/room/displayName";
import { Hints, type HintsSnapshot } from "../src/room/hints";
import { HintsPanel } from "../src/room/HintsPanel";
import { Joining } from "../src/room/joining";

// Names chosen on joining, the room's chat and the problem's hints: their state classes and views.

/** A token shaped like the server's (header.claims.signature), with these claims. */
function token(claims: Record<string, unknown>): string {
  const part = (json: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(json)))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${part({ alg: "HS256", kid: "k1" })}.${part({ iss: "coderoom", room: "r1", ...claims })}.c2lnbmF0dXJl`;
}

const message = (id: number, channel: ChatMessage["channel"], text: string, by = "c1", name = "Grace"): ChatMessage => ({
  id,
  channel,
  text,
  by,
  name,
  role: by.startsWith("i") ? "interviewer" : "candidate",
  at: "2026-01-01T10:00:00Z",
});

let app: HTMLElement;
beforeEach(() => {
  localStorage.clear();
  app = document.createElement("div");
  document.body.replaceChildren(app);
});
afterEach(() => {
  act(() => render(null, app));
  vi.unstubAllGlobals();
});

describe("the name chosen on joining", () => {
  test("a link's claims are read from its token, non-ASCII names included", () => {
    expect(linkClaims(token({ role: "candidate", name: "Zoë Ångström" }))).toEqual({ role: "candidate", name: "Zoë Ångström" });
    expect(linkClaims(token({ role: "observer" }))).toEqual({ role: "observer", name: null });
    expect(linkClaims("not-a-token")).toEqual({ role: null, name: null });
  });

  test("a typed name is cleaned as the server cleans it", () => {
    expect(cleanName("  Ada \n Lovelace\u202e ")).toBe("Ada Lovelace");
    expect([...cleanName("é".repeat(100))]).toHaveLength(80);
    expect(cleanName("\u200b \t")).toBe("");
  });

  test("an unnamed link asks for a name once; the browser remembers it for the next room", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({}), { status: 200 }));
    const unnamed = token({ role: "observer" });
    const joining = new Joining("r1", unnamed);
    expect(await joining.check()).toEqual({ step: "name", role: "observer", error: "" });
    expect(joining.chooseName("   ")).toEqual({ step: "name", role: "observer", error: "Type the name the others will see." });
    expect(joining.chooseName(" Grace  Hopper ")).toEqual({ step: "ready", token: unnamed });
    expect(localStorage.getItem(NAME_KEY)).toBe("Grace Hopper");
    expect(await new Joining("r2", unnamed).check()).toEqual({ step: "ready", token: unnamed });
  });

  test("a named link is not asked, and a refused link goes to the room's own explanation", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({}), { status: 200 }));
    const named = token({ role: "candidate", name: "Grace" });
    expect(await new Joining("r1", named).check()).toEqual({ step: "ready", token: named });
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: "token_revoked" }), { status: 401 }));
    const unnamed = token({ role: "observer" });
    expect(await new Joining("r1", unnamed).check()).toEqual({ step: "ready", token: unnamed });
  });

  test("the candidate is asked for a name after agreeing to the recording notice", async () => {
    vi.stubGlobal("fetch", async (path: string) =>
      path.endsWith("/consent") ? new Response("{}", { status: 200 }) : new Response(JSON.stringify({ notice: { recorded: true, retentionDays: 30, consentedAt: null } }), { status: 200 }),
    );
    const joining = new Joining("r1", token({ role: "candidate" }));
    expect(await joining.check()).toEqual({ step: "notice", retentionDays: 30 });
    expect(await joining.consent()).toEqual({ step: "name", role: "candidate", error: "" });
  });
});

describe("ChatLog", () => {
  test("keeps the history of the channels it may read, and counts what arrives while closed", () => {
    const chat = new ChatLog();
    chat.welcome({ read: ["everyone"], write: ["everyone"], messages: [message(1, "everyone", "hi"), message(2, "interviewers", "leaked")] });
    expect(chat.shown().map((m) => m.text)).toEqual(["hi"]);
    chat.received(message(3, "interviewers", "also leaked"));
    chat.received(message(4, "everyone", "hello"));
    chat.received(message(4, "everyone", "hello"));
    expect(chat.store.value.messages.map((m) => m.id)).toEqual([1, 4]);
    expect(chat.unreadTotal()).toBe(1);
    chat.setOpen(true);
    expect(chat.unreadTotal()).toBe(0);
    chat.received(message(5, "everyone", "seen at once"));
    expect(chat.unreadTotal()).toBe(0);
    chat.select("interviewers");
    expect(chat.store.value.channel).toBe("everyone");
  });

  test("an interviewer reads both channels; unread counts are per channel", () => {
    const chat = new ChatLog();
    chat.welcome({ read: ["everyone", "interviewers"], write: ["everyone", "interviewers"], messages: [message(1, "interviewers", "strong start", "i2", "Lin")] });
    chat.setOpen(true);
    chat.received(message(2, "interviewers", "agreed", "i2", "Lin"));
    expect(chat.store.value.unread).toEqual({ everyone: 0, interviewers: 1 });
    chat.select("interviewers");
    expect(chat.shown().map((m) => m.text)).toEqual(["strong start", "agreed"]);
    expect(chat.store.value.unread).toEqual({ everyone: 0, interviewers: 0 });
  });

  test("a welcome after a reconnect adds what was missed, as unread", () => {
    const chat = new ChatLog();
    chat.welcome({ read: ["everyone"], write: ["everyone"], messages: [message(1, "everyone", "one")] });
    chat.welcome({ read: ["everyone"], write: ["everyone"], messages: [message(1, "everyone", "one"), message(2, "everyone", "two")] });
    expect(chat.shown().map((m) => m.id)).toEqual([1, 2]);
    expect(chat.unreadTotal()).toBe(1);
  });

  test("a draft is checked as the server checks it", () => {
    const chat = new ChatLog();
    chat.welcome({ read: ["everyone"], write: [], messages: [] });
    expect(chat.draft("hi")).toEqual({ ok: false, error: "You can read this chat but not write in it." });
    chat.welcome({ read: ["everyone"], write: ["everyone"], messages: [] });
    expect(chat.draft("  \n ")).toEqual({ ok: false, error: "Type a message first." });
    expect(chat.draft("😀".repeat(CHAT_MAX))).toEqual({ ok: true, command: { type: "chat_send", channel: "everyone", text: "😀".repeat(CHAT_MAX) } });
    expect(chat.draft("x".repeat(CHAT_MAX + 1))).toEqual({ ok: false, error: `A message has at most ${CHAT_MAX} characters; this one has ${CHAT_MAX + 1}.` });
    expect(chat.store.value.error).toMatch(/at most/);
    chat.refused("Slow down: wait 2 s.");
    expect(chat.store.value.error).toBe("Slow down: wait 2 s.");
  });

  test("the view shows markup and links as text, and sends with Enter", () => {
    const chat = new ChatLog();
    const sent: Record<string, unknown>[] = [];
    chat.welcome({ read: ["everyone"], write: ["everyone"], messages: [message(1, "everyone", '<img src=x onerror="alert(1)"> see https://example.org/x')] });
    chat.setOpen(true);
    act(() => render(h(ChatDock, { chat, youId: "c1", onSend: (c) => sent.push(c) }), app));
    const text = app.querySelector(".chat-text")!;
    expect(text.textContent).toBe('<img src=x onerror="alert(1)"> see https://example.org/x');
    expect(app.querySelectorAll("img, .chat-messages a")).toHaveLength(0);
    expect(app.querySelector(".chat-message")!.classList.contains("mine")).toBe(true);
    const input = app.querySelector<HTMLTextAreaElement>("#chat-input")!;
    act(() => {
      input.value = "ready when you are";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    act(() => void input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })));
    expect(sent).toEqual([{ type: "chat_send", channel: "everyone", text: "ready when you are" }]);
    expect(input.value).toBe("");
  });

  test("the closed view shows the unread count, and a reader who may not write gets no form", () => {
    const chat = new ChatLog();
    chat.welcome({ read: ["everyone"], write: [], messages: [] });
    act(() => render(h(ChatDock, { chat, youId: "o1", onSend: () => undefined }), app));
    act(() => chat.received(message(1, "everyone", "hi")));
    expect(app.querySelector("#chat-panel")!.hasAttribute("hidden")).toBe(true);
    expect(app.querySelector(".chat-unread")!.textContent).toBe("1");
    act(() => app.querySelector<HTMLButtonElement>("#chat-toggle")!.click());
    expect(app.querySelector("#chat-input")).toBeNull();
    expect(app.querySelector(".chat-readonly")!.textContent).toMatch(/not write/);
    expect(app.querySelector(".chat-unread")).toBeNull();
  });
});

describe("Hints", () => {
  const snapshot: HintsSnapshot = { problemId: "two-sum", total: 3, revealed: [], next: "Think of a map." };

  test("counts the hints used and names the next one to reveal", () => {
    const hints = new Hints();
    hints.snapshot(snapshot);
    expect(hints.usage()).toBe("0 of 3 hints used");
    expect(hints.revealCommand()).toEqual({ type: "reveal_hint", index: 0 });
    const first = { index: 0, text: "Think of a map.", at: "2026-01-01T10:00:00Z", name: "Ada" };
    hints.revealed({ problemId: "two-sum", hint: first, total: 3, by: "i1", next: "Store complements." });
    hints.revealed({ problemId: "two-sum", hint: first, total: 3, by: "i1" });
    hints.revealed({ problemId: "other", hint: { ...first, index: 1, text: "Not this room's problem." }, total: 3, by: "i1" });
    expect(hints.revealNotice({ problemId: "two-sum", hint: first, total: 3, by: "i1" })).toBe("Ada revealed hint 1 of 3.");
    expect(hints.store.value.revealed.map((h) => h.text)).toEqual(["Think of a map."]);
    expect(hints.store.value.next).toBe("Store complements.");
    expect(hints.usage()).toBe("1 of 3 hints used");
    expect(hints.revealCommand()).toEqual({ type: "reveal_hint", index: 1 });
    hints.snapshot({ problemId: "two-sum", total: 1, revealed: [{ index: 0, text: "x", at: "", name: "Ada" }] });
    expect(hints.usage()).toBe("1 of 1 hint used");
    expect(hints.revealCommand()).toBeNull();
  });

  test("the candidate's view shows revealed hints only; the interviewer's shows the next one and reveals it", () => {
    const hints = new Hints();
    hints.snapshot({ problemId: "two-sum", total: 3, revealed: [{ index: 0, text: "Think of a map.", at: "2026-01-01T10:00:00Z", name: "Ada" }] });
    act(() => render(h(HintsPanel, { hints, interviewer: false, onReveal: () => undefined }), app));
    expect([...app.querySelectorAll(".hint .hint-text")].map((e) => e.textContent)).toEqual(["Think of a map."]);
    expect(app.querySelector("#hints-used")!.textContent).toBe("1 of 3 hints used");
    expect(app.querySelector("#reveal-hint")).toBeNull();

    const asked: Record<string, unknown>[] = [];
    hints.snapshot({ ...snapshot, revealed: hints.store.value.revealed, next: "Store complements." });
    act(() => render(h(HintsPanel, { hints, interviewer: true, onReveal: (c) => asked.push(c) }), app));
    expect(app.querySelector("#hint-next .hint-text")!.textContent).toBe("Store complements.");
    act(() => app.querySelector<HTMLButtonElement>("#reveal-hint")!.click());
    expect(asked).toEqual([{ type: "reveal_hint", index: 1 }]);
  });

  test("a problem without hints shows nothing", () => {
    const hints = new Hints();
    hints.snapshot({ problemId: "p", total: 0, revealed: [] });
    act(() => render(h(HintsPanel, { hints, interviewer: true, onReveal: () => undefined }), app));
    expect(app.querySelector("#hints")).toBeNull();
  });
});
