package io.coderoom.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardCriteriaTest {
  @Test
  void theDefaultsAreTheFourUsualCriteria() {
    assertThat(ScorecardCriteria.DEFAULTS.names())
        .containsExactly("Problem solving", "Code quality", "Communication", "Testing");
  }

  @Test
  void aListIsOneToTwelveDistinctTrimmedNames() {
    assertThat(ScorecardCriteria.problem(List.of("Design"))).isEmpty();
    assertThat(ScorecardCriteria.problem(List.of()))
        .hasValueSatisfying(why -> assertThat(why).contains("1 to 12"));
    assertThat(ScorecardCriteria.problem(Collections.nCopies(13, "x"))).isPresent();
    assertThat(ScorecardCriteria.problem(List.of("Design", "design")))
        .hasValueSatisfying(why -> assertThat(why).contains("twice"));
    assertThat(ScorecardCriteria.problem(List.of(" Design"))).isPresent();
    assertThat(ScorecardCriteria.problem(List.of("x".repeat(61)))).isPresent();
    assertThat(ScorecardCriteria.problem(List.of("Tab\there"))).isPresent();
    assertThatThrownBy(() -> new ScorecardCriteria(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRatingIsOneToFour() {
    assertThat(new Rating("Design", 4).rating()).isEqualTo(4);
    assertThatThrownBy(() -> new Rating("Design", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rating("Design", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(RatingScale.LABELS).hasSize(RatingScale.MAX - RatingScale.MIN + 1);
  }

  @Test
  void recommendationsGoByTheirWireNames() {
    for (Recommendation value : Recommendation.values()) {
      assertThat(Recommendation.fromWireName(value.wireName())).contains(value);
    }
    assertThat(Recommendation.fromWireName("maybe")).isEmpty();
  }
}
