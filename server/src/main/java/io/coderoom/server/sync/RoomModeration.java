package io.coderoom.server.sync;

import io.coderoom.server.sync.protocol.ModerationCommand;
import io.coderoom.server.sync.protocol.ModerationEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Interviewers steering a live room: the candidates' editing lock, removing a participant (which
 * revokes their link) and ending the interview. Lives on the room's loop.
 */
final class RoomModeration {
  private final RoomContext room;
  private final RoomSettings settings;
  private final RoomPresence presence;
  private boolean candidateLocked;

  RoomModeration(RoomContext room, RoomSettings settings, RoomPresence presence) {
    this.room = room;
    this.settings = settings;
    this.presence = presence;
  }

  /** The room loaded with this lock. */
  void loaded(boolean locked) {
    candidateLocked = locked;
  }

  /** Its part of {@code welcome}: whether candidates may edit. */
  boolean candidateLocked() {
    return candidateLocked;
  }

  void command(Sender from, ModerationCommand command) {
    room.checkLoop();
    switch (command) {
      case ModerationCommand.Lock lock -> setLock(from, true);
      case ModerationCommand.Unlock unlock -> setLock(from, false);
      case ModerationCommand.Kick kick -> kick(from, kick.participantId());
      case ModerationCommand.End end -> end(from);
    }
  }

  private void setLock(Sender from, boolean locked) {
    Participant by = from.participant();
    room.storeThenApply(
        "the editing lock",
        () -> settings.setCandidateLocked(locked, by.principal()),
        changed -> {
          if (changed) {
            candidateLocked = locked;
            room.announce(new ModerationEvent.LockChanged(locked, by.id()));
          }
        });
  }

  private void kick(Sender from, String participantId) {
    Optional<Participant> found = presence.find(participantId);
    if (found.isEmpty()) {
      from.refuse("not_found", "No participant " + participantId + " is in the room.");
      return;
    }
    Participant target = found.get();
    Optional<String> tokenId = target.principal().token().map(token -> token.tokenId());
    if (tokenId.isEmpty()) {
      from.refuse(
          "forbidden", "That participant came in with the API key, which has no link to revoke.");
      return;
    }
    Participant by = from.participant();
    // Removed here, on the loop, before anything else: a reconnect admitted meanwhile is refused
    // when it joins (as the database will refuse it once the revocation is stored), and the room
    // stays loaded until it is.
    presence.remove(target.actor(), CloseReason.KICKED, CloseReason.REVOKED);
    room.audit(
        by.principal(),
        "participant_kicked",
        Map.of("participantId", target.id(), "actor", target.actor()));
    room.storeThenApply(
        "a kick's revocation", () -> settings.revoke(tokenId.get(), by.principal()), revoked -> {});
  }

  private void end(Sender from) {
    room.storeThenApply(
        "the end of the interview",
        () -> settings.end(from.participant().principal()),
        ended -> presence.end());
  }
}
