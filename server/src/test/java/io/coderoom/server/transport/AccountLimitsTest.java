package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Limits by route template: per account once the caller is known, and per address by prefix. */
class AccountLimitsTest {
  private final AtomicLong nanos = new AtomicLong();

  private static Request routed(HttpMethod method, String route) {
    return new Request(
        method, route, Map.of(), new DefaultHttpHeaders(), new byte[0], Map.of(), route);
  }

  @Test
  void anAccountHasOneAllowancePerRouteWhateverItsAddress() {
    AccountLimits limits =
        RequestLimits.builder(nanos::get)
            .routePerAccount(HttpMethod.POST, "/api/rooms", 2)
            .build()
            .accounts();
    Request create = routed(HttpMethod.POST, "/api/rooms");
    limits.admit(create, "user:ada");
    limits.admit(create, "user:ada");
    assertThatThrownBy(() -> limits.admit(create, "user:ada"))
        .isInstanceOfSatisfying(
            RateLimited.class,
            limited -> {
              assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
              assertThat(limited)
                  .hasMessage("Too many of these requests from your account; slow down.");
            });
    // Another account, and another route of the same account, are not held back.
    limits.admit(create, "user:grace");
    limits.admit(routed(HttpMethod.GET, "/api/rooms/{id}"), "user:ada");
    limits.admit(routed(HttpMethod.GET, "/api/rooms"), "user:ada");
    nanos.addAndGet(Duration.ofSeconds(30).toNanos());
    limits.admit(create, "user:ada");
  }

  @Test
  void routesUnderAPrefixShareOneAllowancePerAddress() {
    RequestLimits limits =
        RequestLimits.builder(nanos::get).routesUnder("/api/auth/passkey/", 2).build();
    InetSocketAddress one = new InetSocketAddress("127.0.0.2", 1000);
    InetSocketAddress two = new InetSocketAddress("127.0.0.3", 1000);
    Request options = routed(HttpMethod.POST, "/api/auth/passkey/signin/options");
    Request signIn = routed(HttpMethod.POST, "/api/auth/passkey/signin");
    assertThat(limits.admit(one, options, options.route())).isEmpty();
    assertThat(limits.admit(one, signIn, signIn.route())).isEmpty();
    assertThat(limits.admit(one, signIn, signIn.route()))
        .hasValueSatisfying(
            refusal -> {
              assertThat(refusal.status().code()).isEqualTo(429);
              assertThat(refusal.headers().get("Retry-After")).isEqualTo("30");
              refusal.release();
            });
    assertThat(limits.admit(two, signIn, signIn.route())).isEmpty();
    Request session = routed(HttpMethod.GET, "/api/auth/session");
    assertThat(limits.admit(one, session, session.route())).isEmpty();
  }
}
