package io.coderoom.server.sync;

import io.coderoom.server.auth.Role;
import io.coderoom.server.room.Principal;
import io.coderoom.server.transport.CloseCode;
import java.util.Map;
import java.util.Optional;

/**
 * How many sockets a room takes: in all, per role and per link. The role quotas add up to the
 * room's limit, so observers (or anyone else) can never take the places the interviewers and the
 * candidate need; the link quota stops one link from taking all its role's places. A browser tab
 * opens two sockets (control and code; interviewers also open the notes).
 */
final class SocketQuotas {
  /** Sockets one room may have open at once. */
  static final int ROOM = 64;

  /** Sockets one link (or the API key) may have open at once in a room. */
  static final int PER_LINK = 8;

  /** Sockets each role may have open at once in a room; they add up to {@link #ROOM}. */
  static final Map<Role, Integer> PER_ROLE =
      Map.of(Role.INTERVIEWER, 24, Role.CANDIDATE, 8, Role.OBSERVER, 32);

  /** The close code of a refusal for lack of room (HTTP 429, Too Many Requests). */
  static final CloseCode CLOSE_CODE = CloseCode.TOO_MANY;

  private SocketQuotas() {}

  /** Why the roster takes no further socket of this principal, if it does not. */
  static Optional<String> refusal(Principal principal, Roster roster) {
    Role role = principal.role();
    if (roster.socketCount(principal.actor()) >= PER_LINK) {
      return Optional.of(
          "room_full: This link already has "
              + PER_LINK
              + " connections open in the room; close a tab and try again.");
    }
    if (roster.socketCount(role) >= PER_ROLE.get(role)) {
      return Optional.of(
          "room_full: The room has no more places for " + role.wireName() + "s; try again later.");
    }
    if (roster.socketCount() >= ROOM) {
      return Optional.of("room_full: The room has too many connections; try again later.");
    }
    return Optional.empty();
  }
}
