package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;

/** Interviewers timing the interview (see {@link ClockState}). */
public sealed interface ClockCommand extends ControlCommand {
  @Override
  default Permission permission() {
    return Permission.CONTROL_CLOCK;
  }

  @Override
  default String forbidden() {
    return "Only an interviewer may control the clock.";
  }

  /**
   * Starts the clock (again, from zero, if it ran before).
   *
   * @param durationMs how long the interview should take; without it, the problem's time estimate
   */
  @JsonTypeName("clock_start")
  record StartClock(@MayBeMissing Long durationMs) implements ClockCommand {
    public Optional<Long> duration() {
      return Optional.ofNullable(durationMs);
    }
  }

  @JsonTypeName("clock_pause")
  record PauseClock() implements ClockCommand {}

  @JsonTypeName("clock_resume")
  record ResumeClock() implements ClockCommand {}

  /**
   * Gives the interview more time.
   *
   * @param byMs how much more, in milliseconds
   */
  @JsonTypeName("clock_extend")
  record ExtendClock(long byMs) implements ClockCommand {}

  /** Stops the clock for good (until it is started again). */
  @JsonTypeName("clock_stop")
  record StopClock() implements ClockCommand {}
}
