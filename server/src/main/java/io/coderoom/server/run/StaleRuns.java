package io.coderoom.server.run;

import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.server.cluster.RedisConnector;
import io.lettuce.core.XTrimArgs;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends what a stopped server left behind: stored runs still {@code running} that no server can be
 * following any more, and results in {@code runs:results} that no server read. Run at start and
 * then every {@link #EVERY}, off the event loops (it blocks).
 */
public final class StaleRuns implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(StaleRuns.class);

  /** How often the sweep runs after the first one at start. */
  public static final Duration EVERY = Duration.ofMinutes(1);

  /**
   * A run is stale once it is older than the longest any server follows one ({@link
   * RunQueue#LONGEST_FOLLOW}: the start deadline, the longest time limit and the slack for the
   * result), plus a margin for the moment between storing the run and starting to follow it. No
   * running server can still be waiting for it, so the one that was has stopped.
   */
  public static final Duration STALE_AFTER = RunQueue.LONGEST_FOLLOW.plus(Duration.ofMinutes(1));

  /**
   * Results older than this were never read: the server following the run deletes its result as
   * soon as it has it, and gives up long before this.
   */
  static final Duration UNREAD_RESULT_AGE = Duration.ofHours(1);

  static final String MESSAGE =
      "The server stopped while the run was in progress, so its result was lost; run it again.";

  private final RunStore store;
  private final RedisConnector redis;
  private final Clock clock;

  public StaleRuns(RunStore store, RedisConnector redis, Clock clock) {
    this.store = store;
    this.redis = redis;
    this.clock = clock;
  }

  @Override
  public void run() {
    int ended = store.endStale(STALE_AFTER, MESSAGE);
    if (ended > 0) {
      log.warn("ended {} runs a stopped server left running", ended);
    }
    // Stream ids start with the entry's time in milliseconds.
    String oldest = Long.toString(clock.millis() - UNREAD_RESULT_AGE.toMillis());
    try {
      long trimmed =
          redis
              .connection()
              .get(10, TimeUnit.SECONDS)
              .sync()
              .xtrim(
                  RedisKeys.RESULTS_STREAM, XTrimArgs.Builder.minId(oldest).approximateTrimming());
      if (trimmed > 0) {
        log.info("trimmed {} unread run results", trimmed);
      }
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.warn("could not trim unread run results: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
