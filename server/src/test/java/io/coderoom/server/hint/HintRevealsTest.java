package io.coderoom.server.hint;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.TestProblems;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HintRevealsTest {
  private static final Problem TWO_SUM = TestProblems.curated("two-sum");

  private static String refusal(HintReveals.Result result) {
    return result instanceof HintReveals.Refused refused ? refused.refusal().code() : "reserved";
  }

  private static HintReveal reveal(int index) {
    return new HintReveal("two-sum", index, Instant.EPOCH, "token:i", "Ada");
  }

  @Test
  void hintsAreRevealedInOrderUntilNoneIsLeft() {
    HintReveals reveals = new HintReveals();
    int total = TWO_SUM.hints().size();
    assertThat(total).isEqualTo(3);
    for (int i = 0; i < total; i++) {
      assertThat(reveals.reserve(Optional.of(TWO_SUM), OptionalInt.of(i)))
          .isEqualTo(new HintReveals.Reserved(i));
      reveals.add(reveal(i));
    }
    assertThat(reveals.of("two-sum")).extracting(HintReveal::index).containsExactly(0, 1, 2);
    assertThat(refusal(reveals.reserve(Optional.of(TWO_SUM), OptionalInt.empty())))
        .isEqualTo("no_hints_left");
  }

  @Test
  void twoInterviewersClickingAtOnceRevealOneHint() {
    HintReveals reveals = new HintReveals();
    assertThat(reveals.reserve(Optional.of(TWO_SUM), OptionalInt.of(0)))
        .isEqualTo(new HintReveals.Reserved(0));
    // The second click was for hint 1 too, while the first is still being stored.
    assertThat(refusal(reveals.reserve(Optional.of(TWO_SUM), OptionalInt.of(0))))
        .isEqualTo("hint_already_revealed");
    assertThat(refusal(reveals.reserve(Optional.of(TWO_SUM), OptionalInt.of(2))))
        .isEqualTo("bad_command");
    // Storing failed: the hint is the next one again.
    reveals.release("two-sum", 0);
    assertThat(reveals.reserve(Optional.of(TWO_SUM), OptionalInt.empty()))
        .isEqualTo(new HintReveals.Reserved(0));
    reveals.add(reveal(0));
    reveals.add(reveal(0));
    assertThat(reveals.of("two-sum")).hasSize(1);
    assertThat(reveals.reserve(Optional.of(TWO_SUM), OptionalInt.empty()))
        .isEqualTo(new HintReveals.Reserved(1));
  }

  @Test
  void withoutAProblemOrWithoutHintsThereIsNothingToReveal() {
    HintReveals reveals = new HintReveals();
    assertThat(refusal(reveals.reserve(Optional.empty(), OptionalInt.empty())))
        .isEqualTo("no_problem");
    Problem bare =
        new Problem(
            "bare",
            1,
            "Bare",
            TWO_SUM.difficulty(),
            TWO_SUM.categories(),
            TWO_SUM.timeEstimateMinutes(),
            TWO_SUM.constraints(),
            java.util.List.of(),
            "",
            "No hints.",
            TWO_SUM.editorial(),
            TWO_SUM.starterCode(),
            TWO_SUM.solutions(),
            TWO_SUM.suite());
    assertThat(refusal(reveals.reserve(Optional.of(bare), OptionalInt.empty())))
        .isEqualTo("no_hints");
  }

  @Test
  void revealsAreKeptPerProblem() {
    HintReveals reveals = new HintReveals();
    reveals.add(reveal(0));
    reveals.add(new HintReveal("reverse-words", 0, Instant.EPOCH, "token:i", "Ada"));
    assertThat(reveals.of("two-sum")).hasSize(1);
    assertThat(reveals.of("reverse-words")).hasSize(1);
    assertThat(reveals.of("other")).isEmpty();
  }
}
