package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three stock npm y-websocket clients (yjs 13.6.33) and two Java clients edit one room at once;
 * everyone converges on the same text, which is what a fresh client reads from the server and what
 * a restarted server reloads from PostgreSQL.
 */
@ExtendWith(NettyLeakGuard.class)
class YWebsocketInteropIT {
  private static final int EDITS = 150;
  private static final int INTERVAL_MS = 15;
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void stockClientsAndJavaClientsConverge() throws Exception {
    long seed = Long.getLong("coderoom.interop.seed", System.nanoTime() % 100_000);
    ServerConfig config = TestServers.config();
    CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create());
    List<NodePeer> nodes = new ArrayList<>();
    List<YClient> javas = new ArrayList<>();
    try {
      JsonNode links = createRoom(server);
      String roomId = links.path("id").asText();
      String interviewer = token(links, "interviewer");
      String candidate = token(links, "candidate");
      for (int i = 0; i < 3; i++) {
        nodes.add(
            NodePeer.start(
                server.baseUri(),
                roomId,
                i == 0 ? candidate : interviewer,
                seed + i,
                EDITS,
                INTERVAL_MS));
      }
      for (int i = 0; i < 2; i++) {
        javas.add(
            YClient.connect(server.baseUri(), roomId, "code", i == 0 ? candidate : interviewer));
      }
      for (NodePeer node : nodes) {
        node.await("synced", WAIT);
      }
      for (YClient java : javas) {
        java.awaitSynced();
        java.setPresence("{\"user\":{\"name\":\"java\"}}");
      }

      try (ExecutorService editors = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < javas.size(); i++) {
          YClient java = javas.get(i);
          Random random = new Random(seed * 31 + i);
          running.add(editors.submit(() -> editRandomly(java, random)));
        }
        for (Future<?> future : running) {
          future.get();
        }
      }
      for (NodePeer node : nodes) {
        node.await("edited", WAIT);
      }

      String seedNote = "seed " + seed + " (rerun with -Dcoderoom.interop.seed=" + seed + ")";
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                String expected = javas.get(0).text();
                assertThat(javas.get(1).text()).as(seedNote).isEqualTo(expected);
                for (NodePeer node : nodes) {
                  assertThat(node.report().path("text").asText()).as(seedNote).isEqualTo(expected);
                }
              });
      String converged = javas.get(0).text();
      assertThat(converged).as(seedNote).isNotEmpty();

      // Awareness from every client reached the others.
      JsonNode seen = nodes.get(0).report().path("clients");
      assertThat(seen.size()).as(seedNote).isEqualTo(5);
      long nodeClient = nodes.get(2).report().path("clientId").asLong();
      assertThat(javas.get(0).presences()).containsKey(nodeClient);

      // A stock client that vanishes loses its cursor at once.
      nodes.get(2).kill();
      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> !javas.get(0).presences().containsKey(nodeClient));

      try (YClient fresh =
          YClient.connect(server.baseUri(), roomId, "code", token(links, "observer"))) {
        await().atMost(WAIT).until(() -> fresh.text().equals(converged));
      }
      for (YClient java : javas) {
        java.close();
      }
      javas.clear();
      server.close();
      server = TestServers.start(config, InMemorySpanExporter.create());
      try (YClient reloaded =
          YClient.connect(server.baseUri(), roomId, "code", token(links, "observer"))) {
        await(seedNote).atMost(WAIT).until(() -> reloaded.text().equals(converged));
      }
    } finally {
      for (NodePeer node : nodes) {
        node.close();
      }
      for (YClient java : javas) {
        java.close();
      }
      server.close();
    }
  }

  private static Void editRandomly(YClient client, Random random) throws InterruptedException {
    String[] pieces = {"int ", "y", " = ", "7", ";\n", "🙂", "ü", "while (", ") "};
    for (int i = 0; i < EDITS; i++) {
      String text = client.text();
      if (!text.isEmpty() && random.nextInt(10) < 3) {
        int from = random.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + random.nextInt(4));
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
          from--;
        }
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
          to++;
        }
        try {
          client.delete(from, to - from);
        } catch (IndexOutOfBoundsException raced) {
          // A remote delete landed between reading and deleting; try another edit.
        }
      } else {
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
          at--;
        }
        try {
          client.insert(at, pieces[random.nextInt(pieces.length)]);
        } catch (IndexOutOfBoundsException raced) {
          // as above
        }
      }
      Thread.sleep(INTERVAL_MS); // paces the edits like typing, under the socket's rate limit
    }
    return null;
  }

  private static JsonNode createRoom(CoderoomServer server) throws Exception {
    HttpResponse<String> response =
        new Http(server.baseUri())
            .post(
                "/api/rooms",
                "{\"title\":\"Interop\",\"language\":\"javascript\"}",
                "Authorization",
                "Bearer " + TestServers.API_KEY);
    assertThat(response.statusCode()).isEqualTo(201);
    return Http.json(response);
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
