package io.coderoom.server.report;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The names a room's actors go by, for records that keep only the actor (runs): each link's name
 * ({@code token:<id>}) and each member's of the room's team ({@code user:<id>}). Blocks.
 */
public final class ActorNames {
  private final Jdbi jdbi;

  public ActorNames(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Actor to name, for those that have a name. */
  public Map<String, String> forRoom(String roomId) {
    Map<String, String> names = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT 'token:' || id, name FROM room_tokens WHERE room_id = :room"
                        + " AND name <> ''"
                        + " UNION ALL SELECT 'user:' || u.id, u.name FROM users u"
                        + " JOIN team_members m ON m.user_id = u.id"
                        + " JOIN rooms r ON r.team_id = m.team_id WHERE r.id = :room")
                .bind("room", roomId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(entry -> names.put(entry.getKey(), entry.getValue())));
    return names;
  }
}
