package io.coderoom.server.run;

import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.room.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asked for a run, where, and what for: stored beside the job so the room's list of runs and
 * submissions can say who ran what, and tell examples from submissions.
 *
 * @param roomId the room
 * @param by who asked
 * @param byName their display name at that moment, empty when unknown (an API client)
 * @param kind a run, the examples, or a submission
 * @param problem the problem and version a test-mode run is judged against
 */
public record RunRequest(
    String roomId, Principal by, String byName, RunKind kind, Optional<ProblemRef> problem) {
  public RunRequest {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(byName, "byName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(problem, "problem");
  }

  public Optional<String> problemId() {
    return problem.map(ProblemRef::id);
  }
}
