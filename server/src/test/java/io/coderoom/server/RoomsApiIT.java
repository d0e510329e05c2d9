package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rooms API over HTTP against the real PostgreSQL: credentials, roles, links, ending. */
@ExtendWith(NettyLeakGuard.class)
class RoomsApiIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static ServerConfig config;
  private static CoderoomServer server;
  private static Http http;

  @BeforeAll
  static void start() throws InterruptedException {
    config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void creatingARoomReturnsItAndOneLinkPerRole() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> response =
        http.post(
            "/api/rooms",
            "{\"title\":\"Backend loop\",\"language\":\"python\"}",
            "Authorization",
            KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode room = Http.json(response);
    String id = room.path("id").asText();
    assertThat(id).hasSize(16);
    assertThat(response.headers().firstValue("location")).hasValue("/api/rooms/" + id);
    assertThat(room.path("title").asText()).isEqualTo("Backend loop");
    assertThat(room.path("status").asText()).isEqualTo("open");
    for (String role : List.of("interviewer", "candidate", "observer")) {
      JsonNode link = room.path("links").path(role);
      assertThat(link.path("role").asText()).isEqualTo(role);
      assertThat(link.path("url").asText())
          .startsWith(server.baseUri() + "/rooms/" + id + "#token=");
    }
    Instant after = Instant.now();
    // The links live as long as the defaults say: 24 h for the candidate, 168 h for the others.
    Map<String, Duration> lifetimes =
        Map.of(
            "candidate", Duration.ofHours(24),
            "interviewer", Duration.ofHours(168),
            "observer", Duration.ofHours(168));
    for (Map.Entry<String, Duration> lifetime : lifetimes.entrySet()) {
      JsonNode link = room.path("links").path(lifetime.getKey());
      JsonNode claims = claimsOf(tokenOf(link.path("url").asText()));
      Instant issued = Instant.ofEpochSecond(claims.path("iat").asLong());
      Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
      assertThat(issued).as(lifetime.getKey() + " issued").isBetween(before, after);
      assertThat(Duration.between(issued, expires))
          .as(lifetime.getKey() + " lifetime")
          .isEqualTo(lifetime.getValue());
      assertThat(Instant.parse(link.path("issuedAt").asText())).isEqualTo(issued);
      assertThat(Instant.parse(link.path("expiresAt").asText())).isEqualTo(expires);
    }
  }

  /** The claims of a compact JWT, read without checking it (the server checks it). */
  private static JsonNode claimsOf(String token) throws Exception {
    String payload = token.split("\\.")[1];
    return JSON.readTree(Base64.getUrlDecoder().decode(payload));
  }

  @Test
  void creatingNeedsTheApiKeyAndValidInput() throws Exception {
    String body = "{\"title\":\"t\",\"language\":\"python\"}";
    assertError(http.post("/api/rooms", body), 401, "unauthorized");
    assertError(
        http.post("/api/rooms", body, "Authorization", "Bearer wrong-key-0123456789"),
        401,
        "unauthorized");
    Room room = createRoom();
    assertError(
        http.post("/api/rooms", body, "Authorization", "Bearer " + room.interviewer),
        401,
        "unauthorized");
    assertError(
        http.post("/api/rooms", "{\"title\":\"t\",\"language\":\"cobol\"}", "Authorization", KEY),
        400,
        "invalid_field");
    assertError(
        http.post("/api/rooms", "{\"language\":\"go\"}", "Authorization", KEY),
        400,
        "invalid_field");
    assertError(
        http.post(
            "/api/rooms",
            "{\"title\":\"" + "x".repeat(201) + "\",\"language\":\"go\"}",
            "Authorization",
            KEY),
        400,
        "invalid_field");
    assertError(http.post("/api/rooms", "{nope", "Authorization", KEY), 400, "bad_json");
    assertError(http.post("/api/rooms", "[1]", "Authorization", KEY), 400, "bad_json");
  }

  @Test
  void everyRoleReadsItsRoomButNotAnother() throws Exception {
    Room room = createRoom();
    Room other = createRoom();
    for (String token : List.of(room.interviewer, room.candidate, room.observer)) {
      HttpResponse<String> response =
          http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + token);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Http.json(response).path("id").asText()).isEqualTo(room.id);
    }
    assertError(
        http.get("/api/rooms/" + other.id, "Authorization", "Bearer " + room.candidate),
        403,
        "token_wrong_room");
    assertError(http.get("/api/rooms/" + room.id), 401, "unauthorized");
    assertError(http.get("/api/rooms/no-such-room", "Authorization", KEY), 404, "room_not_found");
  }

  @Test
  void tamperedAndExpiredTokensAreRefused() throws Exception {
    Room room = createRoom();
    String tampered = room.candidate.substring(0, room.candidate.length() - 3) + "abc";
    assertError(
        http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + tampered),
        401,
        "token_invalid");

    Instant past = Instant.now().minusSeconds(7200);
    String expired =
        new RoomTokenCodec(TestServers.TOKEN_KEYS, Clock.systemUTC())
            .sign(
                new RoomToken(
                    "expired-1", room.id, Role.INTERVIEWER, "", past, past.plusSeconds(60)));
    assertError(
        http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + expired),
        401,
        "token_expired");
  }

  @Test
  void onlyInterviewersModerate() throws Exception {
    Room room = createRoom();
    for (String token : List.of(room.candidate, room.observer)) {
      String auth = "Bearer " + token;
      assertError(
          http.post("/api/rooms/" + room.id + "/end", "", "Authorization", auth), 403, "forbidden");
      assertError(
          http.get("/api/rooms/" + room.id + "/links", "Authorization", auth), 403, "forbidden");
      assertError(
          http.post(
              "/api/rooms/" + room.id + "/links",
              "{\"role\":\"interviewer\"}",
              "Authorization",
              auth),
          403,
          "forbidden");
    }
    assertThat(auditActions(room.id)).contains("room_created", "token_issued");
  }

  @Test
  void revokedLinksStopWorkingAndOthersDoNot() throws Exception {
    Room room = createRoom();
    String interviewer = "Bearer " + room.interviewer;
    HttpResponse<String> issued =
        http.post(
            "/api/rooms/" + room.id + "/links",
            "{\"role\":\"candidate\",\"name\":\"Grace\"}",
            "Authorization",
            interviewer);
    assertThat(issued.statusCode()).isEqualTo(201);
    JsonNode link = Http.json(issued);
    assertThat(link.path("name").asText()).isEqualTo("Grace");
    String token = tokenOf(link.path("url").asText());
    assertThat(http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);

    HttpResponse<String> list =
        http.get("/api/rooms/" + room.id + "/links", "Authorization", interviewer);
    JsonNode links = Http.json(list).path("links");
    assertThat(links).hasSize(4);
    assertThat(list.body()).doesNotContain("#token=").doesNotContain(token);

    String tokenId = link.path("tokenId").asText();
    assertThat(
            http.post(
                    "/api/rooms/" + room.id + "/links/" + tokenId + "/revoke",
                    "",
                    "Authorization",
                    interviewer)
                .statusCode())
        .isEqualTo(200);
    assertError(
        http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + token),
        401,
        "token_revoked");
    assertError(
        http.post(
            "/api/rooms/" + room.id + "/links/" + tokenId + "/revoke",
            "",
            "Authorization",
            interviewer),
        404,
        "not_found");
    assertThat(
            http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + room.candidate)
                .statusCode())
        .isEqualTo(200);
    assertThat(auditActions(room.id)).contains("token_revoked");
  }

  @Test
  void endingARoomKillsEveryLink() throws Exception {
    Room room = createRoom();
    HttpResponse<String> ended =
        http.post(
            "/api/rooms/" + room.id + "/end", "", "Authorization", "Bearer " + room.interviewer);
    assertThat(ended.statusCode()).isEqualTo(200);
    assertThat(Http.json(ended).path("status").asText()).isEqualTo("ended");
    assertThat(Http.json(ended).path("endedAt").isTextual()).isTrue();
    for (String token : List.of(room.candidate, room.observer)) {
      assertError(
          http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + token), 410, "room_ended");
    }
    // The interviewer's link still reads the ended room's record, and does nothing else with it.
    HttpResponse<String> read =
        http.get("/api/rooms/" + room.id, "Authorization", "Bearer " + room.interviewer);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Http.json(read).path("status").asText()).isEqualTo("ended");
    assertError(
        http.post(
            "/api/rooms/" + room.id + "/runs", "{}", "Authorization", "Bearer " + room.interviewer),
        410,
        "room_ended");
    assertError(
        http.post(
            "/api/rooms/" + room.id + "/links",
            "{\"role\":\"candidate\"}",
            "Authorization",
            "Bearer " + room.interviewer),
        410,
        "room_ended");
    HttpResponse<String> byKey = http.get("/api/rooms/" + room.id, "Authorization", KEY);
    assertThat(Http.json(byKey).path("status").asText()).isEqualTo("ended");
    assertError(
        http.post(
            "/api/rooms/" + room.id + "/links", "{\"role\":\"candidate\"}", "Authorization", KEY),
        410,
        "room_ended");
    assertThat(auditActions(room.id)).contains("room_ended");
  }

  @Test
  void everyDocumentedOperationIsRouted() throws Exception {
    HttpResponse<String> response = http.get("/api/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = Http.json(response).path("paths");
    List<String> documented = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase();
        documented.add(method + " " + path.getKey());
        String concrete =
            OPEN_EXAMPLES.getOrDefault(path.getKey(), path.getKey().replaceAll("\\{[^}]+}", "x"));
        HttpResponse<String> answer = http.send(method, concrete);
        String call = method + " " + concrete + ": " + answer.body();
        JsonNode operation = path.getValue().path(method.toLowerCase());
        assertThat(answer.statusCode()).as(call).isNotIn(404, 405, 500);
        if (method.equals("GET") && OPEN_OPERATION_FIELDS.containsKey(concrete)) {
          // Open to everyone: answered with what it serves (writing to the same paths is not).
          assertThat(answer.statusCode()).as(call).isEqualTo(200);
          assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
          assertThat(Http.json(answer).fieldNames())
              .toIterable()
              .as(call)
              .containsExactlyElementsOf(OPEN_OPERATION_FIELDS.get(concrete));
        } else if (concrete.startsWith("/api/rooms")) {
          // Routed to its endpoint, which asks for a credential before anything else.
          assertThat(answer.statusCode()).as(call).isEqualTo(401);
          assertThat(answer.headers().firstValue("www-authenticate"))
              .hasValue("Bearer realm=\"coderoom\"");
          String message =
              SIGNED_IN_OPERATIONS.getOrDefault(
                  method + " " + concrete,
                  "Send the API key or a room token as 'Authorization: Bearer <credential>'.");
          assertThat(Http.json(answer))
              .as(call)
              .isEqualTo(
                  JSON.createObjectNode().put("error", "unauthorized").put("message", message));
        } else {
          // Routed to its endpoint (not the router's 404 or 405): it answers in the API's JSON,
          // or, for a step of a browser's sign-in, sends the browser on.
          if (answer.statusCode() / 100 == 3) {
            assertThat(answer.headers().firstValue("location")).as(call).isPresent();
          } else {
            assertThat(answer.headers().firstValue("content-type"))
                .as(call)
                .hasValue("application/json");
          }
        }
      }
    }
    assertThat(documented).hasSizeGreaterThanOrEqualTo(20);
  }

  /** What the operations for signed-in members (or the API key) say to a caller without either. */
  private static final String MANAGE =
      "Sign in, or send the API key as 'Authorization: Bearer <key>', to manage rooms.";

  private static final Map<String, String> SIGNED_IN_OPERATIONS =
      Map.of(
          "POST /api/rooms",
          "Creating rooms needs a signed-in member, an API token with the rooms:create scope, or"
              + " the API key, as 'Authorization: Bearer <credential>'.",
          "GET /api/rooms",
          "Sign in to see your team's interviews.",
          "PATCH /api/rooms/x",
          MANAGE,
          "DELETE /api/rooms/x",
          MANAGE,
          "POST /api/rooms/x/candidate-link",
          MANAGE,
          "POST /api/rooms/x/enter",
          MANAGE);

  /** The top-level fields of what the operations open to everyone (their GET) answer. */
  private static final Map<String, List<String>> OPEN_OPERATION_FIELDS =
      Map.of(
          "/api/openapi.json", List.of("openapi", "info", "components", "security", "paths"),
          "/api/languages", List.of("languages"),
          "/api/problems", List.of("problems", "total", "page", "size"));

  /** Paths open to everyone whose placeholder must name something that exists to be answered. */
  private static final Map<String, String> OPEN_EXAMPLES =
      Map.of("/api/problems/{id}", "/api/problems/two-sum");

  @Test
  void languagesListWhatTheRunnerImagesShip() throws Exception {
    HttpResponse<String> response = http.get("/api/languages");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode languages = Http.json(response).path("languages");
    List<String> ids = new ArrayList<>();
    languages.forEach(language -> ids.add(language.path("id").asText()));
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "python", "javascript", "typescript", "java", "cpp", "go", "csharp");
    for (JsonNode language : languages) {
      assertThat(language.path("version").asText()).as(language.toString()).isNotBlank();
      assertThat(language.path("fileName").asText()).isNotBlank();
      assertThat(language.path("template").asText()).isNotBlank();
    }
  }

  private record Room(String id, String interviewer, String candidate, String observer) {}

  private static Room createRoom() throws Exception {
    HttpResponse<String> response =
        http.post(
            "/api/rooms", "{\"title\":\"Pairing\",\"language\":\"go\"}", "Authorization", KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode room = Http.json(response);
    JsonNode links = room.path("links");
    return new Room(
        room.path("id").asText(),
        tokenOf(links.path("interviewer").path("url").asText()),
        tokenOf(links.path("candidate").path("url").asText()),
        tokenOf(links.path("observer").path("url").asText()));
  }

  private static String tokenOf(String url) {
    return url.substring(url.indexOf("#token=") + "#token=".length());
  }

  private static void assertError(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(Http.json(response).path("error").asText()).isEqualTo(code);
    assertThat(Http.json(response).path("message").asText()).isNotBlank();
  }

  private static List<String> auditActions(String roomId) throws Exception {
    try (var connection =
            DriverManager.getConnection(
                config.databaseUrl(), config.databaseUser(), config.databasePassword());
        var statement =
            connection.prepareStatement(
                "SELECT action FROM audit_log WHERE room_id = ? ORDER BY id")) {
      statement.setString(1, roomId);
      List<String> actions = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          actions.add(rows.getString(1));
        }
      }
      return actions;
    }
  }
}
