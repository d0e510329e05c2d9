import "./room.css";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { append, h } from "../dom";
import { endRoom, languages, latestRun, problems, type Language, type ProblemListing } from "../api";
import { ControlSocket, FATAL_CODES, type Connection, type ControlEvent, type Participant } from "./control";
import { SharedEditor } from "./editor";
import { LANGUAGE_NAMES } from "./languages";
import { PALETTE } from "./remoteCursors";
import { RunConsole, type RunFinished } from "./console";
import { fatalScreen } from "./fatal";
import { ParticipantList, ROLE_LABELS } from "./participants";
import { formatArgs, formatJson } from "./tests";

/** The problem as the control socket names it; the rest of it comes from GET /api/problems. */
interface ProblemSummary {
  id: string;
  title: string;
  statement?: string;
}

interface RoomInfo {
  id: string;
  title: string;
  language: string;
  candidateLocked: boolean;
  problem?: ProblemSummary | null;
}

/** The interview room: top bar, problem and notes, the shared editor, and the run console. */
export function openRoom(app: HTMLElement, roomId: string): { leave(): void } {
  const token = roomToken(roomId);
  if (!token) {
    app.replaceChildren(fatalScreen(4401, "token_missing"));
    return { leave: () => undefined };
  }
  return new RoomPage(app, roomId, token);
}

/**
 * The room's token from the link (`#token=…`), which then leaves the address bar and the history
 * at once, so it is not shown, shared by a screenshot or kept in the browser's history. The tab
 * keeps it in session storage, so a reload still opens the room.
 */
export function roomToken(roomId: string): string | null {
  const key = `coderoom.token.${roomId}`;
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromLink) {
    sessionStorage.setItem(key, fromLink);
    history.replaceState(history.state, "", location.pathname + location.search);
    return fromLink;
  }
  return sessionStorage.getItem(key);
}

class RoomPage {
  private readonly origin = location.origin.replace(/^http/, "ws");
  private readonly codeDoc = new Y.Doc();
  private readonly code: WebsocketProvider;
  /** The query every socket of the page opens with: the token, and the name if one was chosen. */
  private readonly socketParams: Record<string, string>;
  private notes: WebsocketProvider | null = null;
  private readonly control: ControlSocket;
  private readonly editor: SharedEditor;
  private readonly console: RunConsole;

  private you: Participant | null = null;
  private room: RoomInfo | null = null;
  private readonly participants = new ParticipantList((p) => this.command({ type: "kick", participantId: p.id }));
  private controlState: Connection = "connecting";
  private codeConnected = false;
  private runInProgress = false;
  private ended = false;
  private left = false;
  private dark = localStorage.getItem("coderoom.theme") !== "light";

  // Top bar
  private readonly titleEl = h("h1", { class: "room-title" }, "Joining…");
  private readonly languageEl = h("span", { class: "language", id: "language" });
  private readonly languageSelect = h("select", { id: "language-select", class: "hidden", "aria-label": "Language" });
  private readonly runButton = h("button", { id: "run", class: "primary hidden", title: "Run (Ctrl/Cmd+Enter)" }, "▶ Run");
  private readonly submitButton = h("button", { id: "submit", class: "hidden", title: "Run the problem's tests" }, "Submit");
  private readonly timerEl = h("span", { id: "timer", class: "timer", title: "Time since you joined" }, "00:00");
  private readonly connectionLabel = h("span", { class: "label" }, "Connecting…");
  private readonly connectionEl = h("span", { id: "connection", class: "connection", "data-state": "connecting", role: "status" }, this.connectionLabel);
  private readonly lockButton = h("button", { id: "lock", class: "hidden" }, "Lock editing");
  private readonly endButton = h("button", { id: "end", class: "hidden danger" }, "End interview");
  private readonly roleBadge = h("span", { id: "role", class: "role-badge" });
  private readonly banner = h("div", { id: "banner", class: "banner hidden", role: "status" });

