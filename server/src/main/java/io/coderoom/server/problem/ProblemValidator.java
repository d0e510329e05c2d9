package io.coderoom.server.problem;

import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.server.room.Ids;
import io.coderoom.server.run.RunQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a problem's reference solution, in every language it offers, against all of its tests on the
 * runner agents, as a room's submission would run: the same job, limits and harness. The runs
 * belong to no room and are stored nowhere; their outcome is the {@link ProblemValidation}.
 */
public final class ProblemValidator {
  private final RunQueue queue;

  public ProblemValidator(RunQueue queue) {
    this.queue = queue;
  }

  /**
   * Completes when every language's run has ended; a run that failed to queue fails its language.
   */
  public CompletableFuture<ProblemValidation> validate(Problem problem) {
    Map<String, CompletableFuture<ProblemValidation.Outcome>> runs = new LinkedHashMap<>();
    for (String language : problem.solutions().keySet().stream().sorted().toList()) {
      CompletableFuture<ProblemValidation.Outcome> outcome = new CompletableFuture<>();
      RunJob job =
          RunJob.test(Ids.random(), language, problem.solutions().get(language), problem.suite());
      queue.submitUnrecorded(
          job,
          new RunQueue.Listener() {
            @Override
            public void event(RunEvent event) {}

            @Override
            public void finished(RunResult result) {
              outcome.complete(ProblemValidation.Outcome.of(result));
            }
          });
      runs.put(language, outcome);
    }
    return CompletableFuture.allOf(runs.values().toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<String, ProblemValidation.Outcome> languages = new LinkedHashMap<>();
              runs.forEach((language, outcome) -> languages.put(language, outcome.join()));
              return new ProblemValidation(problem.version(), languages);
            });
  }
}
