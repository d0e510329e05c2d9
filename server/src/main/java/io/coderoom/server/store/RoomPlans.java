package io.coderoom.server.store;

import io.coderoom.server.problem.ProblemRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * SQL of what is planned and agreed for a room: its schedule, candidate and password (columns of
 * {@code rooms}), links exchanged for the password, candidates' consent, and the tombstones of
 * deleted rooms. Methods take the caller's handle so several writes share one transaction.
 */
public final class RoomPlans {
  private RoomPlans() {}

  /** Stores a new room's plan and password (its stored form), in the creating transaction. */
  public static void setPlan(
      Handle h, String roomId, RoomPlan plan, Optional<String> passwordHash) {
    h.createUpdate(
            "UPDATE rooms SET scheduled_at = :scheduledAt, duration_minutes = :duration,"
                + " candidate_name = :candidateName, candidate_email = :candidateEmail,"
                + " candidate_link_hours = :linkHours, password_hash = :passwordHash,"
                + " password_version = :passwordVersion WHERE id = :id")
        .bind("id", roomId)
        .bind("scheduledAt", plan.scheduledAt().map(Timestamp::from).orElse(null))
        .bind("duration", plan.durationMinutes().orElse(null))
        .bind("candidateName", plan.candidateName().orElse(null))
        .bind("candidateEmail", plan.candidateEmail().orElse(null))
        .bind("linkHours", plan.candidateLinkHours().orElse(null))
        .bind("passwordHash", passwordHash.orElse(null))
        .bind("passwordVersion", passwordHash.isPresent() ? 1 : 0)
        .execute();
  }

  public static Optional<RoomPlan> find(Handle h, String roomId) {
    return h.createQuery(
            "SELECT scheduled_at, duration_minutes, candidate_name, candidate_email,"
                + " candidate_link_hours, password_hash IS NOT NULL AS has_password,"
                + " password_version, started_at FROM rooms WHERE id = :id")
        .bind("id", roomId)
        .map((rs, ctx) -> plan(rs))
        .findOne();
  }

  static RoomPlan plan(ResultSet rs) throws SQLException {
    return new RoomPlan(
        instant(rs, "scheduled_at"),
        integer(rs, "duration_minutes"),
        Optional.ofNullable(rs.getString("candidate_name")),
        Optional.ofNullable(rs.getString("candidate_email")),
        integer(rs, "candidate_link_hours"),
        rs.getBoolean("has_password"),
        rs.getInt("password_version"),
        instant(rs, "started_at"));
  }

  /** The stored form of the room's password, if it has one. */
  public static Optional<String> passwordHash(Handle h, String roomId) {
    return h.createQuery("SELECT password_hash FROM rooms WHERE id = :id")
        .bind("id", roomId)
        .mapTo(String.class)
        .findOne()
        .flatMap(Optional::ofNullable);
  }

  /**
   * Applies a change to a room that has neither started nor ended; false when it has (or is gone).
   * The row is locked first, so a candidate joining meanwhile either comes before (no change) or
   * after.
   */
  public static boolean change(Handle h, String roomId, PlanChange change) {
    boolean open =
        h.createQuery(
                "SELECT 1 FROM rooms WHERE id = :id AND started_at IS NULL AND ended_at IS NULL"
                    + " FOR UPDATE")
            .bind("id", roomId)
            .mapTo(Integer.class)
            .findOne()
            .isPresent();
    if (!open) {
      return false;
    }
    List<String> sets = new ArrayList<>();
    change.title().ifPresent(v -> sets.add("title = :title"));
    change.language().ifPresent(v -> sets.add("language = :language"));
    change
        .problem()
        .ifPresent(
            v -> {
              sets.add("problem_id = :problemId");
              sets.add("problem_version = :problemVersion");
            });
    change.scheduledAt().ifPresent(v -> sets.add("scheduled_at = :scheduledAt"));
    change.durationMinutes().ifPresent(v -> sets.add("duration_minutes = :duration"));
    change.candidateName().ifPresent(v -> sets.add("candidate_name = :candidateName"));
    change.candidateEmail().ifPresent(v -> sets.add("candidate_email = :candidateEmail"));
    change.candidateLinkHours().ifPresent(v -> sets.add("candidate_link_hours = :linkHours"));
    change
        .passwordHash()
        .ifPresent(
            v -> {
              sets.add("password_hash = :passwordHash");
              sets.add("password_version = password_version + 1");
            });
    if (sets.isEmpty()) {
      return true;
    }
    Update update =
        h.createUpdate("UPDATE rooms SET " + String.join(", ", sets) + " WHERE id = :id")
            .bind("id", roomId);
    change.title().ifPresent(v -> update.bind("title", v));
    change.language().ifPresent(v -> update.bind("language", v));
    change
        .problem()
        .ifPresent(
            v ->
                update
                    .bind("problemId", v.map(ProblemRef::id).orElse(null))
                    .bind("problemVersion", v.map(ProblemRef::version).orElse(null)));
    change
        .scheduledAt()
        .ifPresent(v -> update.bind("scheduledAt", v.map(Timestamp::from).orElse(null)));
    change.durationMinutes().ifPresent(v -> update.bind("duration", v.orElse(null)));
    change.candidateName().ifPresent(v -> update.bind("candidateName", v.orElse(null)));
    change.candidateEmail().ifPresent(v -> update.bind("candidateEmail", v.orElse(null)));
    change.candidateLinkHours().ifPresent(v -> update.bind("linkHours", v.orElse(null)));
    change.passwordHash().ifPresent(v -> update.bind("passwordHash", v.orElse(null)));
    update.execute();
    return true;
  }