  // Panes
  private catalogue = new Map<string, ProblemListing>();
  private languageList: Language[] = [];
  private readonly problemSelect = h("select", { id: "problem-select", class: "hidden", "aria-label": "Problem" });
  private readonly problemPane = h("div", { id: "problem", class: "problem" }, h("p", { class: "muted" }, "No problem is set for this room."));
  private readonly notesPane = h("div", { id: "notes", class: "notes hidden" });
  private readonly leftTabs = h("div", { class: "tabs left-tabs" });
  private readonly leftPane = h("aside", { class: "pane left", "data-pane": "problem" }, this.leftTabs, this.problemPane, this.notesPane);
  private readonly starterOffer = h("div", { id: "starter-offer", class: "starter-offer hidden", role: "status" });
  private readonly editorPane = h("section", { class: "pane center", "data-pane": "code", id: "editor" }, this.starterOffer);
  private readonly consolePane = h("section", { class: "pane console", "data-pane": "console" });
  private readonly workspace = h("main", { class: "workspace", "data-active": "code" }, this.leftPane, this.editorPane, this.consolePane);
  private readonly mobileTabs = h("nav", { class: "mobile-tabs", "aria-label": "Panes" });

  constructor(
    private readonly app: HTMLElement,
    private readonly roomId: string,
    private readonly token: string,
  ) {
    document.body.classList.toggle("light", !this.dark);
    const docBase = `${this.origin}/ws/rooms/${encodeURIComponent(roomId)}`;
    // Every socket of this tab says the same name: whichever opens first names the participant.
    const name = localStorage.getItem("coderoom.name");
    this.socketParams = name ? { token, name } : { token };
    // Tabs talk to each other through the server only: over a BroadcastChannel a tab would learn
    // another tab's cursor first and relay it to the server as if it were its own.
    this.code = new WebsocketProvider(docBase, "code", this.codeDoc, { params: this.socketParams, disableBc: true });
    this.code.awareness.setLocalStateField("user", { name: "…", color: PALETTE[this.codeDoc.clientID % PALETTE.length] });
    this.watchProvider(this.code, (connected) => {
      this.codeConnected = connected;
      this.renderConnection();
    });

    this.console = new RunConsole(this.consolePane);
    this.app.replaceChildren(this.topBar(), this.banner, this.workspace, this.mobileTabs);
    this.editor = new SharedEditor(this.editorPane, this.codeDoc.getText("codemirror"), this.code.awareness, {
      dark: this.dark,
      onRun: () => this.run(),
      label: "Code",
    });
    this.editor.setReadOnly(true); // until the welcome says who we are
    this.buildTabs();
    this.startTimer();
    this.problemSelect.addEventListener("change", () =>
      this.command({ type: "set_problem", problemId: this.problemSelect.value || null }),
    );
    problems().then((list) => {
      this.catalogue = new Map(list.map((p) => [p.id, p]));
      this.problemSelect.replaceChildren(
        h("option", { value: "" }, "No problem"),
        ...list.map((p) => h("option", { value: p.id }, p.title)),
      );
      this.renderProblem();
    });
    languages()
      .then((list) => (this.languageList = list))
      .catch(() => undefined); // without templates there is simply no starter to offer
    this.codeDoc.getText("codemirror").observe(() => {
      if (!this.starterOffer.classList.contains("hidden") && !this.holdsStarter()) this.hideStarterOffer();
    });

    const controlUrl = `${docBase}/control?${new URLSearchParams(this.socketParams)}`;
    this.control = new ControlSocket(controlUrl, {
      event: (event) => this.onEvent(event),
      connection: (state) => {
        this.controlState = state;
        this.renderConnection();
      },
      fatal: (code, reason) => this.fatal(code, reason),
    });
  }

