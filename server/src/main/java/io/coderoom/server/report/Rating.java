package io.coderoom.server.report;

import java.util.Objects;

/**
 * One criterion of a scorecard and its rating.
 *
 * @param criterion the criterion as the team named it when the scorecard was written
 * @param rating from {@link RatingScale#MIN} to {@link RatingScale#MAX}
 */
public record Rating(String criterion, int rating) {
  public Rating {
    Objects.requireNonNull(criterion, "criterion");
    if (!RatingScale.holds(rating)) {
      throw new IllegalArgumentException("rating must be 1-4");
    }
  }
}
