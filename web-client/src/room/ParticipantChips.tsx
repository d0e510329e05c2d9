import { useStore } from "../app/store";
import { ROLE_LABELS, type ParticipantList, type Presence } from "./participants";
import { participantClass } from "./remoteCursors";

/**
 * Who is in the room, with role badges and connection state. Interviewers get a remove button,
 * which closes all of that person's connections and revokes their link.
 */
export function ParticipantChips(props: { participants: ParticipantList; canRemove: boolean; onRemove(p: Presence): void }) {
  const { list } = useStore(props.participants.store);
  return (
    <ul id="participants" class="participants" aria-label="Participants">
      {list.map((p) => {
        const roleLabel = ROLE_LABELS[p.role] ?? p.role;
        // Links without a name carry the role as the name: the badge says it once.
        const named = p.name.toLowerCase() !== p.role.toLowerCase();
        return (
          <li
            key={p.id}
            class={p.online ? "participant" : "participant offline"}
            data-role={p.role}
            data-id={p.id}
            title={`${p.name} (${roleLabel}${p.you ? ", you" : ""}): ${p.online ? "connected" : "disconnected"}`}
          >
            <span class={`${p.online ? "dot online" : "dot"} ${participantClass(p.color)}`} aria-hidden="true" />
            {named ? <span class="name">{p.name}</span> : null}
            <span class={`role-badge role-${p.role}`}>{roleLabel}</span>
            {p.you ? <span class="you muted">you</span> : null}
            {!p.online ? <span class="visually-hidden">(disconnected)</span> : null}
            {props.canRemove && p.online && p.role !== "interviewer" ? (
              <button type="button" class="kick icon-button" aria-label={`Remove ${p.name}`} title={`Remove ${p.name} and revoke their link`} onClick={() => props.onRemove(p)}>
                <span aria-hidden="true">✕</span>
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
