package io.coderoom.server.hint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One hint revealed to a room: stored as a {@code hint_revealed} room event with body {@code
 * {"problemId", "index"}} (0-based), the interviewer's actor and name in the event's columns.
 */
public record HintReveal(String problemId, int index, Instant at, String actor, String name) {
  /** The room event kind (playback and the report read it). */
  public static final String KIND = "hint_revealed";

  public HintReveal {
    Objects.requireNonNull(problemId, "problemId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(name, "name");
  }

  public static JsonNode body(String problemId, int index) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("problemId", problemId);
    body.put("index", index);
    return body;
  }

  /** The reveal a stored event holds; empty for another kind or a body it cannot read. */
  public static Optional<HintReveal> of(StoredEvent event) {
    JsonNode body = event.body();
    if (!KIND.equals(event.kind())
        || !body.path("problemId").isTextual()
        || !body.path("index").canConvertToInt()
        || body.path("index").asInt() < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new HintReveal(
            body.path("problemId").asText(),
            body.path("index").asInt(),
            event.at(),
            event.actor(),
            event.name()));
  }
}