  private topBar(): HTMLElement {
    this.runButton.addEventListener("click", () => this.run());
    this.submitButton.addEventListener("click", () => this.submit());
    this.lockButton.addEventListener("click", () => this.command({ type: this.room?.candidateLocked ? "unlock" : "lock" }));
    this.endButton.addEventListener("click", () => this.end());
    this.languageSelect.addEventListener("change", () => this.command({ type: "set_language", language: this.languageSelect.value }));
    for (const [id, name] of Object.entries(LANGUAGE_NAMES)) this.languageSelect.append(h("option", { value: id }, name));

    const vim = h("input", { type: "checkbox", id: "vim-toggle" });
    vim.checked = localStorage.getItem("coderoom.vim") === "on";
    vim.addEventListener("change", () => {
      localStorage.setItem("coderoom.vim", vim.checked ? "on" : "off");
      void this.editor.setVim(vim.checked);
    });
    if (vim.checked) queueMicrotask(() => void this.editor.setVim(true));
    const themeLabel = () => (this.dark ? "☀ Light" : "☾ Dark");
    const theme = h("button", { id: "theme-toggle", title: "Switch between the light and dark theme" }, themeLabel());
    theme.addEventListener("click", () => {
      this.dark = !this.dark;
      localStorage.setItem("coderoom.theme", this.dark ? "dark" : "light");
      document.body.classList.toggle("light", !this.dark);
      this.editor.setDark(this.dark);
      theme.textContent = themeLabel();
    });

    return h(
      "header",
      { class: "topbar" },
      h("div", { class: "group" }, this.titleEl, this.languageEl, this.languageSelect, this.roleBadge),
      h("div", { class: "group" }, this.runButton, this.submitButton, this.timerEl),
      this.participants.element,
      h(
        "div",
        { class: "group" },
        this.lockButton,
        this.endButton,
        h("label", { class: "toggle" }, vim, " Vim"),
        theme,
        this.connectionEl,
      ),
    );
  }

  private buildTabs(): void {
    const panes: [string, string][] = [
      ["problem", "Problem"],
      ["code", "Code"],
      ["console", "Console"],
    ];
    this.mobileTabs.replaceChildren(
      ...panes.map(([pane, label]) => {
        const button = h("button", { "data-pane": pane, class: pane === "code" ? "active" : "" }, label);
        button.addEventListener("click", () => {
          this.workspace.dataset.active = pane;
          for (const b of this.mobileTabs.querySelectorAll("button")) b.classList.toggle("active", b === button);
          if (pane === "code") this.editor.view.requestMeasure();
        });
        return button;
      }),
    );
    this.renderLeftTabs();
  }

  private renderLeftTabs(): void {
    const interviewer = this.you?.role === "interviewer";
    const problemTab = h("button", { class: "active", "data-tab": "problem" }, "Problem");
    const notesTab = h("button", { "data-tab": "notes", id: "notes-tab" }, "Notes");
    const select = (showNotes: boolean) => {
      problemTab.classList.toggle("active", !showNotes);
      notesTab.classList.toggle("active", showNotes);
      this.problemPane.classList.toggle("hidden", showNotes);
      this.notesPane.classList.toggle("hidden", !showNotes);
    };
    problemTab.addEventListener("click", () => select(false));
    notesTab.addEventListener("click", () => select(true));
    this.leftTabs.replaceChildren(problemTab, interviewer ? notesTab : "", this.problemSelect);
    select(false);
  }

  private watchProvider(provider: WebsocketProvider, connected: (connected: boolean) => void): void {
    provider.on("status", ({ status }: { status: string }) => connected(status === "connected"));
    provider.on("connection-close", (event: CloseEvent | null) => {
      if (event && FATAL_CODES.has(event.code)) this.fatal(event.code, event.reason);
    });
  }

