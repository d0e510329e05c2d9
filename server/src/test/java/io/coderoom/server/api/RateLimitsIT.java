package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.SecretTokens;
import io.coderoom.server.account.TestAccounts;
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
 * Room creation and refused credentials (the API key, API tokens, room tokens) are limited per
 * client address, room creation also per account, and sign-in endpoints per address: past the limit
 * the address gets 429 with Retry-After, while other addresses (here other loopback addresses,
 * 127.0.0.x) and its other requests are served as before. The address is the connection's peer,
 * whatever {@code X-Forwarded-For} says, since this server trusts no proxy (the default; behind
 * trusted proxies see {@code TrustedProxiesIT}).
 */
@ExtendWith(NettyLeakGuard.class)
class RateLimitsIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;
  private static final String ROOM = "{\"title\":\"Limits\",\"language\":\"go\"}";
  private static CoderoomServer server;
  private static TestAccounts accounts;

  @BeforeAll
  static void start() throws InterruptedException {
    ServerConfig config =
        TestServers.config()
            .with(
                c -> {
                  c.roomsPerMinute = 3;
                  c.authFailuresPerMinute = 2;
                  c.accountRoomsPerMinute = 2;
                  c.signInsPerMinute = 3;
                });
    server = TestServers.start(config, InMemorySpanExporter.create());
    accounts = new TestAccounts();
  }

  @AfterAll
  static void stop() {
    accounts.close();
    server.close();
  }

  @Test
  void aThousandWrongApiTokensFromOneAddressAreRefusedWhileOthersAreServed() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    String token = token(ada, "rooms:create");
    Client guesser = new Client("127.0.0.8");
    Client other = new Client("127.0.0.9");
    int refused = 0;
    int limited = 0;
    for (int i = 0; i < 1000; i++) {
      HttpResponse<String> answer =
          guesser.post("/api/rooms", ROOM, "Bearer " + SecretTokens.generate("crt_"));
      switch (answer.statusCode()) {
        case 401 -> refused++;
        case 429 -> limited++;
        default -> throw new AssertionError(answer.statusCode() + " " + answer.body());
      }
      if (i == 500) {
        // In the middle of the flood, another address is served as usual.
        assertThat(other.post("/api/rooms", ROOM, "Bearer " + token).statusCode()).isEqualTo(201);
      }
    }
    // Only the limit's allowance reached the database; every other guess was refused at once.
    assertThat(refused).isEqualTo(2);
    assertThat(limited).isEqualTo(998);
    String message = "Too many refused credentials from your address; try again later.";
    assertLimited(guesser.post("/api/rooms", ROOM, "Bearer " + token), message, 30);
    assertThat(guesser.get("/healthz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void roomCreationIsLimitedPerAccountAcrossAddressesAndCredentials() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    String token = token(ada, "rooms:create");
    assertThat(new Client("127.0.0.10").post("/api/rooms", ROOM, "Bearer " + token).statusCode())
        .isEqualTo(201);
    // Her session draws on the same allowance as her token.
    assertThat(
            new Client("127.0.0.11")
                .post("/api/rooms", ROOM, null, "Cookie", ada.cookie(), "Origin", origin())
                .statusCode())
        .isEqualTo(201);
    assertLimited(
        new Client("127.0.0.12").post("/api/rooms", ROOM, "Bearer " + token),
        "Too many of these requests from your account; slow down.",
        30);
    // Another account, from the same address, is not held back.
    TestAccounts.Person grace = accounts.owner("Grace");
    assertThat(
            new Client("127.0.0.12")
                .post("/api/rooms", ROOM, "Bearer " + token(grace, "rooms:create"))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void signInEndpointsAreLimitedPerAddress() throws Exception {
    Client guesser = new Client("127.0.0.13");
    String guess = "{\"token\":\"crl_guess\"}";
    for (int i = 0; i < 3; i++) {
      assertThat(guesser.post("/api/auth/links/inspect", guess, null).statusCode()).isEqualTo(404);
    }
    assertLimited(
        guesser.post("/api/auth/links/inspect", guess, null),
        "Too many of these requests from your address; slow down.",
        30);
    // Trusting no proxy (the default), the server ignores X-Forwarded-For: a forged one is no
    // way to a fresh allowance.
    assertLimited(
        guesser.post("/api/auth/links/inspect", guess, null, "X-Forwarded-For", "203.0.113.77"),
        "Too many of these requests from your address; slow down.",
        30);
    assertThat(new Client("127.0.0.14").post("/api/auth/links/inspect", guess, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void addingPasskeysIsLimitedPerAccountAcrossAddresses() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> options =
          new Client("127.0.0." + (20 + i))
              .post(
                  "/api/auth/passkey/register/options",
                  "{}",
                  null,
                  "Cookie",
                  ada.cookie(),
                  "Origin",
                  origin());
      assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
    }
    assertLimited(
        new Client("127.0.0.23")
            .post(
                "/api/auth/passkey/register/options",
                "{}",
                null,
                "Cookie",
                ada.cookie(),
                "Origin",
                origin()),
        "Too many of these requests from your account; slow down.",
        30);
  }

  private static String origin() {
    return server.baseUri().toString();
  }

  /** A new API token of the person, made through their session. */
  private static String token(TestAccounts.Person owner, String scope) throws Exception {
    HttpResponse<String> created =
        new Http(server.baseUri())
            .post(
                "/api/tokens",
                "{\"name\":\"ATS\",\"scopes\":[\"" + scope + "\"]}",
                "Cookie",
                owner.cookie(),
                "Origin",
                origin());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).path("token").asText();
  }

  @Test
  void roomCreationIsLimitedPerAddress() throws Exception {
    Client busy = new Client("127.0.0.2");
    for (int i = 0; i < 3; i++) {
      assertThat(busy.post("/api/rooms", ROOM, KEY).statusCode()).isEqualTo(201);
    }
    HttpResponse<String> limited = busy.post("/api/rooms", ROOM, KEY);
    assertLimited(limited, "Too many of these requests from your address; slow down.", 20);

    assertThat(busy.get("/api/languages", null).statusCode()).isEqualTo(200);
    assertThat(busy.get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(new Client("127.0.0.3").post("/api/rooms", ROOM, KEY).statusCode()).isEqualTo(201);
  }

  @Test
  void refusedCredentialsAreLimitedPerAddress() throws Exception {
    Client guesser = new Client("127.0.0.4");
    for (int i = 0; i < 2; i++) {
      assertThat(guesser.post("/api/rooms", ROOM, "Bearer guess-" + i + "-0123456789").statusCode())
          .isEqualTo(401);
    }
    String limited = "Too many refused credentials from your address; try again later.";
    assertLimited(guesser.post("/api/rooms", ROOM, "Bearer guess-2-0123456789"), limited, 30);
    // Once limited, even the right key is not tried, so guessing it gains nothing.
    assertLimited(guesser.post("/api/rooms", ROOM, KEY), limited, 30);
    assertThat(guesser.get("/healthz", null).statusCode()).isEqualTo(200);

    Client wrongRoomToken = new Client("127.0.0.5");
    JsonNode room = Http.json(new Client("127.0.0.6").post("/api/rooms", ROOM, KEY));
    String path = "/api/rooms/" + room.path("id").asText();
    assertThat(wrongRoomToken.get(path, "Bearer not-a-token").statusCode()).isEqualTo(401);
    assertThat(wrongRoomToken.get(path, "Bearer not-a-token").statusCode()).isEqualTo(401);
    assertLimited(wrongRoomToken.get(path, "Bearer not-a-token"), limited, 30);

    assertThat(new Client("127.0.0.7").get(path, KEY).statusCode()).isEqualTo(200);
  }

  private static void assertLimited(HttpResponse<String> response, String message, int maxWait)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    assertThat(Http.json(response).path("error").asText()).isEqualTo("rate_limited");
    assertThat(Http.json(response).path("message").asText()).isEqualTo(message);
    long retryAfter = Long.parseLong(response.headers().firstValue("retry-after").orElseThrow());
    assertThat(retryAfter).isBetween(1L, (long) maxWait);
  }

  /** An HTTP client whose connections come from one loopback address. */
  private static final class Client {
    private final HttpClient http;

    Client(String address) throws Exception {
      http =
          HttpClient.newBuilder()
              .localAddress(InetAddress.getByName(address))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    }

    HttpResponse<String> post(String path, String json, String authorization, String... headers)
        throws Exception {
      HttpRequest.Builder request = request(path, authorization);
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return http.send(
          request
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
      return http.send(
          request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String authorization) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(server.baseUri() + path))
              .timeout(Duration.ofSeconds(10));
      if (authorization != null) {
        builder.header("Authorization", authorization);
      }
      return builder;
    }
  }
}
