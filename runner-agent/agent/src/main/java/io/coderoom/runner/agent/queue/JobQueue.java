package io.coderoom.runner.agent.queue;

import io.coderoom.runner.agent.job.RunExecutor;
import io.coderoom.runner.agent.metrics.AgentMetrics;
import io.coderoom.runner.agent.sandbox.StopSignal;
import io.coderoom.runner.agent.tracing.RunSpans;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads jobs from {@link RedisKeys#JOBS_STREAM} through the {@link RedisKeys#AGENT_GROUP} consumer
 * group and executes up to {@code slots} of them at once. The blocking {@code XREADGROUP} has its
 * own connection; everything else goes through the shared one. A job is acknowledged (and its entry
 * deleted) only after its result is in {@link RedisKeys#RESULTS_STREAM}, so a crashed agent's jobs
 * stay pending for the {@link Janitor}.
 */
public final class JobQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobQueue.class);
  private static final Duration BLOCK = Duration.ofSeconds(1);

  private static final String ACK_AND_DELETE =
      "redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) "
          + "return redis.call('XDEL', KEYS[1], ARGV[2])";

  /** How often a running job's fence and pending entry are refreshed. */
  static final Duration REFRESH_EVERY = Duration.ofSeconds(2);

  private final String agentId;
  private final int slots;
  private final RunExecutor executor;
  private final AgentMetrics metrics;
  private final RunSpans spans;
  private final StatefulRedisConnection<String, String> blocking;
  private final RedisCommands<String, String> redis;
  private final RunFence fence;
  private final RunPublisher publisher;
  private final RunStops stops;
  private final Semaphore free;
  private final AtomicInteger running = new AtomicInteger();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fence").factory());
  private final Thread reader;
  private volatile boolean reading = true;

  public JobQueue(
      RedisClient client,
      StatefulRedisConnection<String, String> shared,
      String agentId,
      int slots,
      RunExecutor executor,
      AgentMetrics metrics,
      RunSpans spans) {
    this.spans = spans;
    this.agentId = agentId;
    this.metrics = metrics;
    this.slots = slots;
    this.executor = executor;
    this.blocking = client.connect();
    this.redis = shared.sync();
    this.fence = new RunFence(redis, agentId);
    this.publisher = new RunPublisher(shared.async());
    this.stops = new RunStops(client, redis, agentId);
    this.free = new Semaphore(slots);
    this.reader = Thread.ofPlatform().name("jobs").unstarted(this::readLoop);
  }

  public void start() {
    ensureGroup(redis);
    stops.start();
    reader.start();
  }

  /** Runs executing now. */
  public int busySlots() {
    return running.get();
  }

  static void ensureGroup(RedisCommands<String, String> redis) {
    try {
      redis.xgroupCreate(
          XReadArgs.StreamOffset.from(RedisKeys.JOBS_STREAM, "0"),
          RedisKeys.AGENT_GROUP,
          XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException e) {
      // BUSYGROUP: another agent made it.
    }
  }

  private void readLoop() {
    RedisCommands<String, String> reads = blocking.sync();
    Consumer<String> me = Consumer.from(RedisKeys.AGENT_GROUP, agentId);
    while (reading) {
      try {
        // Read only with a slot free, but do not hold it while blocked in XREADGROUP: the
        // janitor needs free slots to take over jobs of dead agents.
        if (!free.tryAcquire(BLOCK.toMillis(), TimeUnit.MILLISECONDS)) {
          continue;
        }
        free.release();
        List<StreamMessage<String, String>> messages =
            reads.xreadgroup(
                me,
                XReadArgs.Builder.block(BLOCK).count(1),
                XReadArgs.StreamOffset.lastConsumed(RedisKeys.JOBS_STREAM));
        if (messages == null || messages.isEmpty()) {
          continue;
        }
        if (!reading) {
          // Read while draining: it stays pending, and another agent's janitor takes it.
          log.info("{} leaves job {} to other agents", agentId, messages.get(0).getId());
          continue;
        }
        free.acquire();
        StreamMessage<String, String> message = messages.get(0);
        workers.execute(() -> runHoldingSlot(message.getId(), message.getBody()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RedisException e) {
        if (!reading) {
          return;
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("NOGROUP")) {
          // Redis restarted empty (or the stream was deleted): make the group again.
          tryEnsureGroup();
        } else {
          log.warn("{} reading jobs failed, retrying: {}", agentId, text);
          sleepQuietly(Duration.ofSeconds(1));
        }
      } catch (RuntimeException e) {
        log.error("{} job reader error", agentId, e);
        sleepQuietly(Duration.ofSeconds(1));
      }
    }
  }

  /**
   * Executes a job the janitor reclaimed, if a slot is free right now.
   *
   * @return false if every slot is busy (the job stays pending for a later pass)
   */
  boolean tryRunReclaimed(String entryId, Map<String, String> fields) {
    if (!reading || !free.tryAcquire()) {
      return false;
    }
    workers.execute(() -> runHoldingSlot(entryId, fields));
    return true;
  }

  /** Free slots right now (the janitor claims no more than this). */
  int freeSlots() {
    return reading ? free.availablePermits() : 0;
  }

  private void runHoldingSlot(String entryId, Map<String, String> fields) {
    running.incrementAndGet();
    try {
      handle(entryId, fields);
    } catch (RuntimeException e) {
      log.error("{} job {} failed outside the sandbox", agentId, entryId, e);
    } finally {
      running.decrementAndGet();
      free.release();
    }
  }

  private void handle(String entryId, Map<String, String> fields) {
    RunJob job;
    try {
      job = RunJob.fromFields(fields);
    } catch (IllegalArgumentException e) {
      log.warn("{} rejects job {}: {}", agentId, entryId, e.getMessage());
      RunJob.runIdOf(fields)
          .ifPresent(
              runId ->
                  publishQuietly(
                      RunResult.internalError(
                          runId, agentId, "The run request was malformed: " + e.getMessage(), 0)));
      ack(entryId);
      return;
    }
    switch (fence.claim(job.runId())) {
      case DONE -> {
        ack(entryId);
        return;
      }
      case HELD_ELSEWHERE -> {
        log.info("{} {} is executed by another agent; leaving it", agentId, job);
        return;
      }
      case OWNED -> {}
    }
    long claimedAtMs = System.currentTimeMillis();
    log.info("{} executing {}", agentId, job);
    StopSignal stop = stops.watch(job.runId());
    ScheduledFuture<?> keepAlive =
        refresher.scheduleAtFixedRate(
            () -> keepOwnership(entryId, job.runId()),
            REFRESH_EVERY.toMillis(),
            REFRESH_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
    RunResult result;
    long startedAtMs = System.currentTimeMillis();
    try (RunSpans.Execution execution = spans.executing(job, agentId, claimedAtMs)) {
      publisher.started(job.runId(), agentId);
      result = executor.execute(job, publisher.output(job.runId()), stop);
      execution.finished(result);
    } finally {
      keepAlive.cancel(false);
      stops.forget(job.runId());
    }
    metrics.runFinished(job, result, startedAtMs, System.currentTimeMillis());
    if (publishQuietly(result)) {
      fence.markDone(job.runId());
      ack(entryId);
      log.info(
          "{} finished {} status={} compileMs={} runMs={}",
          agentId,
          job,
          result.status(),
          result.compileMs(),
          result.runMs());
    }
  }

  private void keepOwnership(String entryId, String runId) {
    stops.check(runId);
    try {
      fence.refresh(runId);
      // Resets the entry's idle time, so the janitor does not take a job that is still running.
      redis.xclaim(
          RedisKeys.JOBS_STREAM,
          Consumer.from(RedisKeys.AGENT_GROUP, agentId),
          XClaimArgs.Builder.minIdleTime(0).justid(),
          entryId);
    } catch (RuntimeException e) {
      log.warn("{} could not refresh ownership of {}: {}", agentId, runId, e.toString());
    }
  }

  boolean publishQuietly(RunResult result) {
    try {
      publisher.finished(result);
      return true;
    } catch (Exception e) {
      log.error("{} could not publish the result of {}: {}", agentId, result.runId(), e.toString());
      return false;
    }
  }

  /**
   * Acknowledges a job and deletes its entry in one step: its result is out (or it can never run),
   * so its code and tests have no reason to stay in Redis.
   */
  void ack(String entryId) {
    try {
      redis.eval(
          ACK_AND_DELETE,
          ScriptOutputType.INTEGER,
          new String[] {RedisKeys.JOBS_STREAM},
          RedisKeys.AGENT_GROUP,
          entryId);
    } catch (RuntimeException e) {
      log.warn("{} could not acknowledge {}: {}", agentId, entryId, e.toString());
    }
  }

  RunFence fence() {
    return fence;
  }

  String agentId() {
    return agentId;
  }

  private void tryEnsureGroup() {
    try {
      ensureGroup(redis);
    } catch (RuntimeException e) {
      sleepQuietly(Duration.ofSeconds(1));
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops taking jobs and waits up to {@code timeout} for the runs in progress; those still running
   * then stay pending for other agents.
   */
  public void drain(Duration timeout) {
    reading = false;
    try {
      reader.join(BLOCK.toMillis() * 3);
      if (free.tryAcquire(slots, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        free.release(slots);
      } else {
        log.warn(
            "{} stops with {} runs unfinished; other agents will take them",
            agentId,
            running.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    reading = false;
    workers.shutdownNow();
    refresher.shutdownNow();
    stops.close();
    blocking.close();
  }
}
