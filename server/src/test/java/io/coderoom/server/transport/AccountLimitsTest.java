package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Limits by route template: per account once the caller is known, and per address by prefix. */
class AccountLimitsTest {
  private final AtomicLong nanos = new AtomicLong();

  private static Request routed(HttpMethod method, String route) {
    return routed(method, route, Optional.empty());
  }

  private static Request routed(HttpMethod method, String route, Optional<InetAddress> client) {
    return new Request(
        method, route, Map.of(), new DefaultHttpHeaders(), new byte[0], Map.of(), route, client);
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
  void routesUnderAPrefixShareOneAllowancePerAddress() throws Exception {
    RequestLimits limits =
        RequestLimits.builder(nanos::get).routesUnder("/api/auth/passkey/", 2).build();
    Optional<InetAddress> one = Optional.of(InetAddress.getLoopbackAddress());
    Optional<InetAddress> two = Optional.of(InetAddress.getByName("127.0.0.3"));
    Request options = routed(HttpMethod.POST, "/api/auth/passkey/signin/options", one);
    Request signIn = routed(HttpMethod.POST, "/api/auth/passkey/signin", one);
    assertThat(limits.admit(options, options.route())).isEmpty();
    assertThat(limits.admit(signIn, signIn.route())).isEmpty();
    assertThat(limits.admit(signIn, signIn.route()))
        .hasValueSatisfying(
            refusal -> {
              assertThat(refusal.status().code()).isEqualTo(429);
              assertThat(refusal.headers().get("Retry-After")).isEqualTo("30");
              refusal.release();
            });
    Request elsewhere = routed(HttpMethod.POST, "/api/auth/passkey/signin", two);
    assertThat(limits.admit(elsewhere, elsewhere.route())).isEmpty();
    Request session = routed(HttpMethod.GET, "/api/auth/session", one);
    assertThat(limits.admit(session, session.route())).isEmpty();
  }
}
