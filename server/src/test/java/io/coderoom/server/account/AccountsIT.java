package io.coderoom.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions, one-time links and the cross-site checks, against the real server and PostgreSQL. The
 * browsers' sign-in methods are tested with real browsers; this is what they all rest on.
 */
@ExtendWith(NettyLeakGuard.class)
class AccountsIT {
  private static final String API_KEY = "Bearer " + TestServers.API_KEY;
  private static CoderoomServer server;
  private static TestAccounts accounts;
  private static Http http;
  private static String origin;

  @BeforeAll
  static void start() throws InterruptedException {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    accounts = new TestAccounts();
    http = new Http(server.baseUri());
    origin = server.baseUri().toString();
  }

  @AfterAll
  static void stop() {
    accounts.close();
    server.close();
  }

  @Test
  void aSessionShowsItsMemberUntilSignedOut() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    JsonNode session = Http.json(http.get("/api/auth/session", "Cookie", ada.cookie()));
    assertThat(session.path("user").path("name").asText()).isEqualTo("Ada");
    assertThat(session.path("team").path("role").asText()).isEqualTo("owner");
    assertThat(session.path("team").path("name").asText()).isEqualTo("Ada's team");
    // Someone has an account now: the first administrator is no longer to be made.
    assertThat(Http.json(http.get("/api/auth/options")).path("setupNeeded").asBoolean()).isFalse();

