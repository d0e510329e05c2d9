package io.coderoom.server.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How fast one participant may write in a room's chat, whatever their sockets and tabs: {@link
 * #BURST} messages at once, then one more every {@link #REFILL_MS} ms (a bucket of tokens). Counted
 * per link (its actor), so a second tab or a reconnect does not reset it. Lives on the room's loop;
 * times are {@link System#nanoTime()}.
 */
public final class ChatRateLimit {
  /** Messages a participant may send in a row. */
  public static final int BURST = 5;

  /** How long until one more message may be sent, once the burst is used. */
  public static final long REFILL_MS = 2_000;

  private static final long REFILL_NANOS = TimeUnit.MILLISECONDS.toNanos(REFILL_MS);

  /** Per actor: the time at which its bucket is full again (it is full at any later time). */
  private final Map<String, Long> fullAt = new HashMap<>();

  /**
   * Takes one message of {@code actor} sent at {@code now}: empty when it may go, else the
   * milliseconds until one will be taken (at least 1).
   */
  public OptionalLong take(String actor, long now) {
    Long full = fullAt.get(actor);
    // Tokens missing from a full bucket, as time: BURST tokens is BURST * REFILL_NANOS.
    long owed = full == null ? 0 : Math.max(0, full - now);
    if (owed + REFILL_NANOS > BURST * REFILL_NANOS) {
      long waitNanos = owed + REFILL_NANOS - BURST * REFILL_NANOS;
      return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
    }
    fullAt.put(actor, now + owed + REFILL_NANOS);
    return OptionalLong.empty();
  }

  /** Forgets actors whose bucket is full again, so the map holds only recent writers. */
  public void forgetIdle(long now) {
    fullAt.values().removeIf(full -> full - now <= 0);
  }
}
