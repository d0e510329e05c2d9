package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.Http;
import io.coderoom.server.ServerProcess;
import io.coderoom.server.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 mid-session: every update sent at least a second before the kill survives the restart,
 * and a client that reconnects with its own copy converges with the server.
 */
class DurabilityIT {
  @TempDir Path logs;

  @Test
  void updatesSentASecondBeforeAKillSurviveIt() throws Exception {
    try (ServerProcess server = new ServerProcess(logs.resolve("server.log"))) {
      server.start();
      HttpResponse<String> created =
          new Http(server.uri())
              .post(
                  "/api/rooms",
                  "{\"title\":\"Durable\",\"language\":\"cpp\"}",
                  "Authorization",
                  "Bearer " + TestServers.API_KEY);
      JsonNode room = Http.json(created);
      String roomId = room.path("id").asText();
      String candidate = token(room, "candidate");
      String observer = token(room, "observer");

      YClient writer = YClient.connect(server.uri(), roomId, "code", candidate);
      writer.awaitSynced();
      record Sent(long atNanos, String line) {}
      List<Sent> sent = new ArrayList<>();
      long stopAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      for (int i = 0; System.nanoTime() < stopAt; i++) {
        String line = "edit " + i + "\n";
        writer.insert(writer.text().length(), line);
        sent.add(new Sent(System.nanoTime(), line));
        Thread.sleep(8); // about 100 edits a second: fast typing, under the socket's rate limit
      }
      long killedAt = System.nanoTime();
      server.kill();
      byte[] writerState = writer.state();
      String writerText = writer.text();
      writer.close();

      server.start();
      String reloaded;
      try (YClient reader = YClient.connect(server.uri(), roomId, "code", observer)) {
        reader.awaitSynced();
        reloaded = reader.text();
      }
      long safeBefore = killedAt - Duration.ofSeconds(1).toNanos();
      List<String> mustSurvive =
          sent.stream().filter(s -> s.atNanos() <= safeBefore).map(Sent::line).toList();
      assertThat(mustSurvive).hasSizeGreaterThan(100);
      for (String line : mustSurvive) {
        assertThat(reloaded).contains(line);
      }

      // The writer comes back with everything it had; server and clients converge on it.
      try (YClient back = YClient.connect(server.uri(), roomId, "code", candidate, writerState);
          YClient watcher = YClient.connect(server.uri(), roomId, "code", observer)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.text().equals(writerText));
        assertThat(back.text()).isEqualTo(writerText);
      }
    }
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
