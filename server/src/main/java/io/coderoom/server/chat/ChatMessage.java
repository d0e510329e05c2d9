package io.coderoom.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.server.auth.Role;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat message as the room keeps it: stored as a {@code chat_message} room event whose body is
 * {@code {"channel", "text", "role"}}, with the author's actor and name at the time in the event's
 * own columns.
 *
 * @param id the stored event's id, which orders a room's messages
 * @param actor the author's link ({@code token:…}), which finds them in the room again after a
 *     reload
 * @param name the author's name when they wrote it
 * @param role the author's role then
 */
public record ChatMessage(
    long id, ChatChannel channel, String text, String actor, String name, Role role, Instant at) {
  /** The room event kind (playback and the report read it). */
  public static final String KIND = "chat_message";

  public ChatMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(at, "at");
  }

  /** The stored event's body. */
  public static JsonNode body(ChatChannel channel, String text, Role role) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("channel", channel.wireName());
    body.put("text", text);
    body.put("role", role.wireName());
    return body;
  }

  /** The message a stored event holds; empty for another kind or a body it cannot read. */
  public static Optional<ChatMessage> of(StoredEvent event) {
    if (!KIND.equals(event.kind())) {
      return Optional.empty();
    }
    JsonNode body = event.body();
    Optional<ChatChannel> channel = ChatChannel.fromWireName(body.path("channel").asText(""));
    if (channel.isEmpty() || !body.path("text").isTextual()) {
      return Optional.empty();
    }
    // Before roles were stored with messages, the interviewers' channel was interviewers' only.
    Role role =
        Role.fromWireName(body.path("role").asText(""))
            .orElse(channel.get() == ChatChannel.INTERVIEWERS ? Role.INTERVIEWER : Role.CANDIDATE);
    return Optional.of(
        new ChatMessage(
            event.id(),
            channel.get(),
            body.path("text").asText(),
            event.actor(),
            event.name(),
            role,
            event.at()));
  }
}
