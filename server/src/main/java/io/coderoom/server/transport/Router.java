package io.coderoom.server.transport;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Maps exact paths and methods to endpoints; every other GET or HEAD goes to the fallback (the
 * static web client). Path templates come with later routes; the matched template names the route
 * in metrics and spans.
 */
public final class Router {
  /** The route name in metrics and spans of requests no route matched. */
  public static final String UNMATCHED = "unmatched";

  /** The route name of GET and HEAD requests answered by the fallback. */
  public static final String FALLBACK = "fallback";

  private final Map<String, Map<HttpMethod, Endpoint>> routes = new HashMap<>();
  private Endpoint fallback = request -> completed(HttpResponses.notFound(request.path()));

  public Router get(String path, Endpoint endpoint) {
    return add(HttpMethod.GET, path, endpoint);
  }

  public Router add(HttpMethod method, String path, Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    Endpoint previous =
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, endpoint);
    if (previous != null) {
      throw new IllegalStateException(method + " " + path + " is routed twice");
    }
    return this;
  }

  /** Serves GET and HEAD requests that no route matched. */
  public Router fallback(Endpoint endpoint) {
    this.fallback = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /** The endpoint for a request, and the route name to report it under. */
  public Match match(HttpMethod method, String path) {
    Map<HttpMethod, Endpoint> byMethod = routes.get(path);
    if (byMethod == null) {
      if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
        return new Match(FALLBACK, fallback);
      }
      return new Match(UNMATCHED, request -> completed(HttpResponses.notFound(path)));
    }
    Endpoint endpoint = byMethod.get(method);
    if (endpoint == null && method.equals(HttpMethod.HEAD)) {
      endpoint = byMethod.get(HttpMethod.GET);
    }
    if (endpoint == null) {
      String allowed =
          byMethod.keySet().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
      return new Match(path, request -> completed(HttpResponses.methodNotAllowed(method, allowed)));
    }
    return new Match(path, endpoint);
  }

  private static CompletableFuture<FullHttpResponse> completed(FullHttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }

  /**
   * A routing decision.
   *
   * @param route the route name for metrics and spans (the path template, or {@link #UNMATCHED})
   * @param endpoint what answers the request
   */
  public record Match(String route, Endpoint endpoint) {}
}
