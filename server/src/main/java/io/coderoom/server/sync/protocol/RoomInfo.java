package io.coderoom.server.sync.protocol;

import java.util.Optional;

/** The room as {@code welcome} describes it. */
public record RoomInfo(
    String id,
    String title,
    String language,
    boolean candidateLocked,
    @MayBeNull ProblemSummary problem) {
  public RoomInfo(
      String id,
      String title,
      String language,
      boolean candidateLocked,
      Optional<ProblemSummary> problem) {
    this(id, title, language, candidateLocked, problem.orElse(null));
  }
}
