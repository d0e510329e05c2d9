package io.coderoom.server.transport;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Maps methods and path templates to endpoints; every other GET or HEAD goes to the fallback (the
 * static web client). The matched template names the route in metrics and spans, so ids in paths
 * never multiply the series.
 */
public final class Router {
  /** The route name in metrics and spans of requests no route matched. */
  public static final String UNMATCHED = "unmatched";

  /** The route name of GET and HEAD requests answered by the fallback. */
  public static final String FALLBACK = "fallback";

  private final List<Route> routes = new ArrayList<>();
  private Endpoint fallback = request -> completed(HttpResponses.notFound(request.path()));

  public Router get(String path, Endpoint endpoint) {
    return add(HttpMethod.GET, path, endpoint);
  }

  public Router post(String path, Endpoint endpoint) {
    return add(HttpMethod.POST, path, endpoint);
  }

  public Router put(String path, Endpoint endpoint) {
    return add(HttpMethod.PUT, path, endpoint);
  }

  public Router patch(String path, Endpoint endpoint) {
    return add(HttpMethod.PATCH, path, endpoint);
  }

  public Router delete(String path, Endpoint endpoint) {
    return add(HttpMethod.DELETE, path, endpoint);
  }

  public Router add(HttpMethod method, String path, Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    Route route =
        routes.stream()
            .filter(r -> r.template().template().equals(path))
            .findFirst()
            .orElseGet(
                () -> {
                  Route created = new Route(new PathTemplate(path), new LinkedHashMap<>());
                  routes.add(created);
                  return created;
                });
    if (route.byMethod().putIfAbsent(method, endpoint) != null) {
      throw new IllegalStateException(method + " " + path + " is routed twice");
    }
    return this;
  }

  /** Serves GET and HEAD requests that no route matched. */
  public Router fallback(Endpoint endpoint) {
    this.fallback = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /** The path templates routed, for documentation checks. */
  public Map<String, List<HttpMethod>> routes() {
    Map<String, List<HttpMethod>> all = new LinkedHashMap<>();
    routes.forEach(r -> all.put(r.template().template(), List.copyOf(r.byMethod().keySet())));
    return all;
  }

  /** The endpoint for a request, the route name to report it under, and the captured segments. */
  public Match match(HttpMethod method, String path) {
    for (Route route : routes) {
      Optional<Map<String, String>> captured = route.template().match(path);
      if (captured.isPresent()) {
        return route.match(method, path, captured.get());
      }
    }
    if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
      return new Match(FALLBACK, fallback, Map.of());
    }
    return new Match(UNMATCHED, request -> completed(HttpResponses.notFound(path)), Map.of());
  }

  private static CompletableFuture<FullHttpResponse> completed(FullHttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }

  /**
   * A routing decision.
   *
   * @param route the route name for metrics and spans (the path template, {@link #FALLBACK} or
   *     {@link #UNMATCHED})
   * @param endpoint what answers the request
   * @param pathParameters the segments the template captured
   */
  public record Match(String route, Endpoint endpoint, Map<String, String> pathParameters) {}

  private record Route(PathTemplate template, Map<HttpMethod, Endpoint> byMethod) {
    Match match(HttpMethod method, String path, Map<String, String> captured) {
      Endpoint endpoint = byMethod.get(method);
      if (endpoint == null && method.equals(HttpMethod.HEAD)) {
        endpoint = byMethod.get(HttpMethod.GET);
      }
      if (endpoint == null) {
        String allowed =
            byMethod.keySet().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return new Match(
            template.template(),
            request -> completed(HttpResponses.methodNotAllowed(method, allowed)),
            captured);
      }
      return new Match(template.template(), endpoint, captured);
    }
  }
}
