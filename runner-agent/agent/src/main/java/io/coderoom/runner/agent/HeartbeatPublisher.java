package io.coderoom.runner.agent;

import io.coderoom.runner.protocol.AgentHeartbeat;
import io.coderoom.runner.protocol.RedisKeys;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this agent's heartbeat hash alive in Redis, so servers can list live agents; a crashed
 * agent's hash expires by itself after {@link RedisKeys#HEARTBEAT_TTL}.
 */
final class HeartbeatPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

  private final AgentConfig config;
  private final RedisAsyncCommands<String, String> redis;
  private final IntSupplier busySlots;
  private final Clock clock;
  private final Instant startedAt;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("heartbeat").factory());

  HeartbeatPublisher(
      AgentConfig config,
      RedisAsyncCommands<String, String> redis,
      IntSupplier busySlots,
      Clock clock) {
    this.config = config;
    this.redis = redis;
    this.busySlots = busySlots;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  void start() {
    long periodMs = RedisKeys.HEARTBEAT_INTERVAL.toMillis();
    scheduler.scheduleAtFixedRate(this::beat, 0, periodMs, TimeUnit.MILLISECONDS);
  }

  private void beat() {
    AgentHeartbeat heartbeat =
        new AgentHeartbeat(
            config.agentId(),
            config.host(),
            config.slots(),
            busySlots.getAsInt(),
            startedAt,
            clock.instant());
    String key = RedisKeys.agentHeartbeat(config.agentId());
    CompletableFuture.allOf(
            redis.hset(key, heartbeat.toFields()).toCompletableFuture(),
            redis.pexpire(key, RedisKeys.HEARTBEAT_TTL.toMillis()).toCompletableFuture())
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                log.warn("{} heartbeat failed: {}", config.agentId(), error.toString());
              }
            });
  }

  /** Stops beating and removes the heartbeat at once, so servers stop counting this agent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      redis
          .del(RedisKeys.agentHeartbeat(config.agentId()))
          .toCompletableFuture()
          .get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("{} could not remove its heartbeat: {}", config.agentId(), e.toString());
    }
  }
}
