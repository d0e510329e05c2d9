import "./orientation.css";
import type { ProblemListing } from "../api";
import { useStore } from "../app/store";
import type { Participant } from "./control";
import { ROLE_LABELS, type ParticipantList, type Presence } from "./participants";
import { examplesDescription, runDescription, submitDescription } from "./runControls";
import { rememberWelcomed } from "./welcome";

/**
 * The welcome on a first join: who is here, what Run and Submit do in this room, and how the
 * keyboard leaves the editor. It is a panel above the workspace, not a modal: it takes no focus
 * and blocks nothing, so an observer watching a run is not held up by it. "Got it", or Escape
 * inside it, dismisses it for good in this browser (welcome.ts).
 */
export function Welcome(props: {
  roomId: string;
  title: string;
  you: Participant;
  participants: ParticipantList;
  hasProblem: boolean;
  listing: ProblemListing | undefined;
  onDismiss(): void;
}) {
  const { list } = useStore(props.participants.store);
  const runs = props.you.role !== "observer";
  const dismiss = () => {
    rememberWelcomed(props.roomId);
    props.onDismiss();
    // The keyboard goes on where the work is, not back to the top of the page.
    document.querySelector<HTMLElement>("#editor .cm-content")?.focus();
  };
  return (
    <section
      id="welcome"
      class="welcome"
      aria-labelledby="welcome-title"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          dismiss();
        }
      }}
    >
      <h2 id="welcome-title">Welcome to {props.title}</h2>
      <p id="welcome-people">Here now: {list.filter((p) => p.online).map(describe).join(", ")}.</p>
      {/* An observer's banner already says what spectating allows: their welcome does not repeat it. */}
      <ul class="welcome-points" hidden={!runs && !props.hasProblem}>
        {runs ? (
          <li id="welcome-run">
            <strong>▶ Run</strong> (Ctrl/Cmd+Enter): {runDescription(props.hasProblem)}
          </li>
        ) : null}
        {props.hasProblem && runs ? (
          <li id="welcome-examples">
            <strong>Run examples</strong>: {examplesDescription(props.listing)}
          </li>
        ) : null}
        {props.hasProblem ? (
          <li id="welcome-submit">
            <strong>Submit</strong>: {submitDescription(props.listing)}
            {runs ? "" : " Only the interviewer and the candidate can submit."}
          </li>
        ) : null}
        {runs ? (
          <li id="welcome-keys">
            In the editor, Tab indents and Shift+Tab dedents; to leave the editor with the keyboard, press Esc, then Tab.
          </li>
        ) : null}
      </ul>
      <button type="button" id="welcome-dismiss" class="primary" onClick={dismiss}>
        Got it
      </button>
    </section>
  );
}

/** "You (Candidate)", "Ada (Interviewer)", or just "Observer" when the name is the role's. */
function describe(p: Presence): string {
  const role = ROLE_LABELS[p.role];
  if (p.you) return `you (${role})`;
  return p.name === role ? p.name : `${p.name} (${role})`;
}
