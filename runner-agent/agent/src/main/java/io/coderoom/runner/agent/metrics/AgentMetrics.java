package io.coderoom.runner.agent.metrics;

import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.models.stream.PendingMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * The agent's meters. Names are Micrometer's dotted ones; Prometheus sees them with underscores and
 * units ({@code coderoom.agent.runs} is {@code coderoom_agent_runs_total}). The alert rules and the
 * dashboard in {@code deploy/observability} use these names, and a server test holds them to what
 * the agent exports.
 */
public final class AgentMetrics implements AutoCloseable {
  public static final String RUNS = "coderoom.agent.runs";
  public static final String QUEUE_WAIT = "coderoom.agent.run.queue.wait";
  public static final String EXECUTION = "coderoom.agent.run.execution";
  public static final String QUEUE_LENGTH = "coderoom.agent.queue.length";
  public static final String QUEUE_PENDING = "coderoom.agent.queue.pending";
  public static final String WARM_READY = "coderoom.agent.warm.ready";
  public static final String SLOTS_BUSY = "coderoom.agent.slots.busy";
  public static final String SLOTS_CAPACITY = "coderoom.agent.slots.capacity";

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  /** How long a scrape waits for Redis's answer about the queue. */
  private static final Duration REDIS_WAIT = Duration.ofSeconds(2);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public AgentMetrics(String agentId) {
    registry.config().commonTags("service", "coderoom-runner-agent", "agent", agentId);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Busy and total slots, read at each scrape. */
  public void bindSlots(IntSupplier busy, int total) {
    Gauge.builder(SLOTS_BUSY, busy::getAsInt)
        .description("runs this agent executes now")
        .register(registry);
    Gauge.builder(SLOTS_CAPACITY, () -> total)
        .description("runs this agent executes at once at most")
        .register(registry);
  }

  /** Ready warm containers of each language, read at each scrape. */
  public void bindWarmPool(String language, String image, ToIntFunction<String> readyOfImage) {
    Gauge.builder(WARM_READY, () -> readyOfImage.applyAsInt(image))
        .description("pre-started containers ready for a run")
        .tag("language", language)
        .register(registry);
  }

  /**
   * The queue as this agent sees it, read at each scrape on the shared connection: entries in the
   * jobs stream (finished jobs are deleted, so these wait or run) and those delivered to an agent
   * and not yet acknowledged (running). Waiting jobs are the difference. A Redis that does not
   * answer within {@link #REDIS_WAIT} makes them NaN rather than hold the scrape.
   */
  public void bindQueue(RedisAsyncCommands<String, String> redis) {
    Gauge.builder(QUEUE_LENGTH, () -> within(redis.xlen(RedisKeys.JOBS_STREAM)))
        .description("jobs in the queue's stream, waiting or running")
        .register(registry);
    Gauge.builder(
            QUEUE_PENDING,
            () ->
                within(
                    redis
                        .xpending(RedisKeys.JOBS_STREAM, RedisKeys.AGENT_GROUP)
                        .thenApply(PendingMessages::getCount)))
        .description("jobs delivered to agents and not acknowledged yet")
        .register(registry);
  }

  private static double within(CompletionStage<Long> reply) {
    try {
      return reply.toCompletableFuture().get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    } catch (ExecutionException | TimeoutException e) {
      return Double.NaN;
    }
  }

  /**
   * A finished run: counted by language, mode and status, its wait in the queue (from the server's
   * XADD to this agent starting it) and its execution (start to result) timed.
   */
  public void runFinished(RunJob job, RunResult result, long startedAtMs, long finishedAtMs) {
    String language = job.language();
    String mode = job.mode().name().toLowerCase(Locale.ROOT);
    Counter.builder(RUNS)
        .description("runs finished, by language, mode and status")
        .tag("language", language)
        .tag("mode", mode)
        .tag("status", result.status().name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    if (job.submittedAtMs() > 0) {
      latency(QUEUE_WAIT, "time from queueing to the start of execution", language, mode)
          .record(Duration.ofMillis(Math.max(0, startedAtMs - job.submittedAtMs())));
    }
    latency(EXECUTION, "time from the start of execution to the result", language, mode)
        .record(Duration.ofMillis(Math.max(0, finishedAtMs - startedAtMs)));
  }

  private Timer latency(String name, String description, String language, String mode) {
    return Timer.builder(name)
        .description(description)
        .tag("language", language)
        .tag("mode", mode)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
