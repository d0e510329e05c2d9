package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Text nobody types (NUL, other control characters) is refused with a clear 400 where request
 * bodies are read, and text that reaches the database by another way (a socket's {@code ?name=}) is
 * stored visibly instead of failing the write.
 */
@ExtendWith(NettyLeakGuard.class)
class StorableTextIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;
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
  void aNulInATitleIsRefusedWithAClearMessage() throws Exception {
    HttpResponse<String> response =
        http.post(
            "/api/rooms",
            "{\"title\":\"a\\u0000b\",\"language\":\"python\"}",
            "Authorization",
            KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = Http.json(response);
    assertThat(error.path("error").asText()).isEqualTo("invalid_field");
    assertThat(error.path("message").asText())
        .isEqualTo(
            "'title' holds the control character U+0000 at position 1;"
                + " send it as one line of printable text.");
  }

  @Test
  void oneLineFieldsRefuseEveryControlCharacter() throws Exception {
    for (String title : List.of("\\u001b[31mred", "tab\\there", "line\\nbreak", "c1\\u0085")) {
      assertRefused(
          http.post(
              "/api/rooms",
              "{\"title\":\"" + title + "\",\"language\":\"go\"}",
              "Authorization",
              KEY),
          "'title' holds the control character");
    }
    assertRefused(
        http.post(
            "/api/rooms", "{\"title\":\"\\ud800\",\"language\":\"go\"}", "Authorization", KEY),
        "'title' holds half of a UTF-16 surrogate pair");
    JsonNode room = createRoom("{\"title\":\"Links\",\"language\":\"go\"}");
    assertRefused(
        http.post(
            "/api/rooms/" + room.path("id").asText() + "/links",
            "{\"role\":\"observer\",\"name\":\"Ann\\u0000\"}",
            "Authorization",
            KEY),
        "'name' holds the control character U+0000");
  }

  @Test
  void multiLineFieldsKeepTabsAndLineBreaksOnly() throws Exception {
    JsonNode room =
        createRoom(
            "{\"title\":\"Code\",\"language\":\"python\","
                + "\"starterCode\":\"def f():\\r\\n\\treturn 1\\n\"}");
    assertThat(room.path("id").asText()).hasSize(16);
    assertRefused(
        http.post(
            "/api/rooms",
            "{\"title\":\"t\",\"language\":\"python\",\"starterCode\":\"x\\u0000\"}",
            "Authorization",
            KEY),
        "'starterCode' holds the control character U+0000 at position 1;"
            + " only tab, line feed and carriage return are allowed.");
    assertRefused(
        http.post(
            "/api/rooms/" + room.path("id").asText() + "/runs",
            "{\"stdin\":\"1\\n\\u0007\"}",
            "Authorization",
            KEY),
        "'stdin' holds the control character U+0007 at position 2");
  }

  // Names are cleaned where they are read (control characters dropped), so the audit insert that
  // failed on a NUL in ?name= now stores the cleaned name.
  @Test
  void aNulInASocketsNameIsDroppedAndTheJoinIsAudited() throws Exception {
    JsonNode room = createRoom("{\"title\":\"Names\",\"language\":\"python\"}");
    String roomId = room.path("id").asText();
    String url = room.path("links").path("candidate").path("url").asText();
    String token = url.substring(url.indexOf("#token=") + 7);
    CompletableFuture<String> welcome = new CompletableFuture<>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    server.baseUri().toString().replaceFirst("^http", "ws")
                        + "/ws/rooms/"
                        + roomId
                        + "/control?token="
                        + token
                        + "&name=Ann%00Lee"),
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      welcome.complete(text.toString());
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    try {
      assertThat(welcome.get(10, TimeUnit.SECONDS)).contains("\"type\":\"welcome\"");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(joinedNames(roomId)).containsExactly("AnnLee"));
    } finally {
      socket.abort();
    }
  }

  private static List<String> joinedNames(String roomId) throws Exception {
    try (var connection =
            DriverManager.getConnection(
                config.databaseUrl(), config.databaseUser(), config.databasePassword());
        var query =
            connection.prepareStatement(
                "SELECT detail->>'name' FROM audit_log WHERE room_id = ? AND action = 'joined'")) {
      query.setString(1, roomId);
      List<String> names = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    }
  }

  private static JsonNode createRoom(String body) throws Exception {
    HttpResponse<String> response = http.post("/api/rooms", body, "Authorization", KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Http.json(response);
  }

  private static void assertRefused(HttpResponse<String> response, String message)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Http.json(response).path("error").asText()).isEqualTo("invalid_field");
    assertThat(Http.json(response).path("message").asText()).startsWith(message);
  }
}
