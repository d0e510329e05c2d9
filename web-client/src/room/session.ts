import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { toBase64url } from "../app/base64url";
import { Store } from "../app/store";
import { endRoom, languages, latestRun, type Language, type ProblemListing } from "../api";
import { RoomCatalogue } from "./catalogue";
import { ControlSocket, FATAL_CODES, type Connection, type Participant } from "./control";
import { InterviewClock } from "./clock";
import { RunConsole } from "./console";
import { ChatLog } from "./chat";
import { Hints } from "./hints";
import { CloseCode, type ControlCommand, type ControlEvent, type RoomInfo } from "./protocol";
import type { TestReport } from "./tests";
import { ParticipantList } from "./participants";
import { LANGUAGE_NAMES } from "./languages";
import { ChangeNotices } from "./notices";
import { RateLimit } from "./rateLimit";
import { readsStdin } from "./readsStdin";
import { Submissions } from "./submissions";
import { PALETTE } from "./remoteCursors";

/** The problem as the control socket names it; the rest of it comes from GET /api/problems. */
export type { ProblemSummary, RoomInfo } from "./protocol";

/** The clock's commands, which the top bar's controls send. */
export type ClockCommand = Extract<ControlCommand, { type: `clock_${string}` }>;

export interface RoomState {
  you: Participant | null;
  room: RoomInfo | null;
  connection: Connection | "closed";
  runInProgress: boolean;
  /** Someone asked to stop the run in progress; its end is on its way. */
  stopping: boolean;
  fatal: { code: number; reason: string } | null;
  catalogue: ReadonlyMap<string, ProblemListing>;
  languages: Language[];
  /** Set while this interviewer's change left untouched starter code of another language or problem. */
  starterOffer: string | null;
  /** The interviewers' notes document, once the welcome says this page is an interviewer's. */
  notes: Y.Doc | null;
  /** Whether the code reads its standard input, so the console points at the Input tab. */
  readsStdin: boolean;
}

/**
 * One page's connection to a room: the control socket (events in, commands out), the shared code
 * document and, for interviewers, the notes document, with the room's state as the views read it.
 */
export class RoomSession {
  readonly codeDoc = new Y.Doc();
  readonly code: WebsocketProvider;
  readonly console = new RunConsole();
  /** Every run and submission of the room, for the Submissions tab. */
  readonly submissions: Submissions;
  readonly participants = new ParticipantList();
  /** The room's chat, and the problem's hints revealed so far. */
  readonly chat = new ChatLog();
  readonly hints = new Hints();
  /** Who changed the language or the problem, for everyone. */
  readonly notices = new ChangeNotices();
  /** The wait after the room's run limit refused a run. */
  // Someone else's run may have started meanwhile: its status line stays until it ends.
  readonly rateLimit = new RateLimit(() => {
    if (!this.store.value.runInProgress) this.console.notice("You can run again.", "info");
  });
  readonly store = new Store<RoomState>({
    you: null,
    room: null,
    connection: "connecting",
    runInProgress: false,
    stopping: false,
    fatal: null,
    catalogue: new Map(),
    languages: [],
    starterOffer: null,
    notes: null,
    readsStdin: false,
  });
  private readonly docBase: string;
  /** The query every socket of the page opens with: the token, and the name if one was chosen. */
  private readonly socketParams: Record<string, string>;
  private readonly control: ControlSocket;
  /** The interview's clock, read against the server's time as the control socket measures it. */
  readonly clock: InterviewClock;
  private notesProvider: WebsocketProvider | null = null;
  private readonly problems: RoomCatalogue;
  /** Settle once the problems' and the languages' starter codes are known (or could not be). */
  private readonly problemsListed: Promise<void>;
  private readonly languagesListed: Promise<void>;
  private controlState: Connection = "connecting";
  private codeConnected = false;
  private left = false;