  /** Records the first time a candidate joined; later calls change nothing. */
  public static void markStarted(Handle h, String roomId, Instant at) {
    h.createUpdate(
            "UPDATE rooms SET started_at = :at"
                + " WHERE id = :id AND started_at IS NULL AND ended_at IS NULL")
        .bind("id", roomId)
        .bind("at", Timestamp.from(at))
        .execute();
  }

  /** Marks a just-inserted token as exchanged for another link plus the current password. */
  public static void markExchanged(
      Handle h, String tokenId, String exchangedFrom, int passwordVersion) {
    h.createUpdate(
            "UPDATE room_tokens SET exchanged_from = :from, password_version = :version"
                + " WHERE id = :id")
        .bind("id", tokenId)
        .bind("from", exchangedFrom)
        .bind("version", passwordVersion)
        .execute();
  }

  /**
   * Whether the token may enter the room as far as its password goes: the room has none, or the
   * token was exchanged for the current one.
   */
  public static boolean passesPassword(Handle h, String roomId, String tokenId) {
    return h.createQuery(
            "SELECT r.password_hash IS NULL OR t.password_version = r.password_version"
                + " FROM rooms r LEFT JOIN room_tokens t ON t.id = :tokenId AND t.room_id = r.id"
                + " WHERE r.id = :roomId")
        .bind("roomId", roomId)
        .bind("tokenId", tokenId)
        .mapTo(Boolean.class)
        .findOne()
        .orElse(false);
  }

  /** The link a token stands for: the one it was exchanged for, or itself. */
  public static String originalLink(Handle h, String tokenId) {
    return h.createQuery("SELECT coalesce(exchanged_from, id) FROM room_tokens WHERE id = :id")
        .bind("id", tokenId)
        .mapTo(String.class)
        .findOne()
        .orElse(tokenId);
  }

  /** Revokes every live candidate link of the room; the ids of those revoked. */
  public static List<String> revokeCandidateLinks(Handle h, String roomId, Instant at) {
    return h.createQuery(
            "UPDATE room_tokens SET revoked_at = :at"
                + " WHERE room_id = :roomId AND role = 'candidate' AND revoked_at IS NULL"
                + " RETURNING id")
        .bind("roomId", roomId)
        .bind("at", Timestamp.from(at))
        .mapTo(String.class)
        .list();
  }

  /** Revokes the live links exchanged for this one; the ids of those revoked. */
  public static List<String> revokeExchanged(Handle h, String roomId, String tokenId, Instant at) {
    return h.createQuery(
            "UPDATE room_tokens SET revoked_at = :at"
                + " WHERE room_id = :roomId AND exchanged_from = :tokenId AND revoked_at IS NULL"
                + " RETURNING id")
        .bind("roomId", roomId)
        .bind("tokenId", tokenId)
        .bind("at", Timestamp.from(at))
        .mapTo(String.class)
        .list();
  }

  /** Records a candidate's consent for a link; true when it was not recorded before. */
  public static boolean consent(
      Handle h, String roomId, String linkId, Instant at, int retentionDays) {
    return h.createUpdate(
                "INSERT INTO room_consents (token_id, room_id, consented_at, retention_days)"
                    + " VALUES (:tokenId, :roomId, :at, :days) ON CONFLICT (token_id) DO NOTHING")
            .bind("tokenId", linkId)
            .bind("roomId", roomId)
            .bind("at", Timestamp.from(at))
            .bind("days", retentionDays)
            .execute()
        == 1;
  }

  /** When the candidate of this link consented, if they did. */
  public static Optional<Instant> consentedAt(Handle h, String linkId) {
    return h.createQuery("SELECT consented_at FROM room_consents WHERE token_id = :id")
        .bind("id", linkId)
        .mapTo(Timestamp.class)
        .findOne()
        .map(Timestamp::toInstant);
  }

  /** The tables holding a room's data, children first; all of it goes when the room is deleted. */
  private static final List<String> ROOM_TABLES =
      List.of(
          "document_updates",
          "document_snapshots",
          "runs",
          "room_consents",
          "audit_log",
          "room_tokens");

  /**
   * Erases a room and everything stored with it, leaving a tombstone that says when and by whom.
   * False when there is no such room.
   */
  public static boolean erase(Handle h, String roomId, String deletedBy, Instant at) {
    int tombstones =
        h.createUpdate(
                "INSERT INTO room_tombstones"
                    + " (room_id, team_id, created_by, created_at, deleted_at, deleted_by)"
                    + " SELECT id, team_id, created_by, created_at, :at, :by FROM rooms"
                    + " WHERE id = :id")
            .bind("id", roomId)
            .bind("at", Timestamp.from(at))
            .bind("by", deletedBy)
            .execute();
    if (tombstones == 0) {
      return false;
    }
    for (String table : ROOM_TABLES) {
      h.createUpdate("DELETE FROM " + table + " WHERE room_id = :id").bind("id", roomId).execute();
    }
    h.createUpdate("DELETE FROM rooms WHERE id = :id").bind("id", roomId).execute();
    return true;
  }

  /** Records which team owns a new room and which member created it. */
  public static void setOwner(
      Handle h, String roomId, Optional<String> teamId, Optional<String> createdBy) {
    h.createUpdate("UPDATE rooms SET team_id = :teamId, created_by = :createdBy WHERE id = :id")
        .bind("id", roomId)
        .bind("teamId", teamId.orElse(null))
        .bind("createdBy", createdBy.orElse(null))
        .execute();
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  private static Optional<Integer> integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
