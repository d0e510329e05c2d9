package io.coderoom.server.playback;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in a room, as stored: its code document's updates in log order (one page of them)
 * and the moments around them (runs, chat, hints, clock, joins and leaves, room changes), with a
 * name for everyone who appears in either.
 *
 * @param room the room itself
 * @param authors everyone named by an update or a marker, each once
 * @param markers the room's events in time order
 * @param updates a page of the code document's log, oldest first
 * @param next the sequence number to continue after when the log has more, else empty
 */
public record Timeline(
    Room room,
    List<Author> authors,
    List<Marker> markers,
    List<Update> updates,
    Optional<Long> next) {

  public Timeline {
    authors = List.copyOf(authors);
    markers = List.copyOf(markers);
    updates = List.copyOf(updates);
    Objects.requireNonNull(next, "next");
  }

  /** The room as it is now. */
  public record Room(
      String id,
      String title,
      String language,
      Optional<String> problemId,
      Instant createdAt,
      Optional<Instant> endedAt) {}

  /**
   * Someone who typed or acted.
   *
   * @param actor the audit actor ({@code token:…}, {@code user:…}, {@code api-key}, {@code server})
   * @param name the display name the room showed, else one made from the role
   * @param role {@code interviewer}, {@code candidate}, {@code observer} or {@code server}
   */
  public record Author(String actor, String name, String role) {}

  /**
   * A moment on the scrubber.
   *
   * @param kind {@code run}, a room event's kind ({@code chat_message}, {@code hint_revealed},
   *     {@code clock_started} …) or an audited action ({@code joined}, {@code left}, {@code
   *     language_changed} …)
   * @param detail the kind's own fields
   */
  public record Marker(String kind, Instant at, String actor, JsonNode detail) {}

  /** One stored change to the code document. */
  public record Update(long seq, Instant at, String author, byte[] update) {}
}