  private onEvent(event: ControlEvent): void {
    switch (event.type) {
      case "welcome":
        this.welcome(event.you as Participant, event.room as RoomInfo, event.participants as Participant[]);
        break;
      case "participant_joined":
        this.participants.joined(event.participant as Participant);
        break;
      case "participant_left":
        this.participants.left(event.participantId as string);
        break;
      case "lock_changed":
        if (this.room) this.room.candidateLocked = Boolean(event.candidateLocked);
        this.renderAccess();
        break;
      case "language_changed":
        if (this.room && typeof event.language === "string") {
          this.room.language = event.language;
          this.renderLanguage();
          this.offerStarter(event.by);
        }
        break;
      case "problem_changed":
        if (this.room) this.room.problem = (event.problem as ProblemSummary | null) ?? null;
        this.renderProblem();
        this.offerStarter(event.by);
        break;
      case "room_ended":
        this.fatal(4410, "room_ended");
        break;
      case "run_started":
        this.runInProgress = true;
        this.renderRunButtons();
        this.console.started(String(event.runId), this.participants.nameOf(event.by as string), String(event.mode ?? "run"));
        break;
      case "run_output":
        this.console.output(String(event.runId), String(event.stream), String(event.data ?? ""));
        break;
      case "run_finished":
        this.runInProgress = false;
        this.renderRunButtons();
        this.console.finished(event as unknown as RunFinished);
        break;
      case "error":
        this.console.notice(String(event.message ?? event.code), "error");
        // A refused change puts the pickers back.
        this.renderLanguage();
        this.renderProblem();
        break;
      default:
        break; // pong, and events newer than this page
    }
  }

  private welcome(you: Participant, room: RoomInfo, participants: Participant[]): void {
    const first = this.you === null;
    this.you = you;
    this.room = room;
    this.code.awareness.setLocalStateField("user", { name: you.name, color: PALETTE[this.codeDoc.clientID % PALETTE.length] });
    document.title = `${room.title} · Coderoom`;
    this.titleEl.textContent = room.title;
    this.roleBadge.textContent = you.role === "observer" ? "Spectating" : ROLE_LABELS[you.role];
    this.roleBadge.className = `role-badge role-${you.role}`;
    document.body.dataset.role = you.role;
    const interviewer = you.role === "interviewer";
    this.lockButton.classList.toggle("hidden", !interviewer);
    this.endButton.classList.toggle("hidden", !interviewer);
    this.languageSelect.classList.toggle("hidden", !interviewer);
    this.languageEl.classList.toggle("hidden", interviewer);
    this.runButton.classList.toggle("hidden", you.role === "observer");
    this.console.setCanRun(you.role !== "observer");
    if (first) {
      latestRun(this.roomId, this.token)
        .then((run) => run && this.console.past(run))
        .catch(() => undefined); // the console simply starts empty
      this.renderLeftTabs();
      if (interviewer) this.openNotes();
    }
    this.renderLanguage();
    this.renderProblem();
    this.renderAccess();
    this.participants.reset(you, participants);
  }

  private openNotes(): void {
    const doc = new Y.Doc();
    this.notes = new WebsocketProvider(`${this.origin}/ws/rooms/${encodeURIComponent(this.roomId)}`, "notes", doc, {
      params: this.socketParams,
      disableBc: true,
    });
    this.watchProvider(this.notes, () => undefined);
    const notes = new SharedEditor(this.notesPane, doc.getText("codemirror"), null, { dark: this.dark, label: "Interviewer notes" });
    notes.view.dom.classList.add("notes-editor");
    this.notesPane.prepend(h("p", { class: "muted" }, "Only interviewers see these notes."));
  }

  private renderLanguage(): void {
    if (!this.room) return;
    const language = this.room.language;
    this.languageEl.textContent = LANGUAGE_NAMES[language] ?? language;
    if (!this.languageSelect.querySelector(`option[value="${CSS.escape(language)}"]`)) {
      this.languageSelect.append(h("option", { value: language }, language));
    }
    this.languageSelect.value = language;
    void this.editor.setLanguage(language);
  }