    HttpResponse<String> out =
        http.post("/api/auth/signout", "{}", "Cookie", ada.cookie(), "Origin", origin);
    assertThat(out.statusCode()).isEqualTo(200);
    String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cleared)
        .startsWith(SessionCookie.NAME + "=;")
        .containsIgnoringCase("HttpOnly")
        .contains("Max-Age=0", "SameSite=Lax", "Path=/")
        .doesNotContain("Secure");

    HttpResponse<String> after = http.get("/api/auth/session", "Cookie", ada.cookie());
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(Http.json(after).path("error").asText()).isEqualTo("signed_out");
    assertThat(http.get("/api/auth/session").statusCode()).isEqualTo(401);
  }

  @Test
  void signingOutEverywhereEndsTheOtherBrowsersSessions() throws Exception {
    TestAccounts.Person grace = accounts.owner("Grace");
    String laptop = accounts.anotherSession(grace);
    TestAccounts.Person bystander = accounts.member(grace, "Linus", TeamRole.INTERVIEWER);
    HttpResponse<String> out =
        http.post("/api/auth/signout-everywhere", "{}", "Cookie", grace.cookie(), "Origin", origin);
    assertThat(Http.json(out).path("sessions").asInt()).isEqualTo(2);
    assertThat(http.get("/api/auth/session", "Cookie", laptop).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/auth/session", "Cookie", grace.cookie()).statusCode()).isEqualTo(401);
    // Only her sessions: a teammate stays signed in.
    assertThat(http.get("/api/auth/session", "Cookie", bystander.cookie()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aSetupLinkIsIssuedWithTheApiKeyAndWorksOnce() throws Exception {
    String body = "{\"purpose\":\"setup\",\"teamName\":\"Platform\"}";
    assertThat(http.post("/api/admin/links", body).statusCode()).isEqualTo(401);
    HttpResponse<String> issued = http.post("/api/admin/links", body, "Authorization", API_KEY);
    assertThat(issued.statusCode()).isEqualTo(201);
    URI url = URI.create(Http.json(issued).path("url").asText());
    assertThat(url.getPath()).isEqualTo("/account/link");
    String token = url.getFragment().substring("token=".length());

    JsonNode inspected =
        Http.json(http.post("/api/auth/links/inspect", "{\"token\":\"" + token + "\"}"));
    assertThat(inspected.path("purpose").asText()).isEqualTo("setup");
    assertThat(inspected.path("teamName").asText()).isEqualTo("Platform");

    OneTimeLinks links = new OneTimeLinks(accounts.database().jdbi(), Clock.systemUTC());
    Optional<OneTimeLink> first =
        accounts.database().jdbi().inTransaction(h -> links.consume(h, token, "first"));
    Optional<OneTimeLink> second =
        accounts.database().jdbi().inTransaction(h -> links.consume(h, token, "second"));
    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    HttpResponse<String> used =
        http.post("/api/auth/links/inspect", "{\"token\":\"" + token + "\"}");
    assertThat(used.statusCode()).isEqualTo(404);
    assertThat(Http.json(used).path("error").asText()).isEqualTo("link_invalid");
  }

  @Test
  void aSessionEndsWhenIdleAndAtItsAbsoluteExpiry() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T09:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now.get();
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    Sessions sessions =
        new Sessions(accounts.database().jdbi(), clock, Duration.ofHours(2), Duration.ofHours(5));
    TestAccounts.Person mary = accounts.owner("Mary");
    String idle = sessions.start(mary.user().id(), "test").secret();
    String busy = sessions.start(mary.user().id(), "test").secret();
    for (int use = 1; use <= 3; use++) {
      now.set(now.get().plus(Duration.ofMinutes(90)));
      assertThat(sessions.resolve(busy)).as("used every 90 minutes, use %d", use).isPresent();
    }
    // 5.5 hours in: used all along, but past its absolute expiry.
    now.set(now.get().plus(Duration.ofHours(1)));
    assertThat(sessions.resolve(busy)).isEmpty();
    assertThat(sessions.resolve(idle)).as("unused for 5.5 hours").isEmpty();
  }

  @Test
  void aCookieCarryingWriteFromAnotherOriginIsRefused() throws Exception {
    TestAccounts.Person alan = accounts.owner("Alan");
    int port = server.address().getPort();
    for (String foreign :
        new String[] {"http://evil.example", "http://127.0.0.1:" + (port + 1), "null"}) {
      HttpResponse<String> refused =
          http.post("/api/auth/signout", "{}", "Cookie", alan.cookie(), "Origin", foreign);
      assertThat(refused.statusCode()).as(foreign).isEqualTo(403);
      assertThat(Http.json(refused).path("error").asText()).isEqualTo("cross_origin");
    }
    // Without an Origin, only a browser's own word that it is same-origin will do.
    assertThat(http.post("/api/auth/signout", "{}", "Cookie", alan.cookie()).statusCode())
        .isEqualTo(403);
    assertThat(
            http.post(
                    "/api/auth/signout-everywhere",
                    "{}",
                    "Cookie",
                    alan.cookie(),
                    "Sec-Fetch-Site",
                    "cross-site")
                .statusCode())
        .isEqualTo(403);
    assertThat(http.get("/api/auth/session", "Cookie", alan.cookie()).statusCode())
        .as("still signed in after every refused write")
        .isEqualTo(200);
    // Requests without a cookie are not the browser acting for someone: the API answers them.
    HttpResponse<String> cookieless =
        http.post(
            "/api/auth/links/inspect",
            "{\"token\":\"crl_nothing\"}",
            "Origin",
            "http://evil.example");
    assertThat(cookieless.statusCode()).isEqualTo(404);
    assertThat(
            http.post(
                    "/api/auth/signout",
                    "{}",
                    "Cookie",
                    alan.cookie(),
                    "Sec-Fetch-Site",
                    "same-origin")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aSocketOpensOnlyFromOurOriginOrWithoutOne() throws Exception {
    assertThat(upgradeStatus(Optional.of("http://evil.example"))).isEqualTo(403);
    assertThat(upgradeStatus(Optional.of("http://localhost:1"))).isEqualTo(403);
    assertThat(upgradeStatus(Optional.of(origin))).isEqualTo(101);
    assertThat(upgradeStatus(Optional.empty())).isEqualTo(101);
  }

  /** The status line's code of a WebSocket upgrade to a room that does not exist. */
  private static int upgradeStatus(Optional<String> originHeader) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.setSoTimeout(5000);
      String request =
          "GET /ws/rooms/nosuchroom/control?token=x HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Upgrade: websocket\r\n"
              + "Connection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Version: 13\r\n"
              + originHeader.map(o -> "Origin: " + o + "\r\n").orElse("")
              + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }
}
