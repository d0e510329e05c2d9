package io.coderoom.server.store;

import java.util.Set;

/**
 * What PostgreSQL says of a room that its live sockets must feel: whether it ended (a deleted room
 * has ended too), and which of its links were revoked.
 *
 * @param roomId the room
 * @param ended whether the interview ended or the room is gone
 * @param revokedLinks the token ids of its revoked links
 */
public record RoomRemovals(String roomId, boolean ended, Set<String> revokedLinks) {
  public RoomRemovals {
    revokedLinks = Set.copyOf(revokedLinks);
  }

  /** A room that has no row any more: deleted, so ended for whoever is still in it. */
  public static RoomRemovals gone(String roomId) {
    return new RoomRemovals(roomId, true, Set.of());
  }
}
