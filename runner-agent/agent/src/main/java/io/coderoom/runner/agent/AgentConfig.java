package io.coderoom.runner.agent;

import io.coderoom.observability.MetricsToken;
import io.coderoom.observability.TracesConfig;
import io.coderoom.runner.agent.metrics.MetricsEndpointConfig;
import io.coderoom.runner.agent.sandbox.SandboxUser;
import io.coderoom.runner.agent.sandbox.WorkFolder;
import io.coderoom.runner.protocol.SharedSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configuration of one runner agent, read from environment variables. Runner hosts hold no database
 * credentials and no secrets: Redis and the local Docker engine are all an agent talks to.
 *
 * @param redisUrl {@code CODEROOM_REDIS_URL}, default {@code redis://127.0.0.1:6379}
 * @param agentId {@code CODEROOM_AGENT_ID}, default {@code <host>-<pid>}
 * @param host the host name reported in heartbeats
 * @param slots {@code CODEROOM_RUNNER_SLOTS}: runs executed at once, default 2
 * @param dockerHost {@code CODEROOM_DOCKER_HOST} (else {@code DOCKER_HOST}), default {@code
 *     unix:///var/run/docker.sock}
 * @param workDir {@code CODEROOM_RUNNER_WORK_DIR}: host directory of the runs' files, mounted
 *     read-only into containers; private to the agent's user (see {@link WorkFolder}); default
 *     {@code /var/lib/coderoom/runs} for root, else {@code ~/.local/state/coderoom/runs}
 * @param warmPerLanguage {@code CODEROOM_RUNNER_WARM}: pre-started containers per language, default
 *     1 (0 turns the warm pool off)
 * @param drainTimeout {@code CODEROOM_RUNNER_DRAIN_SECONDS}: how long SIGTERM waits for runs in
 *     progress, default 30 s
 * @param sandboxUid {@code CODEROOM_SANDBOX_UID}: uid and gid of candidates' code in containers,
 *     which no host account may have; default {@link SandboxUser#DEFAULT_UID}
 * @param metrics {@code CODEROOM_AGENT_METRICS_HOST}, {@code CODEROOM_AGENT_METRICS_PORT} and
 *     {@code CODEROOM_METRICS_TOKEN}: where {@code /metrics} is served and what it asks for
 * @param traces {@code CODEROOM_TRACES_EXPORTER} and {@code CODEROOM_OTLP_ENDPOINT}, as the server
 *     reads them: where the agent's spans go
 */
public record AgentConfig(
    String redisUrl,
    String agentId,
    String host,
    int slots,
    String dockerHost,
    Path workDir,
    int warmPerLanguage,
    Duration drainTimeout,
    int sandboxUid,
    MetricsEndpointConfig metrics,
    TracesConfig traces) {

  public AgentConfig {
    Objects.requireNonNull(traces, "traces");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dockerHost, "dockerHost");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (slots < 1) {
      throw new IllegalArgumentException("CODEROOM_RUNNER_SLOTS must be at least 1, was " + slots);
    }
    if (warmPerLanguage < 0) {
      throw new IllegalArgumentException("CODEROOM_RUNNER_WARM must be 0 or more");
    }
    new SandboxUser(sandboxUid);
  }

  /** The defaults for everything but these (tests). */
  public static AgentConfig of(String redisUrl, String agentId, String host, int slots) {
    return new AgentConfig(
        redisUrl,
        agentId,
        host,
        slots,
        defaultDockerHost(),
        WorkFolder.defaultPath(),
        1,
        Duration.ofSeconds(30),
        SandboxUser.DEFAULT_UID,
        MetricsEndpointConfig.anyLocalPort(),
        TracesConfig.none());
  }

  public AgentConfig withWarmPerLanguage(int warm) {
    return with(c -> c.warmPerLanguage = warm);
  }

  public AgentConfig withWorkDir(Path folder) {
    return with(c -> c.workDir = folder);
  }

  public AgentConfig withSandboxUid(int uid) {
    return with(c -> c.sandboxUid = uid);
  }

  public AgentConfig withMetrics(MetricsEndpointConfig endpoint) {
    return with(c -> c.metrics = endpoint);
  }

  /** A copy with some fields changed, the one place that copies all of them. */
  private AgentConfig with(Consumer<Changes> changes) {
    Changes c = new Changes(this);
    changes.accept(c);
    return new AgentConfig(
        c.redisUrl,
        c.agentId,
        c.host,
        c.slots,
        c.dockerHost,
        c.workDir,
        c.warmPerLanguage,
        c.drainTimeout,
        c.sandboxUid,
        c.metrics,
        c.traces);
  }

  /** The fields of a configuration, to change before {@link #with} makes the copy. */
  private static final class Changes {
    String redisUrl;
    String agentId;
    String host;
    int slots;
    String dockerHost;
    Path workDir;
    int warmPerLanguage;
    Duration drainTimeout;
    int sandboxUid;
    MetricsEndpointConfig metrics;
    TracesConfig traces;

    private Changes(AgentConfig c) {
      redisUrl = c.redisUrl;
      agentId = c.agentId;
      host = c.host;
      slots = c.slots;
      dockerHost = c.dockerHost;
      workDir = c.workDir;
      warmPerLanguage = c.warmPerLanguage;
      drainTimeout = c.drainTimeout;
      sandboxUid = c.sandboxUid;
      metrics = c.metrics;
      traces = c.traces;
    }
  }

  /** The sandbox's user. */
  public SandboxUser sandboxUser() {
    return new SandboxUser(sandboxUid);
  }

  /** Reads the configuration from an environment map such as {@link System#getenv()}. */
  public static AgentConfig fromEnv(Map<String, String> env) {
    String host = hostName();
    String dockerHost =
        AgentSettings.DOCKER_HOST
            .value(env)
            .orElse(env.getOrDefault("DOCKER_HOST", defaultDockerHost()));
    return new AgentConfig(
        SharedSettings.REDIS_URL.read(env),
        AgentSettings.AGENT_ID.value(env).orElse(host + "-" + ProcessHandle.current().pid()),
        host,
        AgentSettings.RUNNER_SLOTS.integer(env),
        dockerHost,
        AgentSettings.RUNNER_WORK_DIR.value(env).map(Path::of).orElseGet(WorkFolder::defaultPath),
        AgentSettings.RUNNER_WARM.integer(env),
        Duration.ofSeconds(AgentSettings.RUNNER_DRAIN_SECONDS.integer(env)),
        AgentSettings.SANDBOX_UID.integer(env),
        new MetricsEndpointConfig(
            AgentSettings.AGENT_METRICS_HOST.read(env),
            AgentSettings.AGENT_METRICS_PORT.integer(env),
            MetricsToken.of(env.get(METRICS_TOKEN))),
        TracesConfig.fromEnv(env));
  }

  /** The server's setting of the same name: one scrape credential for servers and agents. */
  private static final String METRICS_TOKEN = "CODEROOM_METRICS_TOKEN";

  private static String defaultDockerHost() {
    return "unix:///var/run/docker.sock";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
