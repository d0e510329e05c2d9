package io.coderoom.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.server.store.RoomPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How long a candidate link lasts: chosen hours, else the schedule plus a margin, else the default.
 */
class CandidateLinkValidityTest {
  private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
  private static final Duration DEFAULT = Duration.ofHours(24);

  private static RoomPlan plan(
      Optional<Instant> at, Optional<Integer> minutes, Optional<Integer> hours) {
    return new RoomPlan(
        at, minutes, Optional.empty(), Optional.empty(), hours, false, 0, Optional.empty());
  }

  @Test
  void chosenHoursWinOverTheSchedule() {
    CandidateLinkValidity v =
        CandidateLinkValidity.of(
            plan(Optional.of(NOW.plus(Duration.ofDays(3))), Optional.of(30), Optional.of(6)),
            NOW,
            DEFAULT);
    assertThat(v.basis()).isEqualTo(CandidateLinkValidity.Basis.CHOSEN);
    assertThat(v.validUntil()).isEqualTo(NOW.plus(Duration.ofHours(6)));
    assertThat(v.explanation()).contains("6 hours");
  }

  @Test
  void aScheduleLastsUntilItsEndPlusTheMargin() {
    Instant at = NOW.plus(Duration.ofDays(3));
    CandidateLinkValidity v =
        CandidateLinkValidity.of(
            plan(Optional.of(at), Optional.of(45), Optional.empty()), NOW, DEFAULT);
    assertThat(v.basis()).isEqualTo(CandidateLinkValidity.Basis.SCHEDULE);
    assertThat(v.validUntil()).isEqualTo(at.plus(Duration.ofMinutes(45)).plus(Duration.ofHours(2)));
    // Without a duration, an hour is assumed.
    assertThat(
            CandidateLinkValidity.of(
                    plan(Optional.of(at), Optional.empty(), Optional.empty()), NOW, DEFAULT)
                .validUntil())
        .isEqualTo(at.plus(Duration.ofHours(3)));
  }

  @Test
  void aSlotThatHasPassedOrNoScheduleGetsTheDefault() {
    CandidateLinkValidity past =
        CandidateLinkValidity.of(
            plan(Optional.of(NOW.minus(Duration.ofDays(1))), Optional.of(60), Optional.empty()),
            NOW,
            DEFAULT);
    assertThat(past.basis()).isEqualTo(CandidateLinkValidity.Basis.DEFAULT);
    assertThat(past.validUntil()).isEqualTo(NOW.plus(DEFAULT));
    assertThat(CandidateLinkValidity.of(RoomPlan.none(), NOW, DEFAULT).validUntil())
        .isEqualTo(NOW.plus(DEFAULT));
  }
}