  private renderProblem(): void {
    const problem = this.room?.problem ?? null;
    const interviewer = this.you?.role === "interviewer";
    this.submitButton.classList.toggle("hidden", problem === null || this.you?.role === "observer");
    this.workspace.classList.toggle("has-problem", problem !== null || interviewer);
    this.problemSelect.classList.toggle("hidden", !interviewer || this.catalogue.size === 0);
    this.problemSelect.value = problem?.id ?? "";
    this.problemPane.replaceChildren();
    if (problem === null) {
      this.console.setParams([]);
      append(
        this.problemPane,
        h("p", { class: "muted" }, "No problem is set for this room."),
        interviewer && this.catalogue.size > 0 ? h("p", { class: "muted" }, "Pick one above to give the candidate a statement and tests.") : null,
      );
      return;
    }
    // Shown as text, never as HTML: a statement cannot inject markup into the page.
    const listing = this.catalogue.get(problem.id);
    const params = listing?.params ?? [];
    const names = params.map((p) => p.name);
    this.console.setParams(names);
    const examples = listing?.examples ?? [];
    const signature =
      listing?.function && listing.params
        ? `${listing.function}(${params.map((p) => `${p.name}: ${p.type}`).join(", ")})${listing.returns ? ` → ${listing.returns}` : ""}`
        : "";
    append(
      this.problemPane,
      h("h2", { id: "problem-title" }, listing?.title ?? problem.title),
      signature ? h("p", { class: "signature" }, h("code", {}, signature)) : null,
      h("div", { class: "statement" }, listing?.statement ?? problem.statement ?? ""),
      examples.length > 0
        ? h(
            "section",
            { class: "examples" },
            h("h3", {}, "Examples"),
            ...examples.map((e, i) =>
              h(
                "dl",
                { class: "example", "data-index": i },
                h("dt", {}, "Input"),
                h("dd", {}, h("code", {}, formatArgs(JSON.stringify(e.input), names))),
                h("dt", {}, "Expected"),
                h("dd", {}, h("code", {}, formatJson(JSON.stringify(e.expected)))),
              ),
            ),
          )
        : null,
      listing?.hiddenTests
        ? h("p", { class: "muted" }, `Submit runs these examples and ${listing.hiddenTests} hidden tests; hidden tests show only as a count.`)
        : null,
    );
  }

  /** The code a room of this language (and problem) starts with, when one is known. */
  private starterFor(language: string, problemId: string | undefined): string | undefined {
    const fromProblem = problemId ? this.catalogue.get(problemId)?.starterCode?.[language] : undefined;
    return fromProblem ?? this.languageList.find((l) => l.id === language)?.template;
  }

  /** Whether the code is still empty or exactly some language's template or problem's starter code. */
  private holdsStarter(): boolean {
    const code = normalize(this.codeDoc.getText("codemirror").toString());
    if (code === "") return true;
    const starters = [
      ...this.languageList.map((l) => l.template ?? ""),
      ...[...this.catalogue.values()].flatMap((p) => Object.values(p.starterCode ?? {})),
    ];
    return starters.some((starter) => normalize(starter) === code);
  }

  /**
   * After this interviewer changes the language or the problem, offers the matching starter code,
   * but only while the code is untouched starter code: nobody's work is replaced, and nothing is
   * replaced without a click.
   */
  private offerStarter(by: unknown): void {
    if (!this.room || this.you?.role !== "interviewer" || by !== this.you.id) {
      this.hideStarterOffer();
      return;
    }
    const language = this.room.language;
    const problem = this.room.problem ?? null;
    const starter = this.starterFor(language, problem?.id);
    const code = this.codeDoc.getText("codemirror");
    if (starter === undefined || normalize(starter) === normalize(code.toString()) || !this.holdsStarter()) {
      this.hideStarterOffer();
      return;
    }
    const languageName = LANGUAGE_NAMES[language] ?? language;
    const what = problem && this.catalogue.get(problem.id)?.starterCode?.[language] ? `${problem.title} ${languageName}` : languageName;
    const replace = h("button", { id: "replace-starter", class: "primary" }, `Replace with ${what} starter`);
    replace.addEventListener("click", () => {
      // One transaction: everyone sees one change, and Ctrl/Cmd+Z takes it back.
      this.codeDoc.transact(() => {
        code.delete(0, code.length);
        code.insert(0, starter);
      });
      this.hideStarterOffer();
    });
    const dismiss = h("button", { id: "dismiss-starter", title: "Keep the code as it is" }, "Keep");
    dismiss.addEventListener("click", () => this.hideStarterOffer());
    this.starterOffer.replaceChildren(h("span", {}, `The code is still the starter code.`), replace, dismiss);
    this.starterOffer.classList.remove("hidden");
  }

