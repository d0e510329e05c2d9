import { h } from "../dom";

/** The full-screen message shown when a room socket closes for good (close codes in CONTROL-PROTOCOL.md). */
export function fatalScreen(code: number, reason: string): HTMLElement {
  const [title, detail] = explain(code, reason);
  return h(
    "div",
    { class: "fatal", id: "fatal", role: "alertdialog", "aria-modal": "true", "data-code": String(code) },
    h("div", { class: "fatal-box" }, h("h1", {}, title), h("p", {}, detail), h("p", { class: "muted code" }, `${code} ${reason}`.trim())),
  );
}

function explain(code: number, reason: string): [string, string] {
  switch (code) {
    case 4401:
      return reason.startsWith("token_missing")
        ? ["This link is incomplete", "Open the whole link you were given, including the part after #."]
        : reason.startsWith("token_revoked")
          ? ["This link was revoked", "Ask the interviewer for a new link."]
          : ["This link has expired or is not valid", "Ask the interviewer for a new link."];
    case 4403:
      return reason.startsWith("kicked")
        ? ["You were removed from this interview", "The interviewer removed you and this link no longer works."]
        : ["This link does not give access here", "Check that you opened the right link, or ask the interviewer for a new one."];
    case 4404:
      return ["There is no such room", "Check the link; the room may have been deleted."];
    case 4410:
      return ["The interview has ended", "Thank you for joining. The room and its links are closed now."];
    default:
      return ["The connection was closed", "Reload the page to try again."];
  }
}
