import "./room.css";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useStore } from "../app/store";
import { ConfirmDialog } from "../ui/Dialog";
import { ChangeNotices } from "./ChangeNotices";
import { ChatDock } from "./ChatDock";
import { Clock } from "./Clock";
import { mayCommand } from "./control";
import { CloseCode } from "./protocol";
import { CodeEditor } from "./CodeEditor";
import { ConsolePane } from "./ConsolePane";
import { FatalScreen } from "./FatalScreen";
import { HintsPanel } from "./HintsPanel";
import { Invite } from "./Invite";
import { JoinGate } from "./JoinGate";
import { roomToken } from "./roomToken";
import { LeftPane } from "./LeftPane";
import { ParticipantChips } from "./ParticipantChips";
import type { Presence } from "./participants";
import { RoomSession } from "./session";
import { Separator, panesAsTabs, useSplitSize } from "./SplitPane";
import { TopBar } from "./TopBar";
import { LANGUAGE_NAMES } from "./languages";
import { welcomed } from "./welcome";
import { Welcome } from "./Welcome";
import { EndedRoom } from "../report/EndedRoom";

/** The interview room at /rooms/:id. */
export default function RoomPage({ id }: { id: string }) {
  const token = useMemo(() => roomToken(id), [id]);
  // The password and the candidate's notice come first; a signed-in member without a link enters.
  return (
    <JoinGate roomId={id} token={token}>
      {(settled) => <Room roomId={id} token={settled} />}
    </JoinGate>
  );
}

type Pane = "problem" | "code" | "console";
const PANES: [Pane, string][] = [
  ["problem", "Problem"],
  ["code", "Code"],
  ["console", "Console"],
];
const LEFT_RANGE: [number, number] = [15, 60];
const CONSOLE_RANGE: [number, number] = [12, 75];

