package io.coderoom.server.store;

import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.problem.ProblemRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * SQL of the room tables: {@code rooms}, {@code room_tokens} and {@code audit_log}. Methods take
 * the caller's handle so several writes share one transaction. Every call blocks.
 */
public final class RoomTables {
  private RoomTables() {}

  public static void insertRoom(Handle handle, RoomRecord room) {
    handle
        .createUpdate(
            "INSERT INTO rooms (id, title, language, created_at, problem_id, problem_version)"
                + " VALUES (:id, :title, :language, :createdAt, :problemId, :problemVersion)")
        .bind("id", room.id())
        .bind("title", room.title())
        .bind("language", room.language())
        .bind("createdAt", Timestamp.from(room.createdAt()))
        .bind("problemId", room.problemId().orElse(null))
        .bind("problemVersion", room.problem().map(ProblemRef::version).orElse(null))
        .execute();
  }

  public static Optional<RoomRecord> findRoom(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT id, title, language, created_at, ended_at, candidate_locked, problem_id,"
                + " problem_version"
                + " FROM rooms"
                + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> room(rs))
        .findOne();
  }

  /** Marks the room ended; false when it already was (or does not exist). */
  public static boolean endRoom(Handle handle, String id, Instant at) {
    return handle
            .createUpdate("UPDATE rooms SET ended_at = :at WHERE id = :id AND ended_at IS NULL")
            .bind("id", id)
            .bind("at", Timestamp.from(at))
            .execute()
        == 1;
  }

  /** Locks or unlocks candidate editing; false when the room is gone or ended. */
  public static boolean setCandidateLocked(Handle handle, String id, boolean locked) {
    return handle
            .createUpdate(
                "UPDATE rooms SET candidate_locked = :locked WHERE id = :id AND ended_at IS NULL")
            .bind("id", id)
            .bind("locked", locked)
            .execute()
        == 1;
  }

  /** Changes the room's language; false when the room is gone or ended. */
  public static boolean setLanguage(Handle handle, String id, String language) {
    return handle
            .createUpdate(
                "UPDATE rooms SET language = :language WHERE id = :id AND ended_at IS NULL")
            .bind("id", id)
            .bind("language", language)
            .execute()
        == 1;
  }

  /** Sets or clears the room's problem; false when the room is gone or ended. */
  public static boolean setProblem(Handle handle, String id, Optional<ProblemRef> problem) {
    return handle
            .createUpdate(
                "UPDATE rooms SET problem_id = :problemId, problem_version = :problemVersion"
                    + " WHERE id = :id AND ended_at IS NULL")
            .bind("id", id)
            .bind("problemId", problem.map(ProblemRef::id).orElse(null))
            .bind("problemVersion", problem.map(ProblemRef::version).orElse(null))
            .execute()
        == 1;
  }

  /** Inserts the first update of a new room's document (its starter code). */
  public static void insertFirstUpdate(Handle handle, DocumentUpdate update) {
    handle
        .createUpdate(
            "INSERT INTO document_updates (room_id, doc, seq, update, author, at)"
                + " VALUES (:roomId, :doc, 1, :update, :author, :at)")
        .bind("roomId", update.roomId())
        .bind("doc", update.doc())
        .bind("update", update.update())
        .bind("author", update.author())
        .bind("at", Timestamp.from(update.at()))
        .execute();
  }

  public static void insertToken(Handle handle, RoomToken token) {
    handle
        .createUpdate(
            "INSERT INTO room_tokens (id, room_id, role, name, issued_at, expires_at)"
                + " VALUES (:id, :roomId, :role, :name, :issuedAt, :expiresAt)")
        .bind("id", token.tokenId())
        .bind("roomId", token.roomId())
        .bind("role", token.role().wireName())
        .bind("name", token.name())
        .bind("issuedAt", Timestamp.from(token.issuedAt()))
        .bind("expiresAt", Timestamp.from(token.expiresAt()))
        .execute();
  }

  public static Optional<TokenRecord> findToken(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT id, room_id, role, name, issued_at, expires_at, revoked_at FROM room_tokens"
                + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> token(rs))
        .findOne();
  }

  public static List<TokenRecord> roomTokens(Handle handle, String roomId) {
    return handle
        .createQuery(
            "SELECT id, room_id, role, name, issued_at, expires_at, revoked_at FROM room_tokens"
                + " WHERE room_id = :roomId ORDER BY issued_at, id")
        .bind("roomId", roomId)
        .map((rs, ctx) -> token(rs))
        .list();
  }

  /**
   * Whether each of these rooms ended and which of its links were revoked, in one query; a room
   * without a row (deleted) is reported ended.
   */
  public static List<RoomRemovals> removals(Handle handle, Collection<String> roomIds) {
    record Row(String roomId, boolean ended, Optional<String> revoked) {}
    Map<String, List<Row>> rows =
        handle
            .createQuery(
                "SELECT r.id, r.ended_at IS NOT NULL AS ended, t.id AS revoked FROM rooms r"
                    + " LEFT JOIN room_tokens t ON t.room_id = r.id AND t.revoked_at IS NOT NULL"
                    + " WHERE r.id = ANY(:ids)")
            .bindArray("ids", String.class, roomIds)
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getString("id"),
                        rs.getBoolean("ended"),
                        Optional.ofNullable(rs.getString("revoked"))))
            .list()
            .stream()
            .collect(Collectors.groupingBy(Row::roomId));
    return roomIds.stream()
        .map(
            roomId -> {
              List<Row> room = rows.get(roomId);
              if (room == null) {
                return RoomRemovals.gone(roomId);
              }
              return new RoomRemovals(
                  roomId,
                  room.getFirst().ended(),
                  room.stream().flatMap(row -> row.revoked().stream()).collect(Collectors.toSet()));
            })
        .toList();
  }

  /** Revokes one token of a room; false when there is no such live token. */
  public static boolean revokeToken(Handle handle, String roomId, String id, Instant at) {
    return handle
            .createUpdate(
                "UPDATE room_tokens SET revoked_at = :at"
                    + " WHERE id = :id AND room_id = :roomId AND revoked_at IS NULL")
            .bind("id", id)
            .bind("roomId", roomId)
            .bind("at", Timestamp.from(at))
            .execute()
        == 1;
  }

  /** Appends to the room's audit log. */
  public static void audit(
      Handle handle, String roomId, String actor, Role role, String action, Map<String, ?> detail) {
    handle
        .createUpdate(
            "INSERT INTO audit_log (room_id, actor, role, action, detail)"
                + " VALUES (:roomId, :actor, :role, :action, CAST(:detail AS jsonb))")
        .bind("roomId", roomId)
        .bind("actor", actor)
        .bind("role", role == null ? null : role.wireName())
        .bind("action", action)
        .bind("detail", StoredText.json(detail))
        .execute();
  }

  private static RoomRecord room(ResultSet rs) throws SQLException {
    return new RoomRecord(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("language"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs, "ended_at"),
        rs.getBoolean("candidate_locked"),
        problem(rs));
  }

  /** The room's or run's problem and version; rows from before versions count as version 1. */
  public static Optional<ProblemRef> problem(ResultSet rs) throws SQLException {
    String id = rs.getString("problem_id");
    if (id == null) {
      return Optional.empty();
    }
    int version = rs.getInt("problem_version");
    return Optional.of(new ProblemRef(id, rs.wasNull() ? 1 : version));
  }

  private static TokenRecord token(ResultSet rs) throws SQLException {
    return new TokenRecord(
        rs.getString("id"),
        rs.getString("room_id"),
        Role.fromWireName(rs.getString("role")).orElseThrow(),
        rs.getString("name"),
        rs.getTimestamp("issued_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        instant(rs, "revoked_at"));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }
}
