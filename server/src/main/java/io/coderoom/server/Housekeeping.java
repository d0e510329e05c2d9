package io.coderoom.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic maintenance (sweeps of the database and Redis) on one thread of its own: the tasks
 * block, so they never run on an event loop, and one at a time they never compete with each other
 * for the database. Each runs once at start, then at its interval; a failing run is logged and the
 * next one tries again.
 */
final class Housekeeping implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("housekeeping").daemon().factory());

  /** Runs {@code task} now and then every {@code every}. */
  Housekeeping schedule(String name, Duration every, Runnable task) {
    thread.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("{} failed, trying again in {}: {}", name, every, e.toString());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
