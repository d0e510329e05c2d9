package io.coderoom.runner.agent;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner agent process: connects to Redis and announces itself with heartbeats until it is
 * stopped. Executing run jobs in sandboxed containers builds on this process.
 */
public final class RunnerAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunnerAgent.class);
  private static final Duration CONNECT_RETRY = Duration.ofSeconds(2);

  private final AgentConfig config;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final HeartbeatPublisher heartbeat;

  private RunnerAgent(AgentConfig config, RedisClient client) {
    this.config = config;
    this.client = client;
    this.connection = client.connect();
    this.heartbeat = new HeartbeatPublisher(config, connection.async(), () -> 0, Clock.systemUTC());
  }

  /** Connects to Redis and starts the heartbeat; fails if Redis cannot be reached. */
  public static RunnerAgent start(AgentConfig config) {
    RedisClient client = RedisClient.create(config.redisUrl());
    try {
      RunnerAgent agent = new RunnerAgent(config, client);
      agent.heartbeat.start();
      log.info("{} started with {} slots", config.agentId(), config.slots());
      return agent;
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  public AgentConfig config() {
    return config;
  }

  /** Stops the heartbeat (removing it) and closes the Redis connection. */
  @Override
  public void close() {
    heartbeat.close();
    connection.close();
    client.shutdown();
    log.info("{} stopped", config.agentId());
  }

  public static void main(String[] args) throws InterruptedException {
    AgentConfig config = AgentConfig.fromEnv(System.getenv());
    RunnerAgent agent = startWhenRedisAnswers(config);
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM runs shutdown hooks: the agent removes its heartbeat before the JVM exits.
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("shutdown")
                .unstarted(
                    () -> {
                      agent.close();
                      stopped.countDown();
                    }));
    stopped.await();
  }

  private static RunnerAgent startWhenRedisAnswers(AgentConfig config) throws InterruptedException {
    while (true) {
      try {
        return start(config);
      } catch (RedisConnectionException e) {
        log.warn(
            "{} cannot reach Redis, retrying in {} s: {}",
            config.agentId(),
            CONNECT_RETRY.toSeconds(),
            e.getMessage());
        Thread.sleep(CONNECT_RETRY);
      }
    }
  }
}
