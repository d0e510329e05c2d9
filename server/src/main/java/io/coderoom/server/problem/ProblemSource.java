package io.coderoom.server.problem;

import java.util.Locale;
import java.util.Optional;

/** Where a problem of the library comes from: shipped with the server, or written by a team. */
public enum ProblemSource {
  CURATED,
  TEAM;

  /** The lower-case name used in URLs and JSON. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProblemSource> of(String slug) {
    for (ProblemSource source : values()) {
      if (source.slug().equals(slug)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }
}
