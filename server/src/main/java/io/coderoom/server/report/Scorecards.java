package io.coderoom.server.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.store.StoredText;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of scorecards, of the team's criteria for them, and of a room's archiving (after which its
 * scorecards are final). Every call blocks: run it off the event loops.
 */
public final class Scorecards {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Rating>> RATINGS = new TypeReference<>() {};
  private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final Clock clock;

  public Scorecards(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** What a write of a scorecard came to. */
  public enum Outcome {
    SAVED,
    /** A first submission, but this actor already submitted one: edit it instead. */
    ALREADY_SUBMITTED,
    /** An edit, but this actor has none to edit. */
    NOT_SUBMITTED,
    /** The room is archived: its scorecards are final. */
    ARCHIVED
  }

  /** The room's scorecards, oldest first. */
  public List<Scorecard> forRoom(String roomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT actor, name, ratings::text AS ratings, notes, recommendation,"
                        + " submitted_at, updated_at FROM scorecards WHERE room_id = :room"
                        + " ORDER BY submitted_at, actor")
                .bind("room", roomId)
                .map((rs, ctx) -> scorecard(rs))
                .list());
  }

  /**
   * Submits the actor's first scorecard of a room, or edits the one they submitted ({@code edit}),
   * unless the room is archived. One transaction, the room's row locked, so an archive and a write
   * never cross.
   */
  public Outcome write(
      String roomId,
      String actor,
      String name,
      List<Rating> ratings,
      String notes,
      Recommendation recommendation,
      boolean edit) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return jdbi.inTransaction(
        h -> {
          boolean archived =
              h.createQuery("SELECT archived_at IS NOT NULL FROM rooms WHERE id = :room FOR UPDATE")
                  .bind("room", roomId)
                  .mapTo(Boolean.class)
                  .findOne()
                  .orElse(true);
          if (archived) {
            return Outcome.ARCHIVED;
          }
          String sql =
              edit
                  ? "UPDATE scorecards SET name = :name, ratings = CAST(:ratings AS jsonb),"
                      + " notes = :notes, recommendation = :recommendation, updated_at = :now"
                      + " WHERE room_id = :room AND actor = :actor"
                  : "INSERT INTO scorecards (room_id, actor, name, ratings, notes, recommendation,"
                      + " submitted_at, updated_at) VALUES (:room, :actor, :name,"
                      + " CAST(:ratings AS jsonb), :notes, :recommendation, :now, :now)"
                      + " ON CONFLICT (room_id, actor) DO NOTHING";
          int rows =
              h.createUpdate(sql)
                  .bind("room", roomId)
                  .bind("actor", actor)
                  .bind("name", name)
                  .bind("ratings", StoredText.json(ratings))
                  .bind("notes", notes)
                  .bind("recommendation", recommendation.wireName())
                  .bind("now", Timestamp.from(now))
                  .execute();
          if (rows == 1) {
            return Outcome.SAVED;
          }
          return edit ? Outcome.NOT_SUBMITTED : Outcome.ALREADY_SUBMITTED;
        });
  }

  /** When the room was archived, if it was. */
  public Optional<Instant> archivedAt(String roomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT archived_at FROM rooms WHERE id = :room")
                .bind("room", roomId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .findOne()
                .flatMap(at -> at));
  }

  /**
   * Archives the room: its scorecards are final from now on. Returns when it was archived, now or
   * earlier (archiving twice changes nothing).
   */
  public Instant archive(String roomId, String actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return jdbi.withHandle(
        h -> {
          h.createUpdate(
                  "UPDATE rooms SET archived_at = :now, archived_by = :actor"
                      + " WHERE id = :room AND archived_at IS NULL")
              .bind("room", roomId)
              .bind("actor", actor)
              .bind("now", Timestamp.from(now))
              .execute();
          return h.createQuery("SELECT archived_at FROM rooms WHERE id = :room")
              .bind("room", roomId)
              .mapTo(Timestamp.class)
              .one()
              .toInstant();
        });
  }

  /** The criteria of the team that owns the room; the defaults for a room without a team. */
  public ScorecardCriteria criteriaOfRoom(String roomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT t.scorecard_criteria::text FROM rooms r JOIN teams t ON t.id ="
                        + " r.team_id WHERE r.id = :room")
                .bind("room", roomId)
                .mapTo(String.class)
                .findOne()
                .map(Scorecards::criteria)
                .orElse(ScorecardCriteria.DEFAULTS));
  }

  /** The team's criteria. */
  public ScorecardCriteria criteriaOfTeam(String teamId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT scorecard_criteria::text FROM teams WHERE id = :team")
                .bind("team", teamId)
                .mapTo(String.class)
                .findOne()
                .map(Scorecards::criteria)
                .orElse(ScorecardCriteria.DEFAULTS));
  }

  /** Sets the team's criteria; scorecards written before keep the criteria they were written on. */
  public void setCriteria(String teamId, ScorecardCriteria criteria) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE teams SET scorecard_criteria = CAST(:criteria AS jsonb) WHERE id = :team")
                .bind("team", teamId)
                .bind("criteria", StoredText.json(criteria.names()))
                .execute());
  }

  private static ScorecardCriteria criteria(String json) {
    if (json == null) {
      return ScorecardCriteria.DEFAULTS;
    }
    return new ScorecardCriteria(read(json, NAMES));
  }

  private static Scorecard scorecard(ResultSet rs) throws SQLException {
    return new Scorecard(
        rs.getString("actor"),
        rs.getString("name"),
        read(rs.getString("ratings"), RATINGS),
        rs.getString("notes"),
        Recommendation.fromWireName(rs.getString("recommendation")).orElseThrow(),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
