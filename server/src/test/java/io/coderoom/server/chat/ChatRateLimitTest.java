package io.coderoom.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatRateLimitTest {
  private static final long START = -TimeUnit.DAYS.toNanos(3); // nanoTime may be negative

  private static long atMs(long ms) {
    return START + TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void aBurstThenOneMessageEveryRefill() {
    ChatRateLimit limit = new ChatRateLimit();
    for (int i = 0; i < ChatRateLimit.BURST; i++) {
      assertThat(limit.take("token:a", atMs(i))).isEmpty();
    }
    // The bucket has refilled for the 5 ms since the first message.
    assertThat(limit.take("token:a", atMs(5))).isEqualTo(OptionalLong.of(1995));
    assertThat(limit.take("token:a", atMs(1500))).isEqualTo(OptionalLong.of(500));
    assertThat(limit.take("token:a", atMs(2000))).isEmpty();
    assertThat(limit.take("token:a", atMs(2001))).isEqualTo(OptionalLong.of(1999));
    // Another participant has a bucket of their own.
    assertThat(limit.take("token:b", atMs(2006))).isEmpty();
  }

  @Test
  void aQuietParticipantGetsTheWholeBurstBackAndIsForgotten() {
    ChatRateLimit limit = new ChatRateLimit();
    for (int i = 0; i < ChatRateLimit.BURST; i++) {
      assertThat(limit.take("token:a", atMs(0))).isEmpty();
    }
    limit.forgetIdle(atMs(ChatRateLimit.BURST * ChatRateLimit.REFILL_MS - 1));
    assertThat(limit.take("token:a", atMs(ChatRateLimit.BURST * ChatRateLimit.REFILL_MS - 1)))
        .isEmpty();
    limit.forgetIdle(atMs(100_000));
    for (int i = 0; i < ChatRateLimit.BURST; i++) {
      assertThat(limit.take("token:a", atMs(100_000))).isEmpty();
    }
    assertThat(limit.take("token:a", atMs(100_000))).isPresent();
  }
}
