package io.coderoom.server.transport;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Rate limits per client address, checked for every request before it is routed: for chosen routes
 * (creating rooms), each request takes a token; for credentials, each request a credential was
 * refused for ({@code 401} to a request with an {@code Authorization} header) takes one, and once
 * they are gone every request that presents a credential is refused, so a key cannot be guessed
 * faster than the limit. Refused requests get {@code 429} with {@code Retry-After}, at once and
 * without touching the endpoint, so others keep being served.
 *
 * <p>Limits per account are configured here too and checked where the caller is known ({@link
 * AccountLimits}).
 *
 * <p>An address is the request's client ({@link Request#client()}: the connection's peer, or behind
 * a trusted proxy the client it forwarded for, see {@link TrustedProxies}): an IPv4 address, or the
 * /64 network of an IPv6 one (one host usually holds a whole /64).
 */
public final class RequestLimits {
  /** Addresses remembered per limit; a few MB at most. */
  static final int MAX_ADDRESSES = 50_000;

  private final List<RouteLimit> routes;
  private final Optional<AddressBuckets> failedCredentials;
  private final AccountLimits accounts;

  private RequestLimits(
      List<RouteLimit> routes, Optional<AddressBuckets> failedCredentials, AccountLimits accounts) {
    this.routes = List.copyOf(routes);
    this.failedCredentials = failedCredentials;
    this.accounts = accounts;
  }

  /** No limits. */
  public static RequestLimits none() {
    return new RequestLimits(List.of(), Optional.empty(), AccountLimits.none());
  }

  /** The per-account limits, for whoever identifies callers (they are checked there). */
  public AccountLimits accounts() {
    return accounts;
  }

  public static Builder builder() {
    return new Builder(System::nanoTime);
  }

  static Builder builder(LongSupplier nanos) {
    return new Builder(nanos);
  }

  /** The refusal for a request about to be routed, if it is over a limit. */
  Optional<FullHttpResponse> admit(Request request, String route) {
    String address = key(request.client());
    if (failedCredentials.isPresent()
        && request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
      Optional<Duration> wait = failedCredentials.get().emptyFor(address);
      if (wait.isPresent()) {
        return Optional.of(
            refusal(
                wait.get(), "Too many refused credentials from your address; try again later."));
      }
    }
    for (RouteLimit limit : routes) {
      if (limit.matches(request.method(), route)) {
        Optional<Duration> wait = limit.buckets().take(address);
        if (wait.isPresent()) {
          return Optional.of(
              refusal(wait.get(), "Too many of these requests from your address; slow down."));
        }
      }
    }
    return Optional.empty();
  }

  /** Counts a refused credential once the request has been answered. */
  void answered(Request request, HttpResponseStatus status) {
    if (failedCredentials.isPresent()
        && status.equals(HttpResponseStatus.UNAUTHORIZED)
        && request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
      failedCredentials.get().take(key(request.client()));
    }
  }

  private static FullHttpResponse refusal(Duration wait, String message) {
    FullHttpResponse response =
        HttpResponses.error(HttpResponseStatus.TOO_MANY_REQUESTS, "rate_limited", message);
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
    return response;
  }

  /** The address a limit applies to. */
  static String key(Optional<InetAddress> client) {
    if (client.isEmpty()) {
      return "local";
    }
    InetAddress address = client.get();
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      StringBuilder network = new StringBuilder("v6:");
      for (int i = 0; i < 8; i++) {
        network.append(String.format("%02x", bytes[i] & 0xff));
      }
      return network.toString();
    }
    return address.getHostAddress();
  }

  /**
   * A limit of one route, or (with no method) of every route under a path prefix: they share one
   * allowance, as the steps of one sign-in do.
   */
  private record RouteLimit(
      Optional<HttpMethod> method, String route, boolean prefix, AddressBuckets buckets) {
    boolean matches(HttpMethod requestMethod, String requestRoute) {
      if (prefix) {
        return requestRoute.startsWith(route);
      }
      return method.orElseThrow().equals(requestMethod) && route.equals(requestRoute);
    }
  }

  /** Limits to apply; a limit of 0 a minute is none. */
  public static final class Builder {
    private final LongSupplier nanos;
    private final List<RouteLimit> routes = new ArrayList<>();
    private Optional<AddressBuckets> failedCredentials = Optional.empty();
    private final List<AccountLimits.Limit> accounts = new ArrayList<>();

    private Builder(LongSupplier nanos) {
      this.nanos = nanos;
    }

    /** Requests to one route (its path template), per address and minute. */
    public Builder route(HttpMethod method, String route, int perMinute) {
      if (perMinute > 0) {
        routes.add(
            new RouteLimit(
                Optional.of(method),
                route,
                false,
                new AddressBuckets(perMinute, MAX_ADDRESSES, nanos)));
      }
      return this;
    }

    /**
     * Requests to every route whose path template starts with {@code prefix} (any method), per
     * address and minute, from one shared allowance.
     */
    public Builder routesUnder(String prefix, int perMinute) {
      if (perMinute > 0) {
        routes.add(
            new RouteLimit(
                Optional.empty(),
                prefix,
                true,
                new AddressBuckets(perMinute, MAX_ADDRESSES, nanos)));
      }
      return this;
    }

    /**
     * Requests to one route (its path template), per account and minute, checked by {@link
     * AccountLimits#admit} once the caller is known.
     */
    public Builder routePerAccount(HttpMethod method, String route, int perMinute) {
      if (perMinute > 0) {
        accounts.add(
            new AccountLimits.Limit(
                method, route, new AddressBuckets(perMinute, MAX_ADDRESSES, nanos)));
      }
      return this;
    }

    /** Refused credentials per address and minute. */
    public Builder failedCredentials(int perMinute) {
      failedCredentials =
          perMinute > 0
              ? Optional.of(new AddressBuckets(perMinute, MAX_ADDRESSES, nanos))
              : Optional.empty();
      return this;
    }

    public RequestLimits build() {
      return new RequestLimits(routes, failedCredentials, new AccountLimits(accounts));
    }
  }
}
