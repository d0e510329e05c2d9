import "./talk.css";
import { useStore } from "../app/store";
import { chatTime } from "./chat";
import type { Hints } from "./hints";
import type { RevealHint } from "./protocol";

/**
 * The problem's hints under its statement: those revealed to the room, how many are used, and for
 * interviewers the next one's text with the button that reveals it to everyone. Hint texts are
 * text nodes, as the statement is.
 */
export function HintsPanel(props: { hints: Hints; interviewer: boolean; onReveal(command: RevealHint): void }) {
  const state = useStore(props.hints.store);
  if (state.total === 0) return null;
  const reveal = props.hints.revealCommand();
  return (
    <section id="hints" class="hints" aria-labelledby="hints-title">
      <h3 id="hints-title">
        Hints <span id="hints-used" class="muted">{props.hints.usage()}</span>
      </h3>
      {state.revealed.length > 0 ? (
        <ol class="hints-revealed">
          {state.revealed.map((hint) => (
            <li key={hint.index} class="hint" data-index={hint.index} value={hint.index + 1}>
              <p class="hint-text">{hint.text}</p>
              <p class="hint-meta muted">
                Revealed by {hint.name} at <time dateTime={hint.at}>{chatTime(hint.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{props.interviewer ? "No hint is revealed yet." : "The interviewer may reveal hints here."}</p>
      )}
      {props.interviewer && reveal ? (
        <div id="hint-next" class="hint-next">
          <p class="hint-next-title">
            Next hint ({reveal.index + 1} of {state.total}), only interviewers see it until it is revealed:
          </p>
          <p class="hint-text">{state.next ?? ""}</p>
          <button type="button" id="reveal-hint" onClick={() => props.onReveal(reveal)}>
            Reveal hint {reveal.index + 1} to everyone
          </button>
        </div>
      ) : null}
    </section>
  );
}
