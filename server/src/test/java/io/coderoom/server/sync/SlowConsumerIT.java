package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading is closed once its socket's buffer is full, instead of the server
 * queueing without bound, and the others' latency does not suffer meanwhile.
 */
@ExtendWith(NettyLeakGuard.class)
class SlowConsumerIT {
  @Test
  void aStalledReaderIsCutOffAndOthersStayFast() throws Exception {
    try (CoderoomServer server =
        TestServers.start(TestServers.config(), InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      JsonNode room =
          Http.json(
              http.post(
                  "/api/rooms",
                  "{\"title\":\"Slow\",\"language\":\"go\"}",
                  "Authorization",
                  "Bearer " + TestServers.API_KEY));
      String roomId = room.path("id").asText();
      String interviewer = token(room, "interviewer");

      // Reads nothing after the handshake: never requests a message.
      WebSocket stalled =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(
                      server.baseUri().toString().replaceFirst("^http", "ws")
                          + "/ws/rooms/"
                          + roomId
                          + "/code?token="
                          + interviewer),
                  new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {}
                  })
              .get(10, TimeUnit.SECONDS);

      try (YClient writer = YClient.connect(server.baseUri(), roomId, "code", interviewer);
          YClient reader = YClient.connect(server.baseUri(), roomId, "code", interviewer)) {
        writer.awaitSynced();
        reader.awaitSynced();
        String chunk = "x".repeat(32 * 1024);
        List<Long> latenciesMs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          int before = reader.text().length();
          long sent = System.nanoTime();
          writer.insert(0, chunk);
          await()
              .atMost(Duration.ofSeconds(10))
              .pollInterval(Duration.ofMillis(1))
              .until(() -> reader.text().length() > before);
          latenciesMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
          if (slowClosed(http) > 0 && i >= 100) {
            break;
          }
        }
        assertThat(slowClosed(http))
            .as("sockets closed for not keeping up")
            .isGreaterThanOrEqualTo(1);
        Collections.sort(latenciesMs);
        long p95 = latenciesMs.get((int) (latenciesMs.size() * 0.95) - 1);
        assertThat(p95)
            .as("p95 edit-to-reader latency in ms, " + latenciesMs.size() + " edits")
            .isLessThan(500);
      } finally {
        stalled.abort();
      }
    }
  }

  private static double slowClosed(Http http) throws Exception {
    Matcher matcher =
        Pattern.compile("coderoom_sockets_slow_closed_total\\{[^}]*} ([0-9.E]+)")
            .matcher(http.get("/metrics").body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
