package io.coderoom.server.report;

import java.util.List;

/**
 * The rating a scorecard gives each criterion: 1 to 4 with a label each. An even number of steps
 * leaves no middle to hide in, as the recommendation has none.
 */
public final class RatingScale {
  public static final int MIN = 1;
  public static final int MAX = 4;

  /** The labels of 1 to 4, in order. */
  public static final List<String> LABELS = List.of("Weak", "Mixed", "Good", "Excellent");

  private RatingScale() {}

  public static boolean holds(int rating) {
    return rating >= MIN && rating <= MAX;
  }
}
