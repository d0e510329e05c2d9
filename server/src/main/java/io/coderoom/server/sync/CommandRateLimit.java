package io.coderoom.server.sync;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How many commands one control socket may send: {@link #PER_SECOND} in each one-second window, the
 * window starting with the first command after the last one ended. Lives on the socket's loop;
 * times are {@link System#nanoTime()}.
 */
final class CommandRateLimit {
  /** Commands per second a socket may send before it is told to slow down. */
  static final int PER_SECOND = 20;

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private long windowStart;
  private int inWindow;
  private boolean started;

  /**
   * Takes one command sent at {@code now}: empty when it may go, else the milliseconds until the
   * window ends and commands are taken again (at least 1).
   */
  OptionalLong take(long now) {
    if (!started || now - windowStart >= WINDOW_NANOS) {
      started = true;
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow <= PER_SECOND) {
      return OptionalLong.empty();
    }
    long waitNanos = windowStart + WINDOW_NANOS - now;
    return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
  }
}
