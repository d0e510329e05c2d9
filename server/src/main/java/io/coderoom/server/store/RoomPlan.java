package io.coderoom.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What an interviewer planned for a room (the management columns of {@code rooms}).
 *
 * @param scheduledAt when the interview is scheduled, if it is
 * @param durationMinutes how long it is planned to last, if said
 * @param candidateName who the candidate is, if said
 * @param candidateEmail how to reach them, if said
 * @param candidateLinkHours how long a candidate link lasts, when chosen (else see
 *     io.coderoom.server.room.CandidateLinkValidity)
 * @param hasPassword whether candidates and observers must give a password to join
 * @param passwordVersion grows with every password change, so older proofs stop opening the room
 * @param startedAt when a candidate first joined; the plan is fixed from then on
 */
public record RoomPlan(
    Optional<Instant> scheduledAt,
    Optional<Integer> durationMinutes,
    Optional<String> candidateName,
    Optional<String> candidateEmail,
    Optional<Integer> candidateLinkHours,
    boolean hasPassword,
    int passwordVersion,
    Optional<Instant> startedAt) {

  /** A room planned with nothing: created without a schedule, candidate or password. */
  public static RoomPlan none() {
    return new RoomPlan(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        0,
        Optional.empty());
  }

  public boolean started() {
    return startedAt.isPresent();
  }
}
