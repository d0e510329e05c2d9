import { Store } from "../app/store";
import type { Participant } from "./control";

export const ROLE_LABELS = { interviewer: "Interviewer", candidate: "Candidate", observer: "Observer" } as const;

/** How long someone whose last connection closed stays listed, greyed out, before they are dropped. */
const OFFLINE_MS = 30_000;

export interface Presence extends Participant {
  online: boolean;
  you: boolean;
}

/**
 * Who is in the room, kept from the control socket's welcome, participant_joined and
 * participant_left events. A participant is a link with all its connections (every tab, and
 * clients that only edit the code), so two tabs of one link are one entry; they leave when the
 * last of them closes. The list puts you first, so that two people with the same role and no
 * name (two observer links) can still tell which one they are.
 */
export class ParticipantList {
  readonly store = new Store<{ list: Presence[] }>({ list: [] });
  private participants = new Map<string, Participant>();
  private readonly offline = new Map<string, number>();
  private you: Participant | null = null;

  reset(you: Participant, participants: Participant[]): void {
    this.you = you;
    this.participants = new Map(participants.map((p) => [p.id, p]));
    this.offline.forEach((timer) => clearTimeout(timer));
    this.offline.clear();
    this.publish();
  }

  joined(participant: Participant): void {
    // Someone coming back gets a new id: drop what is left of their last time in the room.
    for (const id of this.offline.keys()) {
      const old = this.participants.get(id);
      if (old && old.role === participant.role && old.name === participant.name) this.forget(id);
    }
    this.participants.set(participant.id, participant);
    this.publish();
  }

  left(id: string): void {
    // Shown as disconnected for a while: a dropped connection usually comes back in seconds.
    if (!this.participants.has(id) || this.offline.has(id)) return;
    this.offline.set(id, window.setTimeout(() => this.forget(id), OFFLINE_MS));
    this.publish();
  }

  nameOf(id: string | undefined): string {
    if (!id) return "the API";
    if (id === this.you?.id) return "you";
    return this.participants.get(id)?.name ?? "someone";
  }

  /** Stops the timers of people shown as gone. */
  dispose(): void {
    this.offline.forEach((timer) => clearTimeout(timer));
  }

  private forget(id: string): void {
    if (!this.offline.has(id)) return;
    clearTimeout(this.offline.get(id));
    this.offline.delete(id);
    this.participants.delete(id);
    this.publish();
  }

  private publish(): void {
    const youId = this.you?.id;
    const list = [...this.participants.values()]
      .map((p) => ({ ...p, online: !this.offline.has(p.id), you: p.id === youId }))
      .sort((a, b) => Number(b.you) - Number(a.you));
    this.store.update({ list });
  }
}
