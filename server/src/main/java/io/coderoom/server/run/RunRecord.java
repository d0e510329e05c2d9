package io.coderoom.server.run;

import io.coderoom.runner.protocol.RunResult;
import io.coderoom.server.problem.ProblemRef;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of {@code runs}.
 *
 * @param id the run id
 * @param roomId its room
 * @param requestedBy the audit actor who asked
 * @param requestedName their display name then, empty when unknown (API clients, older runs)
 * @param role their role
 * @param language the language id
 * @param mode {@code run}, {@code examples} or {@code test} (a submission): {@link RunKind}
 * @param createdAt when it was queued
 * @param problem the problem and version a test-mode run was judged against
 * @param result how it ended, once it has
 */
public record RunRecord(
    String id,
    String roomId,
    String requestedBy,
    String requestedName,
    String role,
    String language,
    String mode,
    Instant createdAt,
    Optional<ProblemRef> problem,
    Optional<RunResult> result) {

  /** The id of the problem the run was judged against, if any. */
  public Optional<String> problemId() {
    return problem.map(ProblemRef::id);
  }
}
