package io.coderoom.runner.agent;

import com.github.dockerjava.api.DockerClient;
import io.coderoom.observability.Tracing;
import io.coderoom.runner.agent.job.RunExecutor;
import io.coderoom.runner.agent.metrics.AgentMetrics;
import io.coderoom.runner.agent.metrics.MetricsEndpoint;
import io.coderoom.runner.agent.queue.Janitor;
import io.coderoom.runner.agent.queue.JobQueue;
import io.coderoom.runner.agent.sandbox.DockerClients;
import io.coderoom.runner.agent.sandbox.DockerSandbox;
import io.coderoom.runner.agent.sandbox.SandboxSettings;
import io.coderoom.runner.agent.tracing.RunSpans;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner agent process: takes run jobs from Redis Streams, executes them in hardened Docker
 * containers, streams their output back, and announces itself with heartbeats until it is stopped.
 * SIGTERM drains it: no new jobs, runs in progress finish (up to the drain timeout).
 */
public final class RunnerAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunnerAgent.class);
  private static final Duration CONNECT_RETRY = Duration.ofSeconds(2);

  private final AgentConfig config;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final DockerClient docker;
  private final DockerSandbox sandbox;
  private final JobQueue queue;
  private final Janitor janitor;
  private final HeartbeatPublisher heartbeat;
  private final AgentMetrics metrics;
  private final OpenTelemetrySdk openTelemetry;
  private Optional<MetricsEndpoint> metricsEndpoint = Optional.empty();

  private RunnerAgent(AgentConfig config, RedisClient client, OpenTelemetrySdk openTelemetry) {
    this.config = config;
    this.client = client;
    this.openTelemetry = openTelemetry;
    RunSpans spans = new RunSpans(openTelemetry);
    this.docker = DockerClients.create(config.dockerHost());
    try {
      // Checks the host (work folder, sandbox uid) before anything connects.
      this.sandbox =
          new DockerSandbox(
              docker,
              SandboxSettings.defaults(
                  config.workDir(), config.warmPerLanguage(), config.sandboxUser()),
              config.agentId(),
              scopeOf(config.redisUrl()),
              spans);
    } catch (RuntimeException e) {
      closeQuietly(docker);
      throw e;
    }
    this.connection = client.connect();
    RunExecutor executor = new RunExecutor(sandbox, Languages.builtIn(), config.agentId());
    this.metrics = new AgentMetrics(config.agentId());
    this.queue =
        new JobQueue(
            client, connection, config.agentId(), config.slots(), executor, metrics, spans);
    metrics.bindSlots(queue::busySlots, config.slots());
    metrics.bindQueue(connection.async());
    for (Language language : Languages.builtIn().all()) {
      metrics.bindWarmPool(language.id(), language.image(), sandbox::warmReady);
    }
    this.janitor = new Janitor(queue, connection.sync(), sandbox);
    this.heartbeat =
        new HeartbeatPublisher(config, connection.async(), queue::busySlots, Clock.systemUTC());
  }

  /**
   * Connects to Redis and Docker, starts the heartbeat, the warm pool and the job loop; its spans
   * go where the configuration's traces settings say.
   */
  public static RunnerAgent start(AgentConfig config) {
    return start(config, Tracing.create(Tracing.RUNNER_AGENT, config.traces()));
  }

  /** Starts an agent with the given OpenTelemetry SDK, which it owns and closes. */
  public static RunnerAgent start(AgentConfig config, OpenTelemetrySdk openTelemetry) {
    RedisClient client = RedisClient.create(config.redisUrl());
    try {
      RunnerAgent agent = new RunnerAgent(config, client, openTelemetry);
      if (config.metrics().enabled()) {
        // First, so a port in use stops the agent before it takes any job.
        agent.metricsEndpoint = Optional.of(MetricsEndpoint.start(config.metrics(), agent.metrics));
      }
      agent.heartbeat.start();
      agent.sandbox.warmUp(Languages.builtIn().all().stream().map(Language::image).toList());
      agent.queue.start();
      agent.janitor.start();
      log.info(
          "{} started with {} slots, {} warm containers per language",
          config.agentId(),
          config.slots(),
          config.warmPerLanguage());
      return agent;
    } catch (RuntimeException e) {
      client.shutdown();
      openTelemetry.close();
      throw e;
    }
  }

  /** The port {@code /metrics} is served on, when it is. */
  public Optional<Integer> metricsPort() {
    return metricsEndpoint.map(MetricsEndpoint::port);
  }

  public AgentConfig config() {
    return config;
  }

  /** The sandbox (tests and benchmarks execute programs through it directly). */
  public DockerSandbox sandbox() {
    return sandbox;
  }

  /**
   * Drains (no new jobs; runs in progress finish within the drain timeout), then stops the
   * heartbeat (removing it), removes warm containers and closes the connections.
   */
  @Override
  public void close() {
    metricsEndpoint.ifPresent(MetricsEndpoint::close);
    queue.drain(config.drainTimeout());
    janitor.close();
    queue.close();
    sandbox.close();
    heartbeat.close();
    metrics.close();
    connection.close();
    client.shutdown();
    closeQuietly(docker);
    // Last: flushes the spans of the runs that just ended.
    openTelemetry.close();
    log.info("{} stopped", config.agentId());
  }

  private static void closeQuietly(DockerClient docker) {
    try {
      docker.close();
    } catch (IOException e) {
      log.debug("closing the Docker client: {}", e.toString());
    }
  }

  /** Names the deployment (its Redis) in container labels, without putting the URL there. */
  static String scopeOf(String redisUrl) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(redisUrl.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    RunnerAgent agent;
    try {
      agent = startWhenRedisAnswers(AgentConfig.fromEnv(System.getenv()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A configuration or host the agent must not run with: say why, once, and stop.
      log.error("runner agent not started: {}", e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM runs shutdown hooks: the agent drains, then removes its heartbeat.
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
