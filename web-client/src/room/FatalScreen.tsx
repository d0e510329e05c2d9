import { Dialog } from "../ui/Dialog";
import { CloseCode } from "./protocol";

/**
 * What a person sees when the room closes for good for this page (close codes in
 * CONTROL-PROTOCOL.md): what happened and what to do, in words; the code only as a reference.
 */
export function FatalScreen({ code, reason }: { code: number; reason: string }) {
  const { title, detail, reload } = explain(code, reason);
  return (
    <Dialog id="fatal" class="fatal" labelledBy="fatal-title" describedBy="fatal-detail" alert data-code={String(code)} data-reason={reason.split(":")[0]}>
      <h1 id="fatal-title">{title}</h1>
      <p id="fatal-detail">{detail}</p>
      <div class="dialog-actions">
        {reload ? (
          <button type="button" class="primary" autofocus onClick={() => location.reload()}>
            Reload the page
          </button>
        ) : null}
        <a href="/" class={reload ? "" : "button-link"} autofocus={!reload}>
          Go to the start page
        </a>
      </div>
      <p class="muted code">Reference: {code}</p>
    </Dialog>
  );
}

function explain(code: number, reason: string): { title: string; detail: string; reload?: boolean } {
  switch (code) {
    case CloseCode.UNAUTHORIZED:
      if (reason.startsWith("token_missing")) {
        return { title: "This link is incomplete", detail: "Open the whole link you were given, including the part after #." };
      }
      if (reason.startsWith("token_revoked")) return { title: "This link was revoked", detail: "Ask the interviewer for a new link." };
      return { title: "This link has expired or is not valid", detail: "Ask the interviewer for a new link." };
    case CloseCode.FORBIDDEN:
      return reason.startsWith("kicked")
        ? { title: "You were removed from this interview", detail: "The interviewer removed you and this link no longer works." }
        : { title: "This link does not give access here", detail: "Check that you opened the right link, or ask the interviewer for a new one." };
    case CloseCode.NOT_FOUND:
      return { title: "There is no such room", detail: "Check the link; the room may have been deleted." };
    case CloseCode.GONE:
      return { title: "The interview has ended", detail: "Thank you for joining. The room and its links are closed now." };
    default:
      return { title: "The connection was closed", detail: "Your code is kept on the server. Reload the page to join again.", reload: true };
  }
}