  private hideStarterOffer(): void {
    this.starterOffer.classList.add("hidden");
    this.starterOffer.replaceChildren();
  }

  private renderAccess(): void {
    if (!this.you || !this.room) return;
    const role = this.you.role;
    const locked = role === "candidate" && this.room.candidateLocked;
    this.editor.setReadOnly(role === "observer" || locked);
    this.lockButton.textContent = this.room.candidateLocked ? "Unlock editing" : "Lock editing";
    this.lockButton.classList.toggle("active", this.room.candidateLocked);
    let message = "";
    if (role === "observer") message = "Spectating: you can watch the code and the runs, but not edit or run.";
    else if (locked) message = "The interviewer has locked the editor; you can read the code and still run it.";
    else if (role === "interviewer" && this.room.candidateLocked) message = "Candidate editing is locked.";
    this.banner.textContent = message;
    this.banner.classList.toggle("hidden", message === "");
    this.banner.dataset.kind = role === "observer" ? "spectating" : locked ? "locked" : "info";
  }

  private renderConnection(): void {
    const connected = this.controlState === "connected" && this.codeConnected;
    const state = this.ended ? "closed" : connected ? "connected" : this.you ? "reconnecting" : "connecting";
    this.connectionEl.dataset.state = state;
    this.connectionEl.title = this.connectionLabel.textContent = { connected: "Connected", reconnecting: "Reconnecting…", connecting: "Connecting…", closed: "Closed" }[state];
    this.renderRunButtons();
  }

  private renderRunButtons(): void {
    const usable = this.controlState === "connected" && !this.runInProgress;
    this.runButton.disabled = !usable;
    this.submitButton.disabled = !usable;
    this.runButton.textContent = this.runInProgress ? "Running…" : "▶ Run";
  }

  private command(command: Record<string, unknown>): void {
    if (!this.control.send(command)) this.console.notice("Not connected: try again in a moment.", "error");
  }

  private run(): void {
    if (this.you?.role === "observer" || this.runInProgress) return;
    const stdin = this.console.stdin();
    this.command(stdin ? { type: "run", stdin } : { type: "run" });
  }

  private submit(): void {
    if (this.you?.role === "observer" || this.runInProgress) return;
    this.command({ type: "submit" });
  }

  private end(): void {
    if (!confirm("End the interview for everyone? Every link of the room stops working.")) return;
    if (!this.control.send({ type: "end" })) {
      endRoom(this.roomId, this.token).catch((e) => this.console.notice(String(e.message ?? e), "error"));
    }
  }

  private startTimer(): void {
    const key = `coderoom.joined.${this.roomId}`;
    const since = Number(sessionStorage.getItem(key)) || Date.now();
    sessionStorage.setItem(key, String(since));
    const tick = () => {
      const seconds = Math.floor((Date.now() - since) / 1000);
      const hours = Math.floor(seconds / 3600);
      const mmss = `${String(Math.floor(seconds / 60) % 60).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
      this.timerEl.textContent = hours > 0 ? `${hours}:${mmss}` : mmss;
    };
    tick();
    window.setInterval(tick, 1000);
  }

  /** Closes the page's sockets for good, without reconnecting: the room is over for this page. */
  leave(): void {
    if (this.left) return;
    this.left = true;
    this.control?.close();
    this.code.destroy();
    this.notes?.destroy();
  }

  private fatal(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.leave();
    this.renderConnection();
    this.editor.setReadOnly(true);
    document.body.append(fatalScreen(code, reason));
  }
}

function normalize(code: string): string {
  return code.replace(/\r\n/g, "\n").trimEnd();
}
