package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The clock changed. */
public sealed interface ClockEvent extends ControlEvent {
  /**
   * @param clock the clock as it is now
   * @param action what changed it
   * @param by the participant id of the interviewer who did
   */
  @JsonTypeName("clock_changed")
  record ClockChanged(ClockState clock, ClockState.Action action, String by)
      implements ClockEvent {}
}
