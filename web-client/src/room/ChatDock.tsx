import "./talk.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { useStore } from "../app/store";
import { Tabs, tabPanel } from "../ui/Tabs";
import { CHAT_MAX, chatTime, type ChatChannel, type ChatLog } from "./chat";
import type { SendChat } from "./protocol";

const CHANNEL_LABELS: Record<ChatChannel, string> = { everyone: "Room", interviewers: "Interviewers" };

/**
 * The room's chat: a button at the bottom right with the count of unread messages, opening a
 * panel that does not block the room. Messages are text nodes (never markup), so a link in one is
 * just text. Enter sends, Shift+Enter starts a new line.
 */
export function ChatDock(props: { chat: ChatLog; youId: string | undefined; onSend(command: SendChat): void }) {
  const state = useStore(props.chat.store);
  const [text, setText] = useState("");
  const list = useRef<HTMLDivElement>(null);
  const shown = props.chat.shown();
  const unread = props.chat.unreadTotal();
  const canWrite = state.write.includes(state.channel);
  // Follow new messages, unless the reader scrolled up to read older ones.
  useEffect(() => {
    const element = list.current;
    if (element && element.scrollHeight - element.scrollTop - element.clientHeight < 80) element.scrollTop = element.scrollHeight;
  }, [shown.length, state.open, state.channel]);
  const send = () => {
    const draft = props.chat.draft(text);
    if (!draft.ok) return;
    props.onSend(draft.command);
    setText("");
  };
  return (
    <aside id="chat" class="chat-dock" data-open={state.open ? "true" : "false"} aria-label="Chat">
      <section id="chat-panel" class="chat-panel" hidden={!state.open} aria-labelledby="chat-title">
        <header class="chat-header">
          <h2 id="chat-title">Chat</h2>
          {state.read.length > 1 ? (
            <Tabs
              label="Chat channels"
              class="chat-channels"
              tabs={state.read.map((channel) => ({ id: `chat-${channel}`, label: CHANNEL_LABELS[channel], badge: state.unread[channel] > 0, panel: "chat-messages" }))}
              selected={`chat-${state.channel}`}
              onSelect={(id) => props.chat.select(id.slice("chat-".length) as ChatChannel)}
            />
          ) : null}
          <button type="button" id="chat-close" class="chat-close" aria-label="Close the chat" onClick={() => props.chat.setOpen(false)}>
            ×
          </button>
        </header>
        <p class="chat-scope muted">{state.channel === "interviewers" ? "Only interviewers see this channel." : "Everyone in the room sees these messages."}</p>
        <div
          ref={list}
          class="chat-messages"
          data-channel={state.channel}
          aria-live="polite"
          tabIndex={0}
          {...(state.read.length > 1 ? tabPanel(`chat-${state.channel}`, `chat-${state.channel}`, "chat-messages") : { id: "chat-messages", "aria-label": "Messages" })}
        >
          <ol class="chat-list">
            {shown.length === 0 ? <li class="chat-empty muted">No messages yet.</li> : null}
            {shown.map((m) => (
              <li key={m.id} class={`chat-message ${m.by && m.by === props.youId ? "mine" : ""}`} data-id={m.id} data-role={m.role}>
                <span class="chat-name">{m.name}</span>
                <time class="chat-time" dateTime={m.at}>
                  {chatTime(m.at)}
                </time>
                <p class="chat-text">{m.text}</p>
              </li>
            ))}
          </ol>
        </div>
        {canWrite ? (
          <form
            class="chat-form"
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <label for="chat-input" class="visually-hidden">
              Message to {CHANNEL_LABELS[state.channel].toLowerCase()}
            </label>
            <textarea
              id="chat-input"
              rows={2}
              maxLength={CHAT_MAX * 2}
              placeholder={state.channel === "interviewers" ? "Message the interviewers" : "Message the room"}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                  e.preventDefault();
                  send();
                }
              }}
            />
            <button type="submit" id="chat-send" class="primary">
              Send
            </button>
          </form>
        ) : (
          <p class="chat-readonly muted">You can read the chat but not write in it.</p>
        )}
        <p id="chat-error" class="form-error" role="alert">
          {state.error}
        </p>
      </section>
      <button type="button" id="chat-toggle" class="chat-toggle" aria-expanded={state.open} aria-controls="chat-panel" onClick={() => props.chat.setOpen(!state.open)}>
        Chat
        {unread > 0 ? (
          <span class="chat-unread" aria-label={`${unread} unread`}>
            {unread}
          </span>
        ) : null}
      </button>
    </aside>
  );
}
