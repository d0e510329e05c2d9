package io.coderoom.runner.agent.queue;

import io.coderoom.runner.agent.sandbox.DockerSandbox;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.lettuce.core.Consumer;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers from dead agents. Jobs whose pending entry nobody refreshed for {@link #RECLAIM_AFTER}
 * (a live agent refreshes its running jobs every {@link JobQueue#REFRESH_EVERY}) are taken over
 * with {@code XAUTOCLAIM} and executed here, or, once delivered more than {@link
 * RedisKeys#MAX_DELIVERIES} times, failed with a reason. Runner containers whose agent no longer
 * sends heartbeats are removed.
 */
public final class Janitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Janitor.class);

  static final Duration RECLAIM_AFTER = Duration.ofSeconds(10);
  static final Duration PERIOD = Duration.ofSeconds(2);

  /** Containers younger than this are never orphans: their agent may not have beaten yet. */
  static final Duration ORPHAN_MIN_AGE = Duration.ofSeconds(20);

  private static final int ORPHAN_SWEEP_EVERY = 5;

  private final JobQueue queue;
  private final RedisCommands<String, String> redis;
  private final DockerSandbox sandbox;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("janitor").factory());
  private int ticks;

  public Janitor(JobQueue queue, RedisCommands<String, String> redis, DockerSandbox sandbox) {
    this.queue = queue;
    this.redis = redis;
    this.sandbox = sandbox;
  }

  public void start() {
    scheduler.scheduleWithFixedDelay(
        this::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      reclaim();
      if (ticks++ % ORPHAN_SWEEP_EVERY == 0) {
        int removed = sandbox.removeOrphans(liveAgents(), ORPHAN_MIN_AGE);
        if (removed > 0) {
          log.info("{} removed {} containers of dead agents", queue.agentId(), removed);
        }
      }
    } catch (RedisException e) {
      log.warn("{} janitor pass failed: {}", queue.agentId(), e.getMessage());
    } catch (RuntimeException e) {
      log.warn("{} janitor pass failed", queue.agentId(), e);
    }
  }

  void reclaim() {
    int free = queue.freeSlots();
    if (free == 0) {
      return;
    }
    ClaimedMessages<String, String> claimed =
        redis.xautoclaim(
            RedisKeys.JOBS_STREAM,
            XAutoClaimArgs.Builder.xautoclaim(
                    Consumer.from(RedisKeys.AGENT_GROUP, queue.agentId()), RECLAIM_AFTER, "0-0")
                .count(free));
    for (StreamMessage<String, String> message : claimed.getMessages()) {
      String id = message.getId();
      Map<String, String> body = message.getBody();
      if (body == null || body.isEmpty()) {
        queue.ack(id);
        continue;
      }
      long deliveries = deliveries(id);
      if (deliveries > RedisKeys.MAX_DELIVERIES) {
        giveUp(id, body, deliveries);
      } else {
        log.info(
            "{} reclaimed job {} (delivery {})",
            queue.agentId(),
            RunJob.runIdOf(body).orElse(id),
            deliveries);
        queue.tryRunReclaimed(id, body);
      }
    }
  }

  private long deliveries(String entryId) {
    List<PendingMessage> pending =
        redis.xpending(
            RedisKeys.JOBS_STREAM,
            RedisKeys.AGENT_GROUP,
            Range.create(entryId, entryId),
            Limit.from(1));
    return pending.isEmpty() ? 1 : pending.get(0).getRedeliveryCount();
  }

  private void giveUp(String entryId, Map<String, String> body, long deliveries) {
    String runId = RunJob.runIdOf(body).orElse(null);
    if (runId == null) {
      queue.ack(entryId);
      return;
    }
    long submitted = 0;
    try {
      submitted = Long.parseLong(body.getOrDefault("submittedAtMs", "0"));
    } catch (NumberFormatException e) {
      // Reported as 0.
    }
    String reason =
        "The run was given up after "
            + (deliveries - 1)
            + " attempts: the runner agents executing it stopped before it finished"
            + " (crashed or were killed). Run it again.";
    log.warn("{} gives up run {} after {} deliveries", queue.agentId(), runId, deliveries - 1);
    if (queue.publishQuietly(RunResult.internalError(runId, queue.agentId(), reason, submitted))) {
      queue.fence().markDone(runId);
      queue.ack(entryId);
    }
  }

  private Set<String> liveAgents() {
    Set<String> live = new HashSet<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    ScanArgs match = ScanArgs.Builder.matches(RedisKeys.AGENT_HEARTBEAT_PREFIX + "*").limit(500);
    do {
      KeyScanCursor<String> page = redis.scan(cursor, match);
      for (String key : page.getKeys()) {
        live.add(key.substring(RedisKeys.AGENT_HEARTBEAT_PREFIX.length()));
      }
      cursor = page;
    } while (!cursor.isFinished());
    live.add(queue.agentId());
    return live;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
