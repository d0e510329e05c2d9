import { useState } from "preact/hooks";
import { copyText } from "../app/clipboard";
import { Dialog } from "../ui/Dialog";

/**
 * The interviewer's Invite control: copies a fresh candidate or observer link at any time (links
 * are never stored, so each copy issues a new one; earlier ones keep working).
 */
export function Invite({ roomId, token }: { roomId: string; token: string }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const copy = async (role: "candidate" | "observer") => {
    setStatus("");
    try {
      const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/links`, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json", authorization: "Bearer " + token },
        body: JSON.stringify({ role }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message ?? response.statusText);
      await copyText(body.url);
      setStatus(`A ${role} link is copied. It is valid until ${new Date(body.expiresAt).toLocaleString()}.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      {/* A symbol, not a word: the top bar keeps to one line with six people in the room. */}
      <button
        type="button"
        id="invite"
        class="invite"
        aria-label="Invite someone"
        title="Invite someone: copy a candidate or observer link"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">+</span>
      </button>
      {open ? (
        <Dialog id="invite-dialog" labelledBy="invite-title" describedBy="invite-detail" onCancel={() => setOpen(false)}>
          <h2 id="invite-title">Invite someone</h2>
          <p id="invite-detail" class="muted">
            Each copy is a new link. A candidate edits and runs code; an observer watches.
          </p>
          <div class="dialog-actions invite-actions">
            <button type="button" id="invite-candidate" class="primary" onClick={() => void copy("candidate")}>
              Copy candidate link
            </button>
            <button type="button" id="invite-observer" onClick={() => void copy("observer")}>
              Copy observer link
            </button>
          </div>
          <p id="invite-status" role="status">
            {status}
          </p>
          <div class="dialog-actions">
            <button type="button" autofocus onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
