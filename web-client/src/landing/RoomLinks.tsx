import { useEffect, useState } from "preact/hooks";
import type { CreatedRoom, IssuedLink } from "../api";
import { copyText } from "../app/clipboard";

const ROLE_LABELS: Record<string, string> = {
  interviewer: "Interviewer (you)",
  candidate: "Candidate",
  observer: "Observer",
};

/** A new room's links, one per role, each with a Copy button. */
export function RoomLinks({ room }: { room: CreatedRoom }) {
  const roles = ["interviewer", "candidate", "observer"].filter((role) => room.links[role]);
  return (
    <>
      <h2>Room “{room.title}”</h2>
      <p class="muted">Links are shown once: copy them now. Anyone with a link joins with its role.</p>
      {roles.map((role) => (
        <LinkRow key={role} role={role} link={room.links[role]} />
      ))}
      <p>
        <a class="primary open-room" href={room.links.interviewer.url}>
          Open the room as interviewer
        </a>
      </p>
    </>
  );
}

function LinkRow({ role, link }: { role: string; link: IssuedLink }) {
  const [copyLabel, setCopyLabel] = useState("Copy");
  useEffect(() => {
    if (copyLabel === "Copy") return;
    const timer = setTimeout(() => setCopyLabel("Copy"), 2000);
    return () => clearTimeout(timer);
  }, [copyLabel]);
  const label = ROLE_LABELS[role] ?? role;
  return (
    <div class="link-row">
      <span class={`role-badge role-${role}`}>{label}</span>
      <input type="text" readOnly class="link-url" data-role={role} value={link.url} aria-label={`${label} link`} />
      <button
        type="button"
        class="copy"
        data-role={role}
        aria-label={`Copy the ${label.toLowerCase()} link`}
        onClick={() => copyText(link.url).then(() => setCopyLabel("Copied"), () => setCopyLabel("Select and copy"))}
      >
        {copyLabel}
      </button>
      <span class="muted">until {new Date(link.expiresAt).toLocaleString()}</span>
    </div>
  );
}
