package io.coderoom.server.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An interviewer's scorecard of a room.
 *
 * @param actor who wrote it: {@code user:<id>} or {@code token:<id>}
 * @param name the name they went by
 * @param ratings one per criterion, in the team's order
 * @param notes free text
 * @param recommendation their recommendation
 * @param submittedAt when it was first submitted
 * @param updatedAt when it was last changed
 */
public record Scorecard(
    String actor,
    String name,
    List<Rating> ratings,
    String notes,
    Recommendation recommendation,
    Instant submittedAt,
    Instant updatedAt) {
  public Scorecard {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(name, "name");
    ratings = List.copyOf(ratings);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
