package io.coderoom.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The dashboard's query: a team's rooms, filtered, live ones first, then upcoming (soonest first),
 * then past (latest first), and within each phase the viewer's own interviews first. It blocks.
 */
public final class RoomListings {
  private RoomListings() {}

  private static final String SELECT =
      "SELECT r.id, r.title, r.language, r.created_at, r.ended_at, r.candidate_locked,"
          + " r.problem_id, r.problem_version, r.scheduled_at, r.duration_minutes, r.candidate_name,"
          + " r.candidate_email, r.candidate_link_hours, r.password_hash IS NOT NULL AS"
          + " has_password, r.password_version, r.started_at, r.created_by, u.name AS"
          + " interviewer, o.passed, o.total, o.created_at AS outcome_at"
          + " FROM rooms r LEFT JOIN users u ON u.id = r.created_by"
          + " LEFT JOIN LATERAL (SELECT CAST(x.tests->>'passed' AS int) AS passed,"
          + "   CAST(x.tests->>'total' AS int) AS total, x.created_at FROM runs x"
          + "   WHERE x.room_id = r.id AND x.tests IS NOT NULL AND x.mode = 'test'"
          + "   ORDER BY x.created_at DESC, x.id DESC LIMIT 1) o ON true";

  private static final String ORDER =
      " ORDER BY CASE WHEN r.ended_at IS NOT NULL THEN 2 WHEN r.started_at IS NOT NULL THEN 0"
          + " ELSE 1 END,"
          + " (r.created_by IS NOT DISTINCT FROM :viewerId) DESC,"
          + " CASE WHEN r.ended_at IS NULL AND r.started_at IS NULL"
          + "   THEN coalesce(r.scheduled_at, r.created_at) END ASC,"
          + " coalesce(r.ended_at, r.started_at, r.created_at) DESC, r.id";

  public static List<RoomListing> list(Handle h, RoomFilter filter) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE r.team_id = :teamId");
    filter.phase().ifPresent(p -> sql.append(" AND ").append(p.condition));
    filter
        .text()
        .ifPresent(
            t ->
                sql.append(
                    " AND (r.title ILIKE :text ESCAPE '!' OR r.candidate_name ILIKE :text ESCAPE '!' OR r.candidate_email ILIKE :text ESCAPE '!' OR r.problem_id"
                        + " ILIKE :text ESCAPE '!')"));
    filter.interviewerId().ifPresent(i -> sql.append(" AND r.created_by = :interviewerId"));
    filter.language().ifPresent(l -> sql.append(" AND r.language = :language"));
    sql.append(ORDER).append(" LIMIT :limit OFFSET :offset");
    Query query =
        h.createQuery(sql.toString())
            .bind("teamId", filter.teamId())
            .bind("viewerId", filter.viewerId())
            .bind("limit", filter.limit())
            .bind("offset", filter.offset());
    filter.text().ifPresent(t -> query.bind("text", "%" + likeEscaped(t) + "%"));
    filter.interviewerId().ifPresent(i -> query.bind("interviewerId", i));
    filter.language().ifPresent(l -> query.bind("language", l));
    return query.map((rs, ctx) -> listing(rs)).list();
  }

  /** One room as the dashboard lists it, whichever team it belongs to. */
  public static Optional<RoomListing> one(Handle h, String roomId) {
    return h.createQuery(SELECT + " WHERE r.id = :id")
        .bind("id", roomId)
        .map((rs, ctx) -> listing(rs))
        .findOne();
  }

  /** The team a room belongs to and who created it, when a member did. */
  public record Ownership(Optional<String> teamId, Optional<String> createdBy) {}

  public static Optional<Ownership> ownership(Handle h, String roomId) {
    return h.createQuery("SELECT team_id, created_by FROM rooms WHERE id = :id")
        .bind("id", roomId)
        .map(
            (rs, ctx) ->
                new Ownership(
                    Optional.ofNullable(rs.getString("team_id")),
                    Optional.ofNullable(rs.getString("created_by"))))
        .findOne();
  }

  /** Text matched literally: the pattern characters of LIKE lose their meaning ('!' escapes). */
  static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static RoomListing listing(ResultSet rs) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    RoomRecord room =
        new RoomRecord(
            rs.getString("id"),
            rs.getString("title"),
            rs.getString("language"),
            rs.getTimestamp("created_at").toInstant(),
            ended == null ? Optional.empty() : Optional.of(ended.toInstant()),
            rs.getBoolean("candidate_locked"),
            RoomTables.problem(rs));
    int passed = rs.getInt("passed");
    Optional<RoomListing.Outcome> outcome =
        rs.wasNull()
            ? Optional.empty()
            : Optional.of(
                new RoomListing.Outcome(
                    passed, rs.getInt("total"), rs.getTimestamp("outcome_at").toInstant()));
    return new RoomListing(
        room,
        RoomPlans.plan(rs),
        Optional.ofNullable(rs.getString("created_by")),
        Optional.ofNullable(rs.getString("interviewer")),
        outcome);
  }
}
