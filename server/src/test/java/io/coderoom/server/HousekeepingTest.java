package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sweeps take turns on one thread; a task scheduled apart keeps its pace while one is slow. */
class HousekeepingTest {
  private static final Duration OFTEN = Duration.ofMillis(20);

  @Test
  void aSlowSweepHoldsBackTheOtherSweepsButNotATaskScheduledApart() throws Exception {
    CountDownLatch sweeping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger otherSweeps = new AtomicInteger();
    AtomicInteger apart = new AtomicInteger();
    try (Housekeeping housekeeping = new Housekeeping()) {
      housekeeping
          .schedule(
              "a slow sweep",
              Duration.ofHours(1),
              () -> {
                sweeping.countDown();
                waitFor(release);
              })
          .schedule("another sweep", OFTEN, otherSweeps::incrementAndGet)
          .scheduleApart("a check", OFTEN, apart::incrementAndGet);
      assertThat(sweeping.await(10, TimeUnit.SECONDS)).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> apart.get() >= 5);
      assertThat(otherSweeps.get()).as("the sweeps take turns").isZero();

      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> otherSweeps.get() >= 1);
    }
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
