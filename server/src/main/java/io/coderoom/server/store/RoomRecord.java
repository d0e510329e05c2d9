package io.coderoom.server.store;

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
 * @param problemId the catalogue problem the room works on, if any
 */
public record RoomRecord(
    String id,
    String title,
    String language,
    Instant createdAt,
    Optional<Instant> endedAt,
    boolean candidateLocked,
    Optional<String> problemId) {

  public boolean ended() {
    return endedAt.isPresent();
  }
}
