package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandRateLimitTest {
  private static final long START = -TimeUnit.DAYS.toNanos(3); // nanoTime may be negative

  private static long atMs(long ms) {
    return START + TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void pastTwentyInASecondTheRefusalSaysWhenTheWindowEnds() {
    CommandRateLimit limit = new CommandRateLimit();
    for (int i = 0; i < CommandRateLimit.PER_SECOND; i++) {
      assertThat(limit.take(atMs(10 * i))).isEmpty();
    }
    assertThat(limit.take(atMs(250))).isEqualTo(OptionalLong.of(750));
    assertThat(limit.take(atMs(999))).isEqualTo(OptionalLong.of(1));
    // A new window begins with the first command after the last one ended.
    assertThat(limit.take(atMs(1000))).isEmpty();
    for (int i = 1; i < CommandRateLimit.PER_SECOND; i++) {
      assertThat(limit.take(atMs(1500))).isEmpty();
    }
    assertThat(limit.take(atMs(1600))).isEqualTo(OptionalLong.of(400));
  }

  @Test
  void theFirstCommandIsTakenWhateverTheClockSays() {
    assertThat(new CommandRateLimit().take(START)).isEmpty();
    assertThat(new CommandRateLimit().take(0)).isEmpty();
  }
}
