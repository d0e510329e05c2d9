import type { ComponentChildren } from "preact";
import { useStore } from "../app/store";
import { ThemeToggle } from "../ui/ThemeToggle";
import type { Participant } from "./control";
import { LANGUAGE_NAMES } from "./languages";
import { ROLE_LABELS } from "./participants";
import type { RateLimit } from "./rateLimit";
import { runDescription, STOP_DESCRIPTION, submitDescription } from "./runControls";
import type { RoomState } from "./session";

const CONNECTION_LABELS = { connected: "Connected", reconnecting: "Reconnecting…", connecting: "Connecting…", closed: "Closed" };

/** The room's title, language, run buttons, participants and the interviewer's controls. */
export function TopBar(props: {
  state: RoomState;
  roomId: string;
  participants: ComponentChildren;
  /** The interview's clock, with its controls for those who may use them. */
  clock: ComponentChildren;
  onRun(): void;
  onSubmit(): void;
  onStop(): void;
  rateLimit: RateLimit;
  onLanguage(language: string): void;
  onLock(): void;
  onEnd(): void;
  vim: boolean;
  onVim(on: boolean): void;
}) {
  const { you, room, connection, runInProgress, catalogue } = props.state;
  const { secondsLeft } = useStore(props.rateLimit.store);
  const role: Participant["role"] | undefined = you?.role;
  const interviewer = role === "interviewer";
  const usable = connection === "connected" && !runInProgress && secondsLeft === 0;
  const waitNote = secondsLeft > 0 ? ` Too many runs this minute: available again in ${secondsLeft} s.` : "";
  const language = room?.language ?? "";
  return (
    <header class="topbar">
      <div class="group">
        <h1 class="room-title">{room?.title ?? "Joining…"}</h1>
        {interviewer ? (
          <select id="language-select" aria-label="Language" value={language} onChange={(e) => props.onLanguage(e.currentTarget.value)}>
            {Object.entries(LANGUAGE_NAMES).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
            {language && !LANGUAGE_NAMES[language] ? <option value={language}>{language}</option> : null}
          </select>
        ) : (
          <span class="language" id="language">
            {LANGUAGE_NAMES[language] ?? language}
          </span>
        )}
        {role ? (
          <span id="role" class={`role-badge role-${role}`}>
            {role === "observer" ? "Spectating" : ROLE_LABELS[role]}
          </span>
        ) : null}
      </div>
      <div class="group">
        {role && role !== "observer" ? (
          <button
            type="button"
            id="run"
            class="primary"
            title={`${runDescription(Boolean(room?.problem))} (Ctrl/Cmd+Enter)${waitNote}`}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            disabled={!usable}
            onClick={props.onRun}
          >
            {runInProgress ? "Running…" : "▶ Run"}
          </button>
        ) : null}
        {role && role !== "observer" && runInProgress ? (
          <button type="button" id="stop" class="danger" title={STOP_DESCRIPTION} disabled={connection !== "connected" || props.state.stopping} onClick={props.onStop}>
            <span aria-hidden="true">■</span> Stop
          </button>
        ) : null}
        {role && role !== "observer" && room?.problem ? (
          <button
            type="button"
            id="submit"
            title={`${submitDescription(catalogue.get(room.problem.id))}${waitNote}`}
            disabled={!usable}
            onClick={props.onSubmit}
          >
            Submit
          </button>
        ) : null}
        {props.clock}
      </div>
      {props.participants}
      <div class="group">
        {interviewer ? (
          <>
            <button type="button" id="lock" class={room?.candidateLocked ? "active" : ""} aria-pressed={room?.candidateLocked ?? false} onClick={props.onLock}>
              {room?.candidateLocked ? "Unlock editing" : "Lock editing"}
            </button>
            <button type="button" id="end" class="danger" onClick={props.onEnd}>
              End interview
            </button>
          </>
        ) : null}
        <label class="toggle">
          <input type="checkbox" id="vim-toggle" checked={props.vim} onChange={(e) => props.onVim(e.currentTarget.checked)} /> Vim
        </label>
        <ThemeToggle />
        <span id="connection" class="connection" data-state={connection} role="status" title={CONNECTION_LABELS[connection]}>
          <span class="visually-hidden">{CONNECTION_LABELS[connection]}</span>
        </span>
      </div>
    </header>
  );
}
