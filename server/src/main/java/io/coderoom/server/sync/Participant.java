package io.coderoom.server.sync;

import io.coderoom.server.auth.Role;
import io.coderoom.server.room.Principal;
import io.coderoom.server.sync.protocol.WireParticipant;
import java.time.Instant;

/**
 * Someone in a room: one link (or the API key) with every socket opened with it, so two tabs of one
 * link are one participant. They join when their first socket opens and leave when their last one
 * closes.
 *
 * @param id random id the room's events and the kick command use; a participant who leaves and
 *     comes back gets a new one
 * @param principal who they are (role, and the link they came with)
 * @param name the name shown to the others (see {@link DisplayName})
 * @param color the index of their colour in {@link ParticipantColors#PALETTE}, the same for their
 *     chip and every cursor of theirs, kept while they stay
 * @param joinedAt when their first socket opened
 */
record Participant(String id, Principal principal, String name, int color, Instant joinedAt) {
  Role role() {
    return principal.role();
  }

  String actor() {
    return principal.actor();
  }

  /** As clients see it. */
  WireParticipant wire() {
    return new WireParticipant(id, role(), name, color, joinedAt.toString());
  }
}
