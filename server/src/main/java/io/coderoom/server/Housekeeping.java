package io.coderoom.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic maintenance off the event loops, since the tasks block. The sweeps (of the database and
 * Redis) share one thread, so one at a time they never compete with each other for the database; a
 * task that must keep its pace whatever a sweep takes gets a thread of its own. Each runs once at
 * start, then at its interval; a failing run is logged and the next one tries again.
 */
final class Housekeeping implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final ScheduledExecutorService sweeps = thread("housekeeping");
  private final List<ScheduledExecutorService> threads =
      new CopyOnWriteArrayList<>(List.of(sweeps));

  private static ScheduledExecutorService thread(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name(name).daemon().factory());
  }

  /**
   * Runs {@code task} now and then every {@code every}, one after another with the other sweeps.
   */
  Housekeeping schedule(String name, Duration every, Runnable task) {
    return schedule(sweeps, name, every, task);
  }

  /**
   * Runs {@code task} now and then every {@code every} on a thread of its own, so no sweep delays
   * it.
   */
  Housekeeping scheduleApart(String name, Duration every, Runnable task) {
    ScheduledExecutorService own = thread("housekeeping: " + name);
    threads.add(own);
    return schedule(own, name, every, task);
  }

  private Housekeeping schedule(
      ScheduledExecutorService thread, String name, Duration every, Runnable task) {
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
    threads.forEach(ScheduledExecutorService::shutdownNow);
    try {
      for (ScheduledExecutorService thread : threads) {
        thread.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
