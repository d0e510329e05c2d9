import { h } from "../dom";
import type { Participant } from "./control";

export const ROLE_LABELS = { interviewer: "Interviewer", candidate: "Candidate", observer: "Observer" } as const;

/** How long someone whose last connection closed stays listed, greyed out, before they are dropped. */
const OFFLINE_MS = 30_000;

/**
 * Who is in the room, with role badges and connection state, kept from the control socket's
 * welcome, participant_joined and participant_left events. A participant is a link with all its
 * connections (every tab, and clients that only edit the code), so two tabs of one link are one
 * entry; they leave when the last of them closes. Interviewers get a remove button, which closes
 * all of them and revokes the link.
 */
export class ParticipantList {
  readonly element = h("ul", { id: "participants", class: "participants", "aria-label": "Participants" });
  private participants = new Map<string, Participant>();
  private readonly offline = new Map<string, Participant>();
  private you: Participant | null = null;

  constructor(private readonly kick: (participant: Participant) => void) {}

  reset(you: Participant, participants: Participant[]): void {
    this.you = you;
    this.participants = new Map(participants.map((p) => [p.id, p]));
    this.offline.clear();
    this.render();
  }

  joined(participant: Participant): void {
    // Someone coming back gets a new id: drop what is left of their last time in the room.
    for (const [id, old] of this.offline) {
      if (old.role === participant.role && old.name === participant.name) this.forget(id);
    }
    this.participants.set(participant.id, participant);
    this.render();
  }

  left(id: string): void {
    // Shown as disconnected for a while: a dropped connection usually comes back in seconds.
    const participant = this.participants.get(id);
    if (!participant || this.offline.has(id)) return;
    this.offline.set(id, participant);
    window.setTimeout(() => this.forget(id), OFFLINE_MS);
    this.render();
  }

  nameOf(id: string | undefined): string {
    if (!id) return "the API";
    return this.participants.get(id)?.name ?? "someone";
  }

  private forget(id: string): void {
    if (!this.offline.delete(id)) return;
    this.participants.delete(id);
    this.render();
  }

  private render(): void {
    const interviewer = this.you?.role === "interviewer";
    // You first, so that two people with the same role and no name (two observer links) can still
    // tell which one they are.
    const ordered = [...this.participants.values()].sort((a, b) => Number(b.id === this.you?.id) - Number(a.id === this.you?.id));
    const items = ordered.map((p) => {
      const you = p.id === this.you?.id;
      const online = !this.offline.has(p.id);
      const roleLabel = ROLE_LABELS[p.role] ?? p.role;
      // Links without a name carry the role as the name: the badge says it once.
      const named = p.name.toLowerCase() !== p.role.toLowerCase();
      const item = h(
        "li",
        {
          class: online ? "participant" : "participant offline",
          "data-role": p.role,
          "data-id": p.id,
          title: `${p.name} (${roleLabel}${you ? ", you" : ""}): ${online ? "connected" : "disconnected"}`,
        },
        h("span", { class: online ? "dot online" : "dot", "aria-hidden": "true" }),
        named ? h("span", { class: "name" }, p.name) : null,
        h("span", { class: `role-badge role-${p.role}` }, roleLabel),
        you ? h("span", { class: "you muted" }, "you") : null,
      );
      if (interviewer && online && p.role !== "interviewer") {
        const kick = h("button", { class: "kick", title: `Remove ${p.name} and revoke their link` }, "✕");
        kick.addEventListener("click", () => {
          if (confirm(`Remove ${p.name}? Their link stops working.`)) this.kick(p);
        });
        item.append(kick);
      }
      return item;
    });
    this.element.replaceChildren(...items);
  }
}
