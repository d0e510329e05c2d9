package io.coderoom.server.problem;

import java.util.Locale;

/** How hard a problem is, as the library filters and labels it. */
public enum ProblemDifficulty {
  EASY,
  MEDIUM,
  HARD;

  /** The lower-case name used in files and JSON. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProblemDifficulty of(String slug) {
    for (ProblemDifficulty difficulty : values()) {
      if (difficulty.slug().equals(slug)) {
        return difficulty;
      }
    }
    throw new IllegalArgumentException("difficulty must be easy, medium or hard, was " + slug);
  }
}
