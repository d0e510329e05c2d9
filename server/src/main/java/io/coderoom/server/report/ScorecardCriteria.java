package io.coderoom.server.report;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The criteria a team's scorecards rate, in order. */
public record ScorecardCriteria(List<String> names) {
  public static final int MAX_CRITERIA = 12;
  public static final int MAX_NAME = 60;

  /** What a team rates until an owner or admin changes it. */
  public static final ScorecardCriteria DEFAULTS =
      new ScorecardCriteria(List.of("Problem solving", "Code quality", "Communication", "Testing"));

  public ScorecardCriteria {
    names = List.copyOf(names);
    problem(names)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(why);
            });
  }

  /**
   * What is wrong with a list of criteria, in a sentence a person can act on; empty when it is a
   * good list: 1 to 12 names, each 1 to 60 characters once trimmed, none repeated.
   */
  public static Optional<String> problem(List<String> names) {
    if (names.isEmpty() || names.size() > MAX_CRITERIA) {
      return Optional.of("A scorecard has from 1 to " + MAX_CRITERIA + " criteria.");
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.isBlank() || !name.strip().equals(name) || name.length() > MAX_NAME) {
        return Optional.of(
            "Each criterion is a name of 1 to " + MAX_NAME + " characters without outer spaces.");
      }
      if (name.chars().anyMatch(Character::isISOControl)) {
        return Optional.of("A criterion's name has no control characters.");
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        return Optional.of("The criterion '" + name + "' is listed twice.");
      }
    }
    return Optional.empty();
  }
}