/** The room: top bar, problem and notes, the shared editor, and the run console. */
function Room({ roomId, token }: { roomId: string; token: string }) {
  const session = useMemo(() => new RoomSession(roomId, token), [roomId, token]);
  useEffect(() => () => session.leave(), [session]);
  const state = useStore(session.store);
  const consoleState = useStore(session.console.store);
  const running = consoleState.status.state === "running";
  const [pane, setPane] = useState<Pane>("code");
  const [confirm, setConfirm] = useState<"end" | Presence | null>(null);
  const [vim, setVim] = useState(() => localStorage.getItem("coderoom.vim") === "on");
  // Orientation: the welcome until dismissed, and the language an interviewer is asked to confirm.
  const [welcome, setWelcome] = useState(() => !welcomed(roomId));
  const [pendingLanguage, setPendingLanguage] = useState<string | null>(null);
  const { you, room, fatal } = state;
  const role = you?.role;
  const interviewer = role === "interviewer";
  const problem = room?.problem ?? null;
  const listing = problem ? state.catalogue.get(problem.id) : undefined;
  // Pane sizes, in percent of the workspace; failing tests' details get a taller console, until
  // the person sizes it themselves.
  const workspace = useRef<HTMLElement>(null);
  const tests = consoleState.tests;
  const failing = consoleState.tab === "tests" && tests !== null && tests.passed < tests.total;
  const leftSize = useSplitSize("left", "--left-size", workspace, 30, LEFT_RANGE);
  const consoleSize = useSplitSize("console", "--console-size", workspace, failing ? 55 : 30, CONSOLE_RANGE);

  useEffect(() => {
    document.title = room ? `${room.title} · Coderoom` : "Coderoom";
  }, [room?.title]);
  useEffect(() => {
    if (role) document.body.dataset.role = role;
    return () => void delete document.body.dataset.role;
  }, [role]);
  // On a phone the console is a pane of its own: a run brings it into view.
  useEffect(() => {
    if (running && panesAsTabs()) setPane("console");
  }, [running, consoleState.runId]);

  const readOnly = !you || fatal !== null || role === "observer" || (role === "candidate" && room!.candidateLocked);
  const banner =
    role === "observer"
      ? { kind: "spectating", text: "Spectating: you can watch the code and the runs, but not edit or run." }
      : role === "candidate" && room?.candidateLocked
        ? { kind: "locked", text: "The interviewer has locked the editor; you can read the code and still run it." }
        : interviewer && room?.candidateLocked
          ? { kind: "info", text: "Candidate editing is locked." }
          : null;

  // The interview ended under an interviewer: the room stays theirs to read.
  if (fatal?.code === CloseCode.GONE && interviewer) return <EndedRoom roomId={roomId} token={token} />;

  return (
    <>
      <TopBar
        state={state}
        roomId={roomId}
        clock={
          <Clock
            clock={session.clock}
            controls={state.you ? mayCommand(state.you.role, "clock_start") : false}
            estimateMinutes={state.room?.problem?.timeEstimateMinutes ?? null}
            onCommand={(command) => session.command(command)}
          />
        }
        participants={
          <>
            <ParticipantChips participants={session.participants} canRemove={interviewer} onRemove={(p) => setConfirm(p)} />
            {interviewer ? <Invite roomId={roomId} token={token} /> : null}
          </>
        }
        onRun={() => session.run()}
        onSubmit={() => session.submit()}
        onRunExamples={() => session.runExamples()}
        onStop={() => session.stop()}
        rateLimit={session.rateLimit}
        onLanguage={(language) => void session.chooseLanguage(language, setPendingLanguage)}
        onLock={() => session.command({ type: room?.candidateLocked ? "unlock" : "lock" })}
        onEnd={() => setConfirm("end")}
        vim={vim}
        onVim={(on) => {
          localStorage.setItem("coderoom.vim", on ? "on" : "off");
          setVim(on);
        }}
      />
      <div id="banner" class="banner" role="status" data-kind={banner?.kind} hidden={!banner}>
        {banner?.text}
      </div>
      {welcome && you && room ? (
        <Welcome
          roomId={roomId}
          title={room.title}
          you={you}
          participants={session.participants}
          hasProblem={problem !== null}
          listing={listing}
          onDismiss={() => setWelcome(false)}
        />
      ) : null}
      <ChangeNotices notices={session.notices} />
      <main ref={workspace} class={`workspace ${problem || interviewer ? "has-problem" : ""}`} data-active={pane}>
        <LeftPane
          problem={problem}
          catalogue={state.catalogue}
          interviewer={interviewer}
          notes={state.notes}
          onPickProblem={(problemId) => session.command({ type: "set_problem", problemId })}
          token={token}
          languages={state.languages}
          hints={<HintsPanel hints={session.hints} interviewer={interviewer} onReveal={(command) => session.command(command)} />}
        />
        <Separator id="left-separator" label="Resize the problem pane" controls="left-pane" orientation="vertical" side="before" size={leftSize} range={LEFT_RANGE} container={workspace} />
        <section class="pane center" data-pane="code" id="editor" aria-label="Code" data-language={room?.language}>
          {state.starterOffer ? (
            <div id="starter-offer" class="starter-offer" role="status">
              <span>The code is still the starter code.</span>
              <button type="button" id="replace-starter" class="primary" onClick={() => session.replaceWithStarter()}>
                Replace with {state.starterOffer} starter
              </button>
              <button type="button" id="dismiss-starter" title="Keep the code as it is" onClick={() => session.dismissStarter()}>
                Keep
              </button>
            </div>
          ) : null}
          <CodeEditor
            ytext={session.codeText}
            awareness={session.code.awareness}
            label="Code"
            language={room?.language}
            readOnly={readOnly}
            vim={vim}
            onRun={() => session.run()}
          />
        </section>
        <Separator id="console-separator" label="Resize the console" controls="console" orientation="horizontal" side="after" size={consoleSize} range={CONSOLE_RANGE} container={workspace} />
        <ConsolePane
          console={session.console}
          canRun={role !== undefined && role !== "observer"}
          hasTests={problem !== null}
          params={(listing?.params ?? []).map((p) => p.name)}
          returns={listing?.returns}
          readsStdin={state.readsStdin}
          rateLimit={session.rateLimit}
          submissions={session.submissions}
        />
      </main>
      <nav class="mobile-tabs" aria-label="Panes">
        {PANES.map(([id, label]) => (
          <button type="button" key={id} data-pane={id} class={pane === id ? "active" : ""} aria-pressed={pane === id} onClick={() => setPane(id)}>
            {label}
          </button>
        ))}
      </nav>
      {pendingLanguage ? (
        <ConfirmDialog
          id="language-dialog"
          title={`Switch the language to ${LANGUAGE_NAMES[pendingLanguage] ?? pendingLanguage}?`}
          message="The code is not starter code, so it stays as it is: it will be run as the new language and may no longer compile."
          confirmLabel={`Switch to ${LANGUAGE_NAMES[pendingLanguage] ?? pendingLanguage}`}
          onConfirm={() => {
            session.command({ type: "set_language", language: pendingLanguage });
            setPendingLanguage(null);
          }}
          onCancel={() => setPendingLanguage(null)}
        />
      ) : null}
      {confirm === "end" ? (
        <ConfirmDialog
          id="end-dialog"
          title="End the interview for everyone?"
          message="Every link of the room stops working, and everyone in it sees that the interview has ended."
          confirmLabel="End interview"
          danger
          onConfirm={() => {
            setConfirm(null);
            session.end();
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : confirm ? (
        <ConfirmDialog
          id="remove-dialog"
          title={`Remove ${confirm.name}?`}
          message="Their connections close and their link stops working."
          confirmLabel="Remove"
          danger
          onConfirm={() => {
            session.command({ type: "kick", participantId: confirm.id });
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      {you && !fatal ? <ChatDock chat={session.chat} youId={you.id} onSend={(command) => session.command(command)} /> : null}
      {fatal ? <FatalScreen code={fatal.code} reason={fatal.reason} /> : null}
    </>
  );
}
