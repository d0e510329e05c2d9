package io.coderoom.server.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How many runs a room may start: at most {@link #RUNS_PER_MINUTE} in any minute. Remembers when
 * the runs of the last minute started, so a refusal can say when the next run would be taken. Lives
 * on the room's loop; times are {@link System#nanoTime()}.
 */
final class RunRateLimit {
  /** Runs a room may start per minute. */
  static final int RUNS_PER_MINUTE = 10;

  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Deque<Long> recent = new ArrayDeque<>();

  /**
   * Empty when a run may start at {@code now}; else the milliseconds until one may (at least 1):
   * when the oldest run of the last minute leaves the window.
   */
  OptionalLong refusal(long now) {
    while (!recent.isEmpty() && now - recent.peekFirst() >= WINDOW_NANOS) {
      recent.removeFirst();
    }
    if (recent.size() < RUNS_PER_MINUTE) {
      return OptionalLong.empty();
    }
    long waitNanos = recent.peekFirst() + WINDOW_NANOS - now;
    return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
  }

  /** A run started at {@code now}. */
  void started(long now) {
    recent.addLast(now);
  }
}
