// The control socket's protocol (server/CONTROL-PROTOCOL.md), generated from the
// server's records in io.coderoom.server.sync.protocol and its CloseCode: do not edit.
// Regenerate with: mvn -B test -pl server -am -Dweb.skip -Dtest=ProtocolTypeScriptTest -Dprotocol.write=true -Dsurefire.failIfNoSpecifiedTests=false

/** Every close code of the server's sockets. */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  INVALID_PAYLOAD: 1007,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  SERVICE_RESTART: 1012,
  TRY_AGAIN_LATER: 1013,
  UNAUTHORIZED: 4401,
  FORBIDDEN: 4403,
  NOT_FOUND: 4404,
  GONE: 4410,
  TOO_MANY: 4429,
  SERVER_FAILED: 4500,
} as const;

/** Close codes after which reconnecting cannot help (the link is done). */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([4401, 4403, 4404, 4410]);

/** `chat_send`, of the chat family. */
export interface SendChat {
  type: "chat_send";
  channel?: string;
  text: string;
}

/** `clock_extend`, of the clock family. */
export interface ExtendClock {
  type: "clock_extend";
  byMs: number;
}

/** `clock_pause`, of the clock family. */
export interface PauseClock {
  type: "clock_pause";
}

/** `clock_resume`, of the clock family. */
export interface ResumeClock {
  type: "clock_resume";
}

/** `clock_start`, of the clock family. */
export interface StartClock {
  type: "clock_start";
  durationMs?: number;
}

/** `clock_stop`, of the clock family. */
export interface StopClock {
  type: "clock_stop";
}

/** `end`, of the moderation family. */
export interface End {
  type: "end";
}

/** `kick`, of the moderation family. */
export interface Kick {
  type: "kick";
  participantId: string;
}

/** `lock`, of the moderation family. */
export interface Lock {
  type: "lock";
}

/** `ping`, of the session family. */
export interface Ping {
  type: "ping";
}

/** `reveal_hint`, of the hints family. */
export interface RevealHint {
  type: "reveal_hint";
  index?: number;
}

/** `run`, of the runs family. */
export interface Run {
  type: "run";
  stdin?: string;
  codeState?: string;
}

/** `run_examples`, of the runs family. */
export interface RunExamples {
  type: "run_examples";
  codeState?: string;
}

/** `set_language`, of the setup family. */
export interface SetLanguage {
  type: "set_language";
  language: string;
}

/** `set_problem`, of the setup family. */
export interface SetProblem {
  type: "set_problem";
  problemId: string | null;
}

/** `stop`, of the runs family. */
export interface Stop {
  type: "stop";
  runId?: string;
}

/** `submit`, of the runs family. */
export interface Submit {
  type: "submit";
  codeState?: string;
}

/** `unlock`, of the moderation family. */
export interface Unlock {
  type: "unlock";
}

export type ChatChannel = "everyone" | "interviewers";

export type Role = "interviewer" | "candidate" | "observer";

export interface ChatEntry {
  id: number;
  channel: ChatChannel;
  text: string;
  by: string;
  name: string;
  role: Role;
  at: string;
}

/** `chat_message`, of the chat family. */
export interface ChatPosted {
  type: "chat_message";
  message: ChatEntry;
}

export type ClockStatus = "idle" | "running" | "paused" | "stopped";

export interface ClockState {
  status: ClockStatus;
  durationMs: number;
  elapsedMs: number;
  at: number;
}

export type ClockAction = "started" | "paused" | "resumed" | "extended" | "stopped";

/** `clock_changed`, of the clock family. */
export interface ClockChanged {
  type: "clock_changed";
  clock: ClockState;
  action: ClockAction;
  by: string;
}

/** `error`, of the session family. */
export interface Refusal {
  type: "error";
  code: string;
  message: string;
  retryAfterMs?: number;
}

export interface RevealedHint {
  index: number;
  text: string;
  at: string;
  name: string;
}

/** `hint_revealed`, of the hints family. */
export interface HintRevealed {
  type: "hint_revealed";
  problemId: string;
  hint: RevealedHint;
  total: number;
  by: string;
  next?: string;
}

export interface HintsState {
  problemId: string | null;
  total: number;
  revealed: RevealedHint[];
  next?: string;
}

/** `hints`, of the hints family. */
export interface HintsChanged {
  type: "hints";
  hints: HintsState;
}

/** `language_changed`, of the setup family. */
export interface LanguageChanged {
  type: "language_changed";
  language: string;
  by: string;
}

