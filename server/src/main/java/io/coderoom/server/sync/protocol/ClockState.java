package io.coderoom.server.sync.protocol;

import java.util.Locale;

/**
 * The interview's clock at a moment of the server's time. A client shows {@code durationMs -
 * elapsed}, where elapsed is {@code elapsedMs} plus, while running, the server time passed since
 * {@code at} (the client's clock corrected by its measured offset to the server's); below zero it
 * is overtime.
 *
 * @param durationMs how long the interview should take (with every extension)
 * @param elapsedMs how long the clock has run, at {@code at}
 * @param at the server's time (epoch milliseconds) {@code elapsedMs} was measured at
 */
public record ClockState(Status status, long durationMs, long elapsedMs, long at) {
  public enum Status {
    /** Never started (or the problem changed nothing yet). */
    IDLE,
    RUNNING,
    PAUSED,
    STOPPED
  }

  /** What changed the clock; stored as the room event {@code clock_<action>}. */
  public enum Action {
    STARTED,
    PAUSED,
    RESUMED,
    EXTENDED,
    STOPPED;

    public String eventKind() {
      return "clock_" + name().toLowerCase(Locale.ROOT);
    }
  }

  public static ClockState idle(long at) {
    return new ClockState(Status.IDLE, 0, 0, at);
  }
}
