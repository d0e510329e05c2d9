package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;

/** What the interviewers chose. */
public sealed interface SetupEvent extends ControlEvent {
  /**
   * @param problem the new problem, or {@code null} for none
   * @param by the participant id of who chose it
   */
  @JsonTypeName("problem_changed")
  record ProblemChanged(@MayBeNull ProblemSummary problem, String by) implements SetupEvent {
    public ProblemChanged(Optional<ProblemSummary> problem, String by) {
      this(problem.orElse(null), by);
    }
  }

  @JsonTypeName("language_changed")
  record LanguageChanged(String language, String by) implements SetupEvent {}
}
