package io.coderoom.server.room;

import io.coderoom.server.store.RoomPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a candidate link issued now lasts, and why: the hours the interviewer chose, else until
 * the scheduled interview is over plus a margin (for a late start or an overrun), else the server's
 * default ({@code CODEROOM_CANDIDATE_LINK_HOURS}). A schedule whose end has passed (a link issued
 * again after the slot) falls back to the default, so a fresh link is never born dead.
 *
 * @param validUntil when the link stops working
 * @param basis why then
 * @param hours the chosen hours, for {@link Basis#CHOSEN}
 */
public record CandidateLinkValidity(Instant validUntil, Basis basis, Optional<Integer> hours) {
  /** After the scheduled end, the link lasts this much longer. */
  public static final Duration MARGIN = Duration.ofHours(2);

  /** The length assumed for a scheduled interview whose duration was not given. */
  public static final int DEFAULT_DURATION_MINUTES = 60;

  /** A schedule-based link must last at least this long from its issue. */
  private static final Duration SHORTEST = Duration.ofHours(1);

  /** Why a candidate link lasts as long as it does. */
  public enum Basis {
    CHOSEN,
    SCHEDULE,
    DEFAULT;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static CandidateLinkValidity of(RoomPlan plan, Instant now, Duration fallback) {
    if (plan.candidateLinkHours().isPresent()) {
      int hours = plan.candidateLinkHours().get();
      return new CandidateLinkValidity(
          now.plus(Duration.ofHours(hours)), Basis.CHOSEN, Optional.of(hours));
    }
    if (plan.scheduledAt().isPresent()) {
      Instant until =
          plan.scheduledAt()
              .get()
              .plus(Duration.ofMinutes(plan.durationMinutes().orElse(DEFAULT_DURATION_MINUTES)))
              .plus(MARGIN);
      if (until.isAfter(now.plus(SHORTEST))) {
        return new CandidateLinkValidity(until, Basis.SCHEDULE, Optional.empty());
      }
    }
    return new CandidateLinkValidity(now.plus(fallback), Basis.DEFAULT, Optional.empty());
  }

  /** One sentence for people reading the API's answer (the web client words its own). */
  public String explanation() {
    return switch (basis) {
      case CHOSEN ->
          "The candidate link is valid until "
              + validUntil
              + ": "
              + hours.orElseThrow()
              + " hours from when it is issued, as chosen.";
      case SCHEDULE ->
          "The candidate link is valid until "
              + validUntil
              + ": the scheduled time plus the interview's duration plus a "
              + MARGIN.toHours()
              + "-hour margin.";
      case DEFAULT ->
          "The candidate link is valid until "
              + validUntil
              + ": the server's default lifetime, as no schedule or validity was given.";
    };
  }
}