  constructor(
    readonly roomId: string,
    private readonly token: string,
  ) {
    this.docBase = `${location.origin.replace(/^http/, "ws")}/ws/rooms/${encodeURIComponent(roomId)}`;
    this.submissions = new Submissions(roomId, token);
    // Every socket of this tab says the same name: whichever opens first names the participant.
    const name = localStorage.getItem("coderoom.name");
    this.socketParams = name ? { token, name } : { token };
    // Tabs talk to each other through the server only: over a BroadcastChannel a tab would learn
    // another tab's cursor first and relay it to the server as if it were its own.
    this.code = new WebsocketProvider(this.docBase, "code", this.codeDoc, { params: this.socketParams, disableBc: true });
    this.code.awareness.setLocalStateField("user", { name: "…", color: PALETTE[this.codeDoc.clientID % PALETTE.length] });
    this.watchProvider(this.code, (connected) => {
      this.codeConnected = connected;
      this.renderConnection();
    });
    this.code.on("sync", () => this.renderConnection());
    // The room's token shows its team's problems too; the room's problem is loaded in full.
    this.problems = new RoomCatalogue(token, (catalogue) => this.store.update({ catalogue }));
    this.problemsListed = this.problems.list().catch(() => undefined);
    this.store.subscribe((state) => void this.problems.detail(state.room?.problem ?? null));
    this.languagesListed = languages()
      .then((list) => this.store.update({ languages: list }))
      .catch(() => undefined); // without templates there is simply no starter to offer
    this.codeDoc.getText("codemirror").observe(() => {
      if (this.store.value.starterOffer !== null && !this.holdsStarter()) this.store.update({ starterOffer: null });
      const reads = readsStdin(this.codeText.toString());
      if (reads !== this.store.value.readsStdin) this.store.update({ readsStdin: reads });
    });
    this.control = new ControlSocket(`${this.docBase}/control?${new URLSearchParams(this.socketParams)}`, {
      event: (event) => this.onEvent(event),
      connection: (state) => {
        this.controlState = state;
        this.renderConnection();
      },
      fatal: (code, reason) => this.fatal(code, reason),
    });
    this.clock = new InterviewClock(this.control.serverClock);
  }

  get codeText(): Y.Text {
    return this.codeDoc.getText("codemirror");
  }

  private watchProvider(provider: WebsocketProvider, connected: (connected: boolean) => void): void {
    provider.on("status", ({ status }: { status: string }) => connected(status === "connected"));
    provider.on("connection-close", (event: CloseEvent | null) => {
      if (event && FATAL_CODES.has(event.code)) this.fatal(event.code, event.reason);
    });
  }

  private onEvent(event: ControlEvent): void {
    const room = this.store.value.room;
    switch (event.type) {
      case "welcome":
        this.welcome(event.you, event.room, event.participants);
        // A server without the clock sends none: the clock then stays hidden.
        if (event.clock) this.clock.update(event.clock);
        this.chat.welcome(event.chat);
        this.hints.snapshot(event.hints);
        break;
      case "chat_message":
        this.chat.received(event.message);
        break;
      case "hints":
        this.hints.snapshot(event.hints);
        break;
      case "hint_revealed":
        this.hints.revealed(event);
        this.notices.show("hint", this.hints.revealNotice(event));
        break;
      case "participant_joined":
        this.participants.joined(event.participant);
        break;
      case "participant_left":
        this.participants.left(event.participantId);
        break;
      case "lock_changed":
        if (room) this.store.update({ room: { ...room, candidateLocked: event.candidateLocked } });
        break;
      case "language_changed":
        if (room) {
          this.store.update({ room: { ...room, language: event.language } });
          this.offerStarter(event.by);
          this.notices.show("language", `${this.who(event.by)} changed the language to ${LANGUAGE_NAMES[event.language] ?? event.language}.`);
        }
        break;
      case "problem_changed": {
        const problem = event.problem ?? null;
        if (room) this.store.update({ room: { ...room, problem } });
        // The new problem's starter code comes with its detail.
        void this.problems.detail(problem).then(() => this.offerStarter(event.by));
        this.notices.show("problem", problem ? `${this.who(event.by)} set the problem to ${problem.title}.` : `${this.who(event.by)} removed the problem.`);
        break;
      }
      case "room_ended":
        this.fatal(CloseCode.GONE, "room_ended");
        break;
      case "run_started":
        this.store.update({ runInProgress: true, stopping: false });
        this.console.started(event.runId, this.participants.nameOf(event.by), event.mode);
        this.submissions.started({
          runId: event.runId,
          mode: event.mode,
          language: event.language,
          by: event.byName || this.participants.nameOf(event.by),
        });
        break;
      case "run_output":
        this.console.output(event.runId, event.stream, event.data ?? "");
        break;
      case "run_stopping":
        this.store.update({ stopping: true });
        this.console.stopping(event.runId, this.participants.nameOf(event.by));
        break;
      case "run_finished":
        this.store.update({ runInProgress: false, stopping: false });
        {
          // The tests report's shape is the REST run record's as well (tests.ts types it).
          const finished = { ...event, tests: event.tests as TestReport | undefined };
          this.console.finished(finished, event.status === "stopped" ? this.participants.nameOf(event.by) : undefined);
          this.submissions.finished(finished);
        }
        break;
      case "clock_changed":
        this.clock.update(event.clock);
        break;
      case "error":
        if (typeof event.code === "string" && event.code.startsWith("chat_")) {
          this.chat.refused(String(event.message ?? event.code));
          break;
        }
        if (event.code === "rate_limited") this.rateLimit.refused(event.retryAfterMs);
        this.console.notice(event.message ?? event.code, "error");
        // A refused change puts the pickers back: they show the room's state, which is unchanged.
        this.store.update({ room: room ? { ...room } : null });
        break;
      case "pong":
        break; // measured by the control socket
      default:
        unknownEvent(event); // an event newer than this page: nothing to do
    }
  }

