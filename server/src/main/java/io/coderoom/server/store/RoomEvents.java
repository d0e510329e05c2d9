package io.coderoom.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of the {@code room_events} table: the room's chat, hints and clock changes, appended in order
 * and never updated. Every call blocks.
 */
public final class RoomEvents {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Who may ever see an event. */
  public enum Audience {
    EVERYONE,
    INTERVIEWERS;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Audience of(String wireName) {
      return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * An event to store.
   *
   * @param kind what happened ({@code chat}, {@code hint_revealed}, {@code clock_started} …)
   * @param actor the principal's actor ({@code token:…}, {@code api-key})
   * @param name the name the room showed for the actor at the time
   * @param body the event's own fields
   */
  public record NewEvent(
      String kind, String actor, String name, Audience audience, Instant at, JsonNode body) {
    public NewEvent {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(body, "body");
    }
  }

  /** A stored event; {@code id} orders a room's events. */
  public record StoredEvent(
      long id,
      String kind,
      String actor,
      String name,
      Audience audience,
      Instant at,
      JsonNode body) {}

  private final Jdbi jdbi;

  public RoomEvents(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Appends an event; returns it with its id. */
  public StoredEvent append(String roomId, NewEvent event) {
    long id =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO room_events (room_id, at, kind, actor, name, audience, body)"
                            + " VALUES (:room, :at, :kind, :actor, :name, :audience,"
                            + " CAST(:body AS jsonb))")
                    .bind("room", roomId)
                    .bind("at", Timestamp.from(event.at()))
                    .bind("kind", event.kind())
                    .bind("actor", event.actor())
                    .bind("name", event.name())
                    .bind("audience", event.audience().wireName())
                    .bind("body", write(event.body()))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    return new StoredEvent(
        id, event.kind(), event.actor(), event.name(), event.audience(), event.at(), event.body());
  }

  /** The room's events in order; with {@code interviewers} false, only those for everyone. */
  public List<StoredEvent> list(String roomId, boolean interviewers) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, kind, actor, name, audience, at, body::text AS body FROM room_events"
                        + " WHERE room_id = :room AND (:interviewers OR audience = 'everyone')"
                        + " ORDER BY id")
                .bind("room", roomId)
                .bind("interviewers", interviewers)
                .map(
                    (rs, ctx) ->
                        new StoredEvent(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getString("actor"),
                            rs.getString("name"),
                            Audience.of(rs.getString("audience")),
                            rs.getTimestamp("at").toInstant(),
                            read(rs.getString("body"))))
                .list());
  }

  private static String write(JsonNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
