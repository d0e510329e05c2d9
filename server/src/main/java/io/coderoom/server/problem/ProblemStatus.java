package io.coderoom.server.problem;

import java.util.Locale;

/**
 * Whether a problem's newest version is the one rooms get ({@link #PUBLISHED}) or a newer draft its
 * team is still working on ({@link #DRAFT}).
 */
public enum ProblemStatus {
  DRAFT,
  PUBLISHED;

  /** The lower-case name used in the database and JSON. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProblemStatus of(String slug) {
    return valueOf(slug.toUpperCase(Locale.ROOT));
  }
}
