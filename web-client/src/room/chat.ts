import { Store } from "../app/store";

import type { ChatChannel, ChatEntry, ChatWelcome, SendChat } from "./protocol";

export type { ChatChannel, ChatWelcome };

/** The longest message the server takes, in characters (code points). */
export const CHAT_MAX = 2000;

/** How many messages a page keeps; older ones are in the room's history (playback, the report). */
const KEPT = 1000;

/** One chat message as the control socket sends it (`chat_message`'s `message`, and `welcome.chat.messages`). */
export type ChatMessage = ChatEntry;

export interface ChatState {
  messages: ChatMessage[];
  read: ChatChannel[];
  write: ChatChannel[];
  /** The channel shown and written to. */
  channel: ChatChannel;
  /** Messages that arrived while the chat was closed, by channel. */
  unread: Record<ChatChannel, number>;
  open: boolean;
  /** Why the last message was not sent (by this page's checks or the server's). */
  error: string;
}

/** A message this page would send, or why it will not. */
export type Draft = { ok: true; command: SendChat } | { ok: false; error: string };

/**
 * The room's chat as this page knows it: the history from the welcome, then every message as it
 * comes, per channel, with what arrived while the chat was closed. Messages are plain text: views
 * render them as text nodes, so nothing in one becomes markup or a link.
 */
export class ChatLog {
  readonly store = new Store<ChatState>({
    messages: [],
    read: ["everyone"],
    write: [],
    channel: "everyone",
    unread: { everyone: 0, interviewers: 0 },
    open: false,
    error: "",
  });

  /** The history and this participant's channels, from a welcome (again after a reconnect). */
  welcome(chat: ChatWelcome | undefined): void {
    if (!chat) return;
    const known = new Set(this.store.value.messages.map((m) => m.id));
    const fresh = chat.messages.filter((m) => !known.has(m.id) && chat.read.includes(m.channel));
    const channel = chat.read.includes(this.store.value.channel) ? this.store.value.channel : "everyone";
    const unread = { ...this.store.value.unread };
    // Messages missed while reconnecting count as unread; the first history does not.
    if (known.size > 0 && !this.store.value.open) fresh.forEach((m) => unread[m.channel]++);
    this.store.update({
      read: chat.read,
      write: chat.write,
      channel,
      unread,
      messages: chat.messages.filter((m) => chat.read.includes(m.channel)).slice(-KEPT),
    });
  }

  received(message: ChatMessage): void {
    const { messages, open, channel, unread, read } = this.store.value;
    if (!read.includes(message.channel) || messages.some((m) => m.id === message.id)) return;
    const seen = open && channel === message.channel;
    this.store.update({
      messages: [...messages, message].slice(-KEPT),
      unread: seen ? unread : { ...unread, [message.channel]: unread[message.channel] + 1 },
    });
  }

  /** The messages of the channel shown. */
  shown(): ChatMessage[] {
    const { messages, channel } = this.store.value;
    return messages.filter((m) => m.channel === channel);
  }

  unreadTotal(): number {
    const { unread } = this.store.value;
    return unread.everyone + unread.interviewers;
  }

  setOpen(open: boolean): void {
    this.store.update({ open });
    if (open) this.markRead(this.store.value.channel);
  }

  select(channel: ChatChannel): void {
    if (!this.store.value.read.includes(channel)) return;
    this.store.update({ channel });
    if (this.store.value.open) this.markRead(channel);
  }

  /** Checks a typed message as the server will, and gives the command to send (or says why not). */
  draft(text: string): Draft {
    const draft = this.check(text);
    this.store.update({ error: draft.ok ? "" : draft.error });
    return draft;
  }

  /** The server refused a message: the chat says why, where it was typed. */
  refused(message: string): void {
    this.store.update({ error: message });
  }

  private check(text: string): Draft {
    const { channel, write } = this.store.value;
    if (!write.includes(channel)) return { ok: false, error: "You can read this chat but not write in it." };
    if (text.trim() === "") return { ok: false, error: "Type a message first." };
    const length = [...text].length;
    if (length > CHAT_MAX) return { ok: false, error: `A message has at most ${CHAT_MAX} characters; this one has ${length}.` };
    return { ok: true, command: { type: "chat_send", channel, text } };
  }

  private markRead(channel: ChatChannel): void {
    const { unread } = this.store.value;
    if (unread[channel] > 0) this.store.update({ unread: { ...unread, [channel]: 0 } });
  }
}

/** A message's time as the reader's clock shows it (hours and minutes). */
export function chatTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
