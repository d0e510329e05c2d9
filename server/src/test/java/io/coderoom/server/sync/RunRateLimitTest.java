package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunRateLimitTest {
  private static final long START = -TimeUnit.DAYS.toNanos(3); // nanoTime may be negative

  private static long at(long seconds) {
    return START + TimeUnit.SECONDS.toNanos(seconds);
  }

  @Test
  void theEleventhRunOfAMinuteWaitsUntilTheOldestLeavesTheWindow() {
    RunRateLimit limit = new RunRateLimit();
    for (int i = 0; i < RunRateLimit.RUNS_PER_MINUTE; i++) {
      assertThat(limit.refusal(at(i))).isEmpty();
      limit.started(at(i));
    }
    // The first run started at 0 s: a run is taken again at 60 s.
    assertThat(limit.refusal(at(20))).isEqualTo(OptionalLong.of(40_000));
    assertThat(limit.refusal(at(59))).isEqualTo(OptionalLong.of(1_000));
    assertThat(limit.refusal(at(60))).isEmpty();
    limit.started(at(60));
    // Now the oldest is the one of 1 s.
    assertThat(limit.refusal(at(60) + 1)).isEqualTo(OptionalLong.of(1_000));
  }

  @Test
  void theWaitIsRoundedUpToAWholeMillisecond() {
    RunRateLimit limit = new RunRateLimit();
    for (int i = 0; i < RunRateLimit.RUNS_PER_MINUTE; i++) {
      limit.started(at(0));
    }
    assertThat(limit.refusal(at(60) - 1)).isEqualTo(OptionalLong.of(1));
    assertThat(limit.refusal(at(60) - 1_500_000)).isEqualTo(OptionalLong.of(2));
  }
}