  private welcome(you: Participant, room: RoomInfo, participants: Participant[]): void {
    const first = this.store.value.you === null;
    // The participant's colour, which the server also gives this tab's cursor as others see it.
    const color = you.color !== undefined ? PALETTE[you.color % PALETTE.length] : PALETTE[this.codeDoc.clientID % PALETTE.length];
    this.code.awareness.setLocalStateField("user", { name: you.name, color });
    this.store.update({ you, room });
    this.participants.reset(you, participants);
    if (!first) return;
    void this.submissions.load();
    latestRun(this.roomId, this.token)
      .then((run) => run && this.console.past(run))
      .catch(() => undefined); // the console simply starts empty
    if (you.role === "interviewer") this.openNotes();
  }

  private openNotes(): void {
    const doc = new Y.Doc();
    this.notesProvider = new WebsocketProvider(this.docBase, "notes", doc, { params: this.socketParams, disableBc: true });
    this.watchProvider(this.notesProvider, () => undefined);
    this.store.update({ notes: doc });
  }

  private renderConnection(): void {
    const { fatal, you } = this.store.value;
    // Connected once the room's code is here, not only its socket open: until then the editor
    // shows none of it, and an edit made meanwhile would merge with it rather than replace it.
    const connected = this.controlState === "connected" && this.codeConnected && this.code.synced;
    this.store.update({ connection: fatal ? "closed" : connected ? "connected" : you ? "reconnecting" : "connecting" });
  }

  /** Whether commands can be sent now. */
  get usable(): boolean {
    return this.controlState === "connected";
  }

  command(command: ControlCommand): void {
    if (!this.control.send(command)) this.console.notice("Not connected: try again in a moment.", "error");
  }

