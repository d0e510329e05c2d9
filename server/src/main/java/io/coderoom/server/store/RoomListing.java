package io.coderoom.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A room as the dashboard lists it.
 *
 * @param room the room's row
 * @param plan its schedule, candidate and start
 * @param createdBy the member who created it, if a member did
 * @param interviewer that member's name
 * @param outcome how its last test run went, if it had one
 */
public record RoomListing(
    RoomRecord room,
    RoomPlan plan,
    Optional<String> createdBy,
    Optional<String> interviewer,
    Optional<Outcome> outcome) {

  public RoomPhase phase() {
    return RoomPhase.of(plan.started(), room.ended());
  }

  /**
   * The last test run's result.
   *
   * @param passed cases passed
   * @param total cases run
   * @param at when the run was asked for
   */
  public record Outcome(int passed, int total, Instant at) {}
}
