package io.coderoom.server.sync;

import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.sync.protocol.ProblemSummary;
import io.coderoom.server.sync.protocol.SetupCommand;
import io.coderoom.server.sync.protocol.SetupEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a live room's interview is about: its problem and its language, chosen by interviewers. The
 * other features read them from here as they are now. Lives on the room's loop.
 */
final class RoomSetup {
  private final RoomContext room;
  private final RoomSettings settings;
  private String language = "";
  private Optional<Problem> problem = Optional.empty();
  private final Function<String, Optional<Problem>> problems;
  private final Runnable problemChanged;

  /**
   * @param problems the problem, at its published version, that this room may pick by id (blocks;
   *     called off the loop)
   * @param problemChanged runs on the loop once a new problem is announced, for the features that
   *     follow the problem (its hints)
   */
  RoomSetup(
      RoomContext room,
      RoomSettings settings,
      Function<String, Optional<Problem>> problems,
      Runnable problemChanged) {
    this.room = room;
    this.settings = settings;
    this.problems = problems;
    this.problemChanged = problemChanged;
  }

  /**
   * The room loaded with these: its problem at the version the room recorded, whatever versions
   * came later.
   */
  void loaded(String language, Optional<Problem> problem) {
    this.language = language;
    this.problem = problem;
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

  /** What choosing a problem came to: found or not, and taken by the store or not. */
  private record Choice(Optional<Problem> chosen, boolean found, boolean changed) {}

  /**
   * Looks the problem up and stores it off the loop (the library is in PostgreSQL), then announces
   * it: the room records the version it got, so a later edit of the problem leaves it alone.
   */
  private void setProblem(Sender from, Optional<String> problemId) {
    Participant by = from.participant();
    room.storeThenApply(
        "the problem",
        () -> {
          Optional<Problem> chosen = problemId.flatMap(problems);
          if (problemId.isPresent() && chosen.isEmpty()) {
            return new Choice(chosen, false, false);
          }
          return new Choice(
              chosen, true, settings.setProblem(chosen.map(ProblemRef::of), by.principal()));
        },
        choice -> {
          if (!choice.found()) {
            from.refuse(
                "not_found", "There is no problem " + problemId.get() + "; see GET /api/problems.");
          } else if (choice.changed()) {
            problem = choice.chosen();
            room.announce(
                new SetupEvent.ProblemChanged(choice.chosen().map(ProblemSummary::of), by.id()));
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
