package io.coderoom.server.api;

import io.coderoom.observability.MetricsToken;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Router;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format; with the metrics token when one
 * is set.
 */
public final class MetricsEndpoint {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final MetricsToken token;

  public MetricsEndpoint(PrometheusMeterRegistry registry, MetricsToken token) {
    this.registry = registry;
    this.token = token;
  }

  public void register(Router router) {
    router.get(
        "/metrics",
        OperatorEndpoints.guarded(
            token,
            request ->
                CompletableFuture.completedFuture(
                    HttpResponses.bytes(
                        HttpResponseStatus.OK,
                        PROMETHEUS_TEXT,
                        registry.scrape().getBytes(StandardCharsets.UTF_8)))));
  }
}
