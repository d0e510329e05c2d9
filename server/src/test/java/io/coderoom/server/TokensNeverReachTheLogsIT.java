package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the server writes to its log, as an operator reads it, holds no credential. A server process
 * runs with the logging it ships with (its logback.xml, at INFO, text), then with every logger at
 * DEBUG (JSON lines, spans logged too), and is taken through every path that sees a token or the
 * API key: REST calls with good, wrong, tampered, expired and revoked tokens and another room's,
 * socket upgrades accepted and refused on each of the room's sockets, malformed bodies and
 * messages, unknown paths, methods and sockets, an oversized body and a request that is not HTTP.
 * and through the accounts' secrets: a one-time link, a session cookie and an API token, used and
 * tampered with. The whole output must then hold none of the tokens (nor their payload or signature
 * alone), the API keys sent, those secrets, the {@code #token=} fragment of a link, or the database
 * and Redis passwords.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TokensNeverReachTheLogsIT {
  @TempDir Path dir;

  /** How the server logs. */
  enum Logging {
    /** src/main/resources/logback.xml as it ships, at the default level: what operators read. */
    AS_SHIPPED,
    /** The same file with every logger at DEBUG (libraries too), as JSON, with spans logged. */
    DEBUG_EVERYWHERE
  }

  @ParameterizedTest
  @EnumSource(Logging.class)
  void tokensNeverReachTheLogs(Logging logging) throws Exception {
    Path shipped = dir.resolve("logback.xml");
    try (InputStream in = CoderoomServer.class.getResourceAsStream("/logback.xml")) {
      Files.write(shipped, in.readAllBytes());
    }
    Map<String, String> env = new LinkedHashMap<>();
    Path config;
    if (logging == Logging.AS_SHIPPED) {
      config = shipped;
      env.put("CODEROOM_LOG_LEVEL", "INFO");
      env.put("CODEROOM_LOG_FORMAT", "text");
    } else {
      // The shipped file keeps Netty, Lettuce, Hikari and Flyway at WARN; here they speak too.
      config = dir.resolve("logback-debug.xml");
      Files.writeString(
          config, Files.readString(shipped).replaceAll("(?m)^\\s*<logger name=[^>]*/>\\n", ""));
      assertThat(Files.readString(config)).doesNotContain("<logger ");
      env.put("CODEROOM_LOG_LEVEL", "DEBUG");
      env.put("CODEROOM_LOG_FORMAT", "json");
      env.put("CODEROOM_TRACES_EXPORTER", "logging");
    }
    Secrets secrets = new Secrets();
    secrets.add("the API key", TestServers.API_KEY);
    secrets.add("the link fragment", "#token=");
    secrets.addIfSet("the database password", System.getenv("CODEROOM_DB_PASSWORD"));
    secrets.addIfSet(
        "the Redis password", URI.create(TestServers.config().redisUrl()).getUserInfo());

    String output;
    try (ServerProcess server =
        new ServerProcess(
            dir.resolve("server.log"), List.of("-Dlogback.configurationFile=" + config))) {
      server.start(env);
      new Paths(server.uri(), secrets).walk();
      // SIGTERM: the server drains and stops, and everything it logged is in the file.
      assertThat(server.terminate()).isEqualTo(143);
      // JSON lines write slashes as "\/"; read them as they are meant.
      output = server.log().replace("\\/", "/");
    }

    // The log was captured while the paths ran: these lines come from them.
    assertThat(output).contains("listening on http://127.0.0.1:").contains("stopped");
    assertThat(output).contains("closing 1 sockets of token:").contains("token_revoked");
    if (logging == Logging.DEBUG_EVERYWHERE) {
      assertThat(output)
          .contains("\"level\":\"DEBUG\"")
          .contains("malformed message from")
          .contains("\"loggerName\":\"io.netty.")
          .contains("\"loggerName\":\"io.lettuce.")
          .contains("GET /api/rooms/{id}");
    } else {
      assertThat(output).doesNotContain("level=DEBUG");
    }
    secrets.assertNoneIn(output);
  }

  /** Credentials the log must not hold, by name, so a failure names them without showing them. */
  private static final class Secrets {
    private final Map<String, String> byName = new LinkedHashMap<>();

    void add(String name, String value) {
      byName.put(name, value);
    }

    void addIfSet(String name, String value) {
      if (value != null && !value.isBlank()) {
        add(name, value.startsWith(":") ? value.substring(1) : value);
      }
    }

    /** A token, and its payload and signature on their own (the header is the same for all). */
    void addToken(String name, String token) {
      add(name, token);
      String[] parts = token.split("\\.");
      if (parts.length == 3) {
        add(name + "'s payload", parts[1]);
        add(name + "'s signature", parts[2]);
      }
    }

    void assertNoneIn(String output) {
      List<String> found = new ArrayList<>();
      String[] lines = output.split("\n");
      for (int i = 0; i < lines.length; i++) {
        for (Map.Entry<String, String> secret : byName.entrySet()) {
          if (lines[i].contains(secret.getValue())) {
            found.add(
                "line "
                    + (i + 1)
                    + " holds "
                    + secret.getKey()
                    + ": "
                    + lines[i].replace(secret.getValue(), "<" + secret.getKey() + ">"));
          }
        }
      }
      assertThat(found).as("log lines holding a credential").isEmpty();
    }
  }

  /** Every path through the server that sees a credential, each taken once. */
  private static final class Paths {
    private final URI base;
    private final Http http;
    private final Secrets secrets;

    Paths(URI base, Secrets secrets) {
      this.base = base;
      this.http = new Http(base);
      this.secrets = secrets;
    }

    void walk() throws Exception {
      accounts();
      String key = "Bearer " + TestServers.API_KEY;
      String wrongKey = "wrong-api-key-0123456789abcdef";
      secrets.add("a wrong API key", wrongKey);
      Room room = Room.create(http, secrets, "a");
      Room other = Room.create(http, secrets, "another room's");
      String tampered = room.candidate.substring(0, room.candidate.length() - 4) + "AAAA";
      secrets.addToken("a tampered token", tampered);
      String expired = expiredToken(room.id);
      secrets.addToken("an expired token", expired);
      JsonNode issued =
          Http.json(
              expect(
                  201,
                  http.post(
                      "/api/rooms/" + room.id + "/links",
                      "{\"role\":\"candidate\",\"name\":\"Second\"}",
                      "Authorization",
                      "Bearer " + room.interviewer)));
      String revoked = tokenOf(issued.path("url").asText());
      secrets.addToken("a revoked token", revoked);

      // REST: the rooms API with every kind of credential.
      String body = "{\"title\":\"t\",\"language\":\"python\"}";
      expect(401, http.post("/api/rooms", body));
      expect(401, http.post("/api/rooms", body, "Authorization", "Bearer " + wrongKey));
      expect(401, http.post("/api/rooms", body, "Authorization", "Bearer " + room.interviewer));
      expect(401, http.post("/api/rooms", body, "Authorization", "Token " + TestServers.API_KEY));
      expect(400, http.post("/api/rooms", "{nope", "Authorization", key));
      expect(400, http.post("/api/rooms", "[1]", "Authorization", key));
      for (String token : List.of(room.interviewer, room.candidate, room.observer)) {
        expect(200, http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + token));
      }
      expect(200, http.get("/api/rooms/" + room.id, "Authorization", key));
      expect(401, http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + tampered));
      expect(401, http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + expired));
      expect(401, http.get("/api/rooms/" + room.id + "?token=" + room.observer));
      expect(403, http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + other.candidate));
      // Paths carry ids, never credentials: the traces record them (url.path) as they come.
      expect(404, http.get("/api/rooms/no-such-room", "Authorization", key));
      String interviewer = "Bearer " + room.interviewer;
      for (String path : List.of("/links", "/participants", "/history", "/runs")) {
        expect(200, http.get("/api/rooms/" + room.id + path, "Authorization", interviewer));
      }
      expect(
          403,
          http.post(
              "/api/rooms/" + room.id + "/end", "", "Authorization", "Bearer " + room.observer));
      expect(
          400,
          http.post(
              "/api/rooms/" + room.id + "/links", "{\"role\":", "Authorization", interviewer));
      expect(
          404,
          http.get("/api/rooms/" + room.id + "/runs/no-such-run", "Authorization", interviewer));
      expect(404, http.get("/api/nothing", "Authorization", interviewer));
      expect(405, http.send("PUT", "/api/rooms/" + room.id, "Authorization", interviewer));
      // A room link manages nothing from the dashboard.
      expect(403, http.send("DELETE", "/api/rooms/" + room.id, "Authorization", interviewer));
      expect(200, http.get("/rooms/" + room.id + "?token=" + room.interviewer));
      expect(
          413,
          http.post(
              "/api/rooms/" + room.id + "/links",
              "{\"name\":\"" + "x".repeat(1 << 20) + "\"}",
              "Authorization",
              interviewer));
      notHttp(room);

      // Sockets: accepted, used badly, and refused for every reason, on each of the room's three.
      try (Client control = Client.open(base, room.id, "control", room.interviewer);
          Client code = Client.open(base, room.id, "code", room.candidate);
          Client notes = Client.open(base, room.id, "notes", TestServers.API_KEY);
          Client held = Client.open(base, room.id, "control", revoked)) {
        control.awaitText("welcome");
        held.awaitText("welcome");
        control.socket.sendText("not json " + room.interviewer, true).join();
        control.awaitText("bad_command");
        control.socket.sendText("{\"type\":\"kick\",\"participantId\":\"nobody\"}", true).join();
        control.awaitText("not_found");
        for (int i = 0; i < 3; i++) {
          code.socket.sendBinary(ByteBuffer.wrap(new byte[] {7, 7, 7}), true).join();
        }
        assertThat(code.awaitClose()).isEqualTo(1007);
        notes.socket.sendBinary(ByteBuffer.wrap(new byte[] {0, 0, 1, 0}), true).join();

        // A revoked link's open socket is closed, and the room logs that it did.
        expect(
            200,
            http.post(
                "/api/rooms/" + room.id + "/links/" + issued.path("tokenId").asText() + "/revoke",
                "",
                "Authorization",
                interviewer));
        assertThat(held.awaitClose()).isEqualTo(4401);
      }
      for (String doc : List.of("code", "notes", "control")) {
        refused(room.id, doc, null, 4401);
        refused(room.id, doc, "garbage-" + room.candidate, 4401);
        refused(room.id, doc, tampered, 4401);
        refused(room.id, doc, expired, 4401);
        refused(room.id, doc, revoked, 4401);
        refused(room.id, doc, other.interviewer, 4403);
        refused(room.id, doc, wrongKey, 4401);
      }
      refused(room.id, "notes", room.candidate, 4403);
      refused(room.id, "elsewhere", room.interviewer, 4404);
      refused("no-such-room", "code", TestServers.API_KEY, 4404);

      // Ending the room closes its sockets; later ones are refused.
      try (Client last = Client.open(base, room.id, "control", room.observer)) {
        last.awaitText("welcome");
        expect(200, http.post("/api/rooms/" + room.id + "/end", "", "Authorization", interviewer));
        assertThat(last.awaitClose()).isEqualTo(4410);
      }
      refused(room.id, "code", room.candidate, 4410);
      expect(410, http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + room.candidate));
    }

    /**
     * Accounts: a one-time link issued, inspected and started on, a session cookie, an API token
     * created and used, wrong ones of each, and a cross-site write carrying the cookie.
     */
    private void accounts() throws Exception {
      String key = "Bearer " + TestServers.API_KEY;
      String origin = base.toString().replaceAll("/$", "");
      JsonNode setup =
          Http.json(
              expect(
                  201,
                  http.post("/api/admin/links", "{\"purpose\":\"setup\"}", "Authorization", key)));
      String link = tokenOf(setup.path("url").asText());
      secrets.add("a one-time link", link);
      expect(200, http.post("/api/auth/links/inspect", "{\"token\":\"" + link + "\"}"));
      expect(404, http.post("/api/auth/links/inspect", "{\"token\":\"" + link + "x\"}"));
      expect(
          200,
          http.post(
              "/api/auth/passkey/register/options",
              "{\"linkToken\":\"" + link + "\",\"name\":\"Ada\"}"));
      try (TestAccounts accounts = new TestAccounts()) {
        TestAccounts.Person ada = accounts.owner("Ada");
        secrets.add("a session cookie", ada.cookie().substring(ada.cookie().indexOf('=') + 1));
        expect(200, http.get("/api/auth/session", "Cookie", ada.cookie()));
        expect(401, http.get("/api/auth/session", "Cookie", ada.cookie() + "x"));
        JsonNode created =
            Http.json(
                expect(
                    201,
                    http.post(
                        "/api/tokens",
                        "{\"name\":\"ATS\",\"scopes\":[\"rooms:create\",\"reports:read\"]}",
                        "Cookie",
                        ada.cookie(),
                        "Origin",
                        origin)));
        String token = created.path("token").asText();
        secrets.add("an API token", token);
        String body = "{\"title\":\"t\",\"language\":\"python\"}";
        expect(201, http.post("/api/rooms", body, "Authorization", "Bearer " + token));
        expect(401, http.post("/api/rooms", body, "Authorization", "Bearer " + token + "x"));
        expect(
            403,
            http.post(
                "/api/auth/signout",
                "{}",
                "Cookie",
                ada.cookie(),
                "Origin",
                "http://evil.example"));
        expect(200, http.post("/api/auth/signout", "{}", "Cookie", ada.cookie(), "Origin", origin));
      }
    }

    /** Bytes that are not HTTP, with a token in the request line and the header. */
    private void notHttp(Room room) throws Exception {
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET /api/rooms/"
                    + room.id
                    + "?token="
                    + room.candidate
                    + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + room.candidate
                    + "\r\nContent-Length: not-a-number\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(status).isEqualTo("HTTP/1.1 400");
      }
    }

    private void refused(String roomId, String doc, String token, int code) throws Exception {
      try (Client client = Client.open(base, roomId, doc, token)) {
        assertThat(client.awaitClose()).as("%s socket", doc).isEqualTo(code);
      }
    }

    private String expiredToken(String roomId) {
      Instant past = Instant.now().minusSeconds(7200);
      return new RoomTokenCodec(TestServers.TOKEN_KEYS, Clock.systemUTC())
          .sign(
              new RoomToken(
                  "expired-" + roomId, roomId, Role.CANDIDATE, "", past, past.plusSeconds(60)));
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
      assertThat(response.statusCode())
          .as("%s %s", response.request().method(), response.request().uri().getPath())
          .isEqualTo(status);
      return response;
    }
  }

  private static String tokenOf(String url) {
    return url.substring(url.indexOf("#token=") + "#token=".length());
  }

  private record Room(String id, String interviewer, String candidate, String observer) {
    static Room create(Http http, Secrets secrets, String which) throws Exception {
      HttpResponse<String> created =
          http.post(
              "/api/rooms",
              "{\"title\":\"Logs\",\"language\":\"python\"}",
              "Authorization",
              "Bearer " + TestServers.API_KEY);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode room = Http.json(created);
      JsonNode links = room.path("links");
      Room made =
          new Room(
              room.path("id").asText(),
              tokenOf(links.path("interviewer").path("url").asText()),
              tokenOf(links.path("candidate").path("url").asText()),
              tokenOf(links.path("observer").path("url").asText()));
      secrets.addToken(which + " interviewer token", made.interviewer);
      secrets.addToken(which + " candidate token", made.candidate);
      secrets.addToken(which + " observer token", made.observer);
      return made;
    }
  }

  /** A raw room socket: the texts it received, and how it closed. */
  private static final class Client implements WebSocket.Listener, AutoCloseable {
    private final StringBuilder texts = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static Client open(URI base, String roomId, String doc, String token) throws Exception {
      Client client = new Client();
      String query = token == null ? "" : "?token=" + token;
      client.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .buildAsync(
                  URI.create(
                      base.toString().replaceFirst("^http", "ws")
                          + "/ws/rooms/"
                          + roomId
                          + "/"
                          + doc
                          + query),
                  client)
              .get(10, TimeUnit.SECONDS);
      return client;
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      texts.append(data);
      notifyAll();
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed.complete(code);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(-1);
    }

    /** Waits until the texts received hold {@code marker}. */
    synchronized void awaitText(String marker) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!texts.toString().contains(marker)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + marker + " in " + texts);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    int awaitClose() throws Exception {
      return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(error -> null);
      socket.abort();
    }
  }
}
