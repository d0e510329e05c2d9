package io.coderoom.runner.agent.metrics;

import io.coderoom.observability.MetricsToken;
import java.util.Objects;

/**
 * Where the agent serves {@code /metrics}, and the credential it asks for.
 *
 * @param host {@code CODEROOM_AGENT_METRICS_HOST}, the address to bind
 * @param port {@code CODEROOM_AGENT_METRICS_PORT}: 0 picks a free port, {@link #DISABLED} serves
 *     nothing
 * @param token {@code CODEROOM_METRICS_TOKEN}, the same as the server's
 */
public record MetricsEndpointConfig(String host, int port, MetricsToken token) {
  /** The port that turns the endpoint off. */
  public static final int DISABLED = -1;

  public MetricsEndpointConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    if (port < DISABLED || port > 65_535) {
      throw new IllegalArgumentException(
          "CODEROOM_AGENT_METRICS_PORT must be -1 (off), 0 (any free port) or a port, was " + port);
    }
  }

  /** Loopback on a free port without a token (tests). */
  public static MetricsEndpointConfig anyLocalPort() {
    return new MetricsEndpointConfig("127.0.0.1", 0, MetricsToken.none());
  }

  public boolean enabled() {
    return port != DISABLED;
  }

  public MetricsEndpointConfig withToken(MetricsToken newToken) {
    return new MetricsEndpointConfig(host, port, newToken);
  }

  @Override
  public String toString() {
    // The token stays out of logs and exception messages.
    return "MetricsEndpointConfig[host=" + host + ", port=" + port + ", token=" + token + "]";
  }
}
