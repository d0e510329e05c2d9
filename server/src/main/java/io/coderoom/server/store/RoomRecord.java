package io.coderoom.server.store;

import io.coderoom.server.problem.ProblemRef;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of {@code rooms}.
 *
 * @param id the room id in links and paths
 * @param title what the interviewer called it
 * @param language the id of the room's programming language
 * @param createdAt when it was created
 * @param endedAt when the interview was ended, if it was
 * @param candidateLocked whether candidates are locked out of editing
 * @param problem the library's problem the room works on, at the version it uses, if any
 */
public record RoomRecord(
    String id,
    String title,
    String language,
    Instant createdAt,
    Optional<Instant> endedAt,
    boolean candidateLocked,
    Optional<ProblemRef> problem) {

  /** The id of the room's problem, if it has one. */
  public Optional<String> problemId() {
    return problem.map(ProblemRef::id);
  }

  public boolean ended() {
    return endedAt.isPresent();
  }
}