  /** The name to put first in a sentence about what this participant did ("You", "Ada"). */
  private who(participantId: unknown): string {
    const name = this.participants.nameOf(typeof participantId === "string" && participantId ? participantId : undefined);
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  /** Whether this page may start a run now: not an observer's, no run going, no wait for the run limit. */
  private mayRun(): boolean {
    const { you, runInProgress } = this.store.value;
    return you?.role !== "observer" && !runInProgress && !this.rateLimit.waiting;
  }

  run(): void {
    if (!this.mayRun()) return;
    const stdin = this.console.store.value.stdin;
    this.command({ type: "run", ...(stdin ? { stdin } : {}), codeState: this.codeState() });
  }

  submit(): void {
    if (!this.mayRun()) return;
    this.command({ type: "submit", codeState: this.codeState() });
  }

  /** Runs the problem's public tests only; everyone sees their results in full. */
  runExamples(): void {
    if (!this.mayRun()) return;
    this.command({ type: "run_examples", codeState: this.codeState() });
  }

  /**
   * The code as this page has it (its document's state vector, base64url): a run waits for it to
   * reach the server, since the edits go on the code socket and the command on the control socket.
   */
  private codeState(): string {
    return toBase64url(Y.encodeStateVector(this.codeDoc));
  }

  /** Stops the run in progress, whoever started it. */
  stop(): void {
    const { you, runInProgress, stopping } = this.store.value;
    const runId = this.console.store.value.runId;
    if (you?.role === "observer" || !runInProgress || stopping || !runId) return;
    this.command({ type: "stop", runId });
  }

  end(): void {
    if (!this.control.send({ type: "end" })) {
      endRoom(this.roomId, this.token).catch((e) => this.console.notice(String(e.message ?? e), "error"));
    }
  }

  /** The code a room of this language (and problem) starts with, when one is known. */
  private starterFor(language: string, problemId: string | undefined): string | undefined {
    const { catalogue, languages } = this.store.value;
    const fromProblem = problemId ? catalogue.get(problemId)?.starterCode?.[language] : undefined;
    return fromProblem ?? languages.find((l) => l.id === language)?.template;
  }

  /** Whether the code is still empty or exactly some language's template or problem's starter code. */
  /**
   * The interviewer picked a language: untouched starter code switches at once, written code asks
   * first (`ask`), since it would run as the new language. Which it is waits for the starter codes
   * to be known, so a pick made as the page opens is not taken for written code.
   */
  async chooseLanguage(language: string, ask: (language: string) => void): Promise<void> {
    await Promise.all([this.problemsListed, this.languagesListed, this.problems.detail(this.store.value.room?.problem ?? null)]);
    if (this.holdsStarter()) this.command({ type: "set_language", language });
    else ask(language);
  }

  private holdsStarter(): boolean {
    const code = normalize(this.codeText.toString());
    if (code === "") return true;
    const { catalogue, languages } = this.store.value;
    const starters = [...languages.map((l) => l.template ?? ""), ...[...catalogue.values()].flatMap((p) => Object.values(p.starterCode ?? {}))];
    return starters.some((starter) => normalize(starter) === code);
  }

  /**
   * After this interviewer changes the language or the problem, offers the matching starter code,
   * but only while the code is untouched starter code: nobody's work is replaced, and nothing is
   * replaced without a click.
   */
  private offerStarter(by: unknown): void {
    const { room, you, catalogue } = this.store.value;
    if (!room || you?.role !== "interviewer" || by !== you.id) return this.store.update({ starterOffer: null });
    const starter = this.starterFor(room.language, room.problem?.id);
    if (starter === undefined || normalize(starter) === normalize(this.codeText.toString()) || !this.holdsStarter()) {
      return this.store.update({ starterOffer: null });
    }
    const languageName = LANGUAGE_NAMES[room.language] ?? room.language;
    const problem = room.problem ?? null;
    this.store.update({
      starterOffer: problem && catalogue.get(problem.id)?.starterCode?.[room.language] ? `${problem.title} ${languageName}` : languageName,
    });
  }

  replaceWithStarter(): void {
    const room = this.store.value.room;
    const starter = room && this.starterFor(room.language, room.problem?.id);
    if (starter !== undefined && starter !== null) {
      const code = this.codeText;
      // One transaction: everyone sees one change, and Ctrl/Cmd+Z takes it back.
      this.codeDoc.transact(() => {
        code.delete(0, code.length);
        code.insert(0, starter);
      });
    }
    this.store.update({ starterOffer: null });
  }

  dismissStarter(): void {
    this.store.update({ starterOffer: null });
  }

  /** Closes the page's sockets for good, without reconnecting: the room is over for this page. */
  leave(): void {
    if (this.left) return;
    this.left = true;
    this.control.close();
    this.code.destroy();
    this.notesProvider?.destroy();
    this.participants.dispose();
    this.notices.dispose();
    this.rateLimit.dispose();
    this.clock.dispose();
  }

  private fatal(code: number, reason: string): void {
    if (this.store.value.fatal) return;
    this.store.update({ fatal: { code, reason } });
    this.leave();
    this.renderConnection();
  }
}

/** Every event this page knows is handled above: a new one in protocol.ts fails to compile here. */
function unknownEvent(event: never): void {
  void event;
}

function normalize(code: string): string {
  return code.replace(/\r\n/g, "\n").trimEnd();
}
