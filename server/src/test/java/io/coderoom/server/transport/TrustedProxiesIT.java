package io.coderoom.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-address limits behind a proxy, on a real server that trusts 127.0.0.1 as its load balancer
 * ({@code CODEROOM_TRUSTED_PROXIES=127.0.0.1}). A sign-in endpoint allows 2 requests a minute per
 * client, so the third from one client is refused with 429; the requests come from chosen loopback
 * addresses (127.0.0.x) with chosen {@code X-Forwarded-For}. (A server that trusts nobody, the
 * default, ignores the header: {@code RateLimitsIT}.)
 */
@ExtendWith(NettyLeakGuard.class)
class TrustedProxiesIT {
  private static final String INSPECT = "/api/auth/links/inspect";
  private static final int PER_MINUTE = 2;

  private static CoderoomServer behindProxy;

  @BeforeAll
  static void start() throws InterruptedException {
    ServerConfig config =
        TestServers.config()
            .with(
                c -> {
                  c.signInsPerMinute = PER_MINUTE;
                  c.authFailuresPerMinute = 1;
                  c.trustedProxies = TrustedProxies.parse("127.0.0.1");
                });
    behindProxy = TestServers.start(config, InMemorySpanExporter.create());
  }

  @AfterAll
  static void stop() {
    behindProxy.close();
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() throws Exception {
    Client proxy = new Client(behindProxy, "127.0.0.1");
    useAllowance(proxy, "203.0.113.5");
    assertThat(proxy.inspect("203.0.113.5").statusCode()).isEqualTo(429);
    // Another client behind the same proxy is not held back by the first.
    assertThat(proxy.inspect("203.0.113.6").statusCode()).isEqualTo(404);
    assertThat(proxy.inspect("2001:db8::6").statusCode()).isEqualTo(404);
  }

  @Test
  void refusedCredentialsAreCountedAgainstTheForwardedClient() throws Exception {
    Client proxy = new Client(behindProxy, "127.0.0.1");
    assertThat(proxy.wrongKey("203.0.113.20").statusCode()).isEqualTo(401);
    assertThat(proxy.wrongKey("203.0.113.20").statusCode()).isEqualTo(429);
    assertThat(proxy.wrongKey("192.0.2.3, 203.0.113.20").statusCode()).isEqualTo(429);
    assertThat(proxy.wrongKey("203.0.113.21").statusCode()).isEqualTo(401);
  }

  @Test
  void aPeerThatIsNotATrustedProxyIsItsOwnClientWhateverItForwardsFor() throws Exception {
    Client client = new Client(behindProxy, "127.0.0.43");
    useAllowance(client, "203.0.113.10");
    assertThat(client.inspect("203.0.113.11").statusCode()).isEqualTo(429);
  }

  @Test
  void aForgedLeftEntryThroughATrustedProxyDoesNotEscapeTheAllowance() throws Exception {
    Client proxy = new Client(behindProxy, "127.0.0.1");
    // The client sent X-Forwarded-For: 192.0.2.N itself; the proxy appended its address.
    useAllowance(proxy, "192.0.2.1, 203.0.113.9");
    assertThat(proxy.inspect("192.0.2.2, 203.0.113.9").statusCode()).isEqualTo(429);
    assertThat(proxy.inspect("203.0.113.9").statusCode()).isEqualTo(429);
  }

  @Test
  void aMalformedHeaderFromATrustedProxyCountsAgainstThePeerAndIsNoError() throws Exception {
    Client proxy = new Client(behindProxy, "127.0.0.1");
    // The proxy's own allowance (127.0.0.1) is used by the unreadable headers, not a fresh one
    // each.
    assertThat(proxy.inspect("unknown").statusCode()).isEqualTo(404);
    assertThat(proxy.inspect("203.0.113.12:http").statusCode()).isEqualTo(404);
    assertThat(proxy.inspect("[2001:db8::12").statusCode()).isEqualTo(429);
    assertThat(proxy.inspect("not, an, address").statusCode()).isEqualTo(429);
    // Readable ones still get their own.
    assertThat(proxy.inspect("203.0.113.12").statusCode()).isEqualTo(404);
  }

  private static void useAllowance(Client client, String forwardedFor) throws Exception {
    for (int i = 0; i < PER_MINUTE; i++) {
      HttpResponse<String> answer = client.inspect(forwardedFor);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    }
  }

  /** HTTP from one loopback address to one server. */
  private static final class Client {
    private final CoderoomServer server;
    private final HttpClient http;

    Client(CoderoomServer server, String address) throws Exception {
      this.server = server;
      this.http =
          HttpClient.newBuilder()
              .localAddress(InetAddress.getByName(address))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    }

    /** Asks about a link that does not exist (404), with this X-Forwarded-For unless null. */
    HttpResponse<String> inspect(String forwardedFor) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(server.baseUri() + INSPECT))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"crl_guess\"}"));
      return send(request, forwardedFor);
    }

    /** Creates a room with a wrong API key (401), with this X-Forwarded-For. */
    HttpResponse<String> wrongKey(String forwardedFor) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/rooms"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer guess-0123456789")
              .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"language\":\"go\"}"));
      return send(request, forwardedFor);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String forwardedFor)
        throws Exception {
      if (forwardedFor != null) {
        request.header(ForwardedFor.HEADER, forwardedFor);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
