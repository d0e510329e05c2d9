package io.coderoom.server.report;

import java.util.Locale;
import java.util.Optional;

/** What an interviewer recommends after the interview, from strong no to strong yes. */
public enum Recommendation {
  STRONG_NO("Strong no"),
  NO("No"),
  YES("Yes"),
  STRONG_YES("Strong yes");

  private final String label;

  Recommendation(String label) {
    this.label = label;
  }

  /** {@code strong_no}, {@code no}, {@code yes}, {@code strong_yes}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<Recommendation> fromWireName(String name) {
    for (Recommendation value : values()) {
      if (value.wireName().equals(name)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
