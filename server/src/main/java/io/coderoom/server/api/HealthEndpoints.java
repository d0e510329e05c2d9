package io.coderoom.server.api;

import io.coderoom.observability.MetricsToken;
import io.coderoom.server.Futures;
import io.coderoom.server.transport.Endpoint;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /healthz} (the process answers) and {@code GET /readyz} (every dependency answers
 * within a deadline). Both answer JSON; readiness says {@code ready}, or {@code degraded} with the
 * failing checks named, and needs the metrics token when one is set.
 */
public final class HealthEndpoints {
  private static final Duration CHECK_DEADLINE = Duration.ofSeconds(2);

  private final List<ReadinessCheck> checks;
  private final MetricsToken token;

  /**
   * @param token what readiness needs (it names failing dependencies); liveness stays open, so a
   *     supervisor can always ask whether the process serves
   */
  public HealthEndpoints(List<ReadinessCheck> checks, MetricsToken token) {
    this.checks = List.copyOf(checks);
    this.token = token;
  }

  public void register(Router router) {
    router.get("/healthz", liveness());
    router.get("/readyz", OperatorEndpoints.guarded(token, readiness()));
  }

  private static Endpoint liveness() {
    return request ->
        CompletableFuture.completedFuture(
            HttpResponses.json(HttpResponseStatus.OK, Map.of("status", "ok")));
  }

  private Endpoint readiness() {
    return request -> {
      List<CompletableFuture<CheckResult>> results = checks.stream().map(this::run).toList();
      return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
          .thenApply(done -> toResponse(results.stream().map(CompletableFuture::join).toList()));
    };
  }

  private CompletableFuture<CheckResult> run(ReadinessCheck check) {
    long start = System.nanoTime();
    CompletableFuture<?> pending;
    try {
      pending = check.check().toCompletableFuture();
    } catch (RuntimeException e) {
      pending = CompletableFuture.failedFuture(e);
    }
    return pending
        .orTimeout(CHECK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (ignored, error) -> {
              long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
              return new CheckResult(check.name(), error == null, millis, reason(error));
            });
  }

  private static String reason(Throwable error) {
    if (error == null) {
      return null;
    }
    Throwable cause = Futures.cause(error);
    if (cause instanceof TimeoutException) {
      return "no answer within " + CHECK_DEADLINE.toMillis() + " ms";
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  private static FullHttpResponse toResponse(List<CheckResult> results) {
    boolean ready = results.stream().allMatch(CheckResult::ok);
    Map<String, Object> byName = new LinkedHashMap<>();
    for (CheckResult result : results) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("ok", result.ok());
      entry.put("latencyMs", result.latencyMs());
      if (result.detail() != null) {
        entry.put("detail", result.detail());
      }
      byName.put(result.name(), entry);
    }
    // A listening server with PostgreSQL or Redis gone still serves its live rooms (updates wait
    // for PostgreSQL, runs for Redis), and the dependency is the same for every instance: taking
    // it out of a load balancer would only cut the rooms it keeps alive. So it is degraded, not
    // unready, and the checks say what is missing.
    return HttpResponses.json(
        HttpResponseStatus.OK, Map.of("status", ready ? "ready" : "degraded", "checks", byName));
  }

  private record CheckResult(String name, boolean ok, long latencyMs, String detail) {}
}
