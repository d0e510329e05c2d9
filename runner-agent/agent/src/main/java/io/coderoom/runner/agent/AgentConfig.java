package io.coderoom.runner.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of one runner agent, read from environment variables. Runner hosts hold no database
 * credentials and no secrets: Redis is all an agent talks to.
 *
 * @param redisUrl {@code CODEROOM_REDIS_URL}, default {@code redis://127.0.0.1:6379}
 * @param agentId {@code CODEROOM_AGENT_ID}, default {@code <host>-<pid>}
 * @param host the host name reported in heartbeats
 * @param slots {@code CODEROOM_RUNNER_SLOTS}: runs executed at once, default 2
 */
public record AgentConfig(String redisUrl, String agentId, String host, int slots) {

  public AgentConfig {
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(host, "host");
    if (slots < 1) {
      throw new IllegalArgumentException("CODEROOM_RUNNER_SLOTS must be at least 1, was " + slots);
    }
  }

  /** Reads the configuration from an environment map such as {@link System#getenv()}. */
  public static AgentConfig fromEnv(Map<String, String> env) {
    String host = hostName();
    String slots = env.getOrDefault("CODEROOM_RUNNER_SLOTS", "2");
    try {
      return new AgentConfig(
          env.getOrDefault("CODEROOM_REDIS_URL", "redis://127.0.0.1:6379"),
          env.getOrDefault("CODEROOM_AGENT_ID", host + "-" + ProcessHandle.current().pid()),
          host,
          Integer.parseInt(slots.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "CODEROOM_RUNNER_SLOTS must be a whole number, was '" + slots + "'", e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
