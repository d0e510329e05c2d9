package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;

/** Interviewers choosing what the interview is about; the code is left as it is. */
public sealed interface SetupCommand extends ControlCommand {
  @Override
  default Permission permission() {
    return Permission.CHOOSE_SETUP;
  }

  /**
   * @param problemId a catalogue id, or {@code null} for none
   */
  @JsonTypeName("set_problem")
  record SetProblem(@MayBeNull String problemId) implements SetupCommand {
    public Optional<String> problem() {
      return Optional.ofNullable(problemId);
    }

    @Override
    public String forbidden() {
      return "Only an interviewer may choose the problem.";
    }
  }

  /**
   * @param language an id of {@code GET /api/languages}
   */
  @JsonTypeName("set_language")
  record SetLanguage(String language) implements SetupCommand {
    @Override
    public String forbidden() {
      return "Only an interviewer may change the language.";
    }
  }
}
