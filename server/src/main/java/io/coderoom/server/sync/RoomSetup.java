package io.coderoom.server.sync;

import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.Problems;
import io.coderoom.server.sync.protocol.ProblemSummary;
import io.coderoom.server.sync.protocol.SetupCommand;
import io.coderoom.server.sync.protocol.SetupEvent;
import java.util.Optional;

/**
 * What a live room's interview is about: its problem and its language, chosen by interviewers. The
 * other features read them from here as they are now. Lives on the room's loop.
 */
final class RoomSetup {
  private final RoomContext room;
  private final RoomSettings settings;
  private String language = "";
  private Optional<Problem> problem = Optional.empty();
  private final Runnable problemChanged;

  /**
   * @param problemChanged runs on the loop once a new problem is announced, for the features that
   *     follow the problem (its hints)
   */
  RoomSetup(RoomContext room, RoomSettings settings, Runnable problemChanged) {
    this.room = room;
    this.settings = settings;
    this.problemChanged = problemChanged;
  }

  /** The room loaded with these. */
  void loaded(String language, Optional<String> problemId) {
    this.language = language;
    this.problem = problemId.flatMap(Problems.builtIn()::find);
  }

  String language() {
    return language;
  }

  Optional<Problem> problem() {
    return problem;
  }

  void command(Sender from, SetupCommand command) {
    room.checkLoop();
    switch (command) {
      case SetupCommand.SetProblem set -> setProblem(from, set.problem());
      case SetupCommand.SetLanguage set -> setLanguage(from, set.language());
    }
  }

  private void setProblem(Sender from, Optional<String> problemId) {
    Optional<Problem> chosen = problemId.flatMap(Problems.builtIn()::find);
    if (problemId.isPresent() && chosen.isEmpty()) {
      from.refuse(
          "not_found", "There is no problem " + problemId.get() + "; see GET /api/problems.");
      return;
    }
    Participant by = from.participant();
    room.storeThenApply(
        "the problem",
        () -> settings.setProblem(chosen.map(Problem::id), by.principal()),
        changed -> {
          if (changed) {
            problem = chosen;
            room.announce(new SetupEvent.ProblemChanged(chosen.map(ProblemSummary::of), by.id()));
            problemChanged.run();
          }
        });
  }

  private void setLanguage(Sender from, String wanted) {
    if (Languages.builtIn().find(wanted).isEmpty()) {
      from.refuse(
          "bad_command",
          "'language' must be one of "
              + Languages.builtIn().all().stream().map(Language::id).toList()
              + ".");
      return;
    }
    Participant by = from.participant();
    room.storeThenApply(
        "the language",
        () -> settings.setLanguage(wanted, by.principal()),
        changed -> {
          if (changed) {
            language = wanted;
            room.announce(new SetupEvent.LanguageChanged(wanted, by.id()));
          }
        });
  }
}