/** `lock_changed`, of the moderation family. */
export interface LockChanged {
  type: "lock_changed";
  candidateLocked: boolean;
  by: string;
}

export interface WireParticipant {
  id: string;
  role: Role;
  name: string;
  color: number;
  joinedAt: string;
}

/** `participant_joined`, of the presence family. */
export interface ParticipantJoined {
  type: "participant_joined";
  participant: WireParticipant;
}

/** `participant_left`, of the presence family. */
export interface ParticipantLeft {
  type: "participant_left";
  participantId: string;
}

/** `pong`, of the session family. */
export interface Pong {
  type: "pong";
  serverTime: number;
}

export interface ProblemSummary {
  id: string;
  version: number;
  title: string;
  statement: string;
  statementHtml: string;
  timeEstimateMinutes: number;
  hintCount: number;
}

/** `problem_changed`, of the setup family. */
export interface ProblemChanged {
  type: "problem_changed";
  problem: ProblemSummary | null;
  by: string;
}

/** `room_ended`, of the moderation family. */
export interface RoomEnded {
  type: "room_ended";
}

export type RunStatus = "ok" | "compile_error" | "runtime_error" | "timeout" | "oom" | "output_limit" | "internal_error" | "stopped";

/** `run_finished`, of the runs family. */
export interface RunFinished {
  type: "run_finished";
  runId: string;
  status: RunStatus;
  exitCode: number;
  compileMs: number;
  runMs: number;
  memoryBytes: number;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  message: string;
  by?: string;
  tests?: { [field: string]: unknown };
}

/** `run_output`, of the runs family. */
export interface RunOutput {
  type: "run_output";
  runId: string;
  stream: string;
  data: string;
}

export type RunKind = "run" | "examples" | "test";

/** `run_started`, of the runs family. */
export interface RunStarted {
  type: "run_started";
  runId: string;
  language: string;
  mode: RunKind;
  by: string;
  byName: string;
}

/** `run_stopping`, of the runs family. */
export interface RunStopping {
  type: "run_stopping";
  runId: string;
  by: string;
}

export interface RoomInfo {
  id: string;
  title: string;
  language: string;
  candidateLocked: boolean;
  problem: ProblemSummary | null;
}

export interface ChatWelcome {
  read: ChatChannel[];
  write: ChatChannel[];
  messages: ChatEntry[];
}

/** `welcome`, of the session family. */
export interface Welcome {
  type: "welcome";
  you: WireParticipant;
  room: RoomInfo;
  participants: WireParticipant[];
  clock: ClockState;
  serverTime: number;
  chat: ChatWelcome;
  hints: HintsState;
}

export type Permission = "attend" | "moderate" | "choose_setup" | "run_code" | "see_hidden_tests" | "control_clock" | "chat" | "interviewer_chat" | "reveal_hints";

/** Every command a client may send. */
export type ControlCommand =
  | SendChat
  | ExtendClock
  | PauseClock
  | ResumeClock
  | StartClock
  | StopClock
  | End
  | Kick
  | Lock
  | Ping
  | RevealHint
  | Run
  | RunExamples
  | SetLanguage
  | SetProblem
  | Stop
  | Submit
  | Unlock;

/** Every event the server sends. */
export type ControlEvent =
  | ChatPosted
  | ClockChanged
  | Refusal
  | HintRevealed
  | HintsChanged
  | LanguageChanged
  | LockChanged
  | ParticipantJoined
  | ParticipantLeft
  | Pong
  | ProblemChanged
  | RoomEnded
  | RunFinished
  | RunOutput
  | RunStarted
  | RunStopping
  | Welcome;

/** The permission each command needs. */
export const COMMAND_PERMISSION: Record<ControlCommand["type"], Permission> = {
  chat_send: "chat",
  clock_extend: "control_clock",
  clock_pause: "control_clock",
  clock_resume: "control_clock",
  clock_start: "control_clock",
  clock_stop: "control_clock",
  end: "moderate",
  kick: "moderate",
  lock: "moderate",
  ping: "attend",
  reveal_hint: "reveal_hints",
  run: "run_code",
  run_examples: "run_code",
  set_language: "choose_setup",
  set_problem: "choose_setup",
  stop: "run_code",
  submit: "run_code",
  unlock: "moderate",
};

/** The permissions each role holds by default. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  interviewer: ["attend", "moderate", "choose_setup", "run_code", "see_hidden_tests", "control_clock", "chat", "interviewer_chat", "reveal_hints"],
  candidate: ["attend", "run_code", "chat"],
  observer: ["attend"],
};
