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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading is closed once its socket's buffer is full, instead of the server
 * queueing without bound, and the others' latency does not suffer meanwhile: the same load is timed
 * without a stalled reader and with one, and the two are compared (how fast the machine is belongs
 * to the benchmarks).
 */
@ExtendWith(NettyLeakGuard.class)
class SlowConsumerIT {
  /** Edits sent before timing, so both timed phases run on a warmed-up server. */
  private static final int WARM_UP_EDITS = 100;

  /** Edits timed in each phase (the phase with the stalled reader lasts until it is cut off). */
  private static final int TIMED_EDITS = 150;

  private static final String CHUNK = "x".repeat(32 * 1024);

  @Test
  void aStalledReaderIsCutOffAndDoesNotSlowTheOthers() throws Exception {
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

      try (YClient writer = YClient.connect(server.baseUri(), roomId, "code", interviewer);
          YClient reader = YClient.connect(server.baseUri(), roomId, "code", interviewer)) {
        writer.awaitSynced();
        reader.awaitSynced();
        timeEdits(writer, reader, WARM_UP_EDITS, () -> true);
        Histogram alone = timeEdits(writer, reader, TIMED_EDITS, () -> true);
        assertThat(slowClosed(http)).as("sockets closed for not keeping up, before").isZero();

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
        Histogram withStalled;
        try {
          withStalled = timeEdits(writer, reader, TIMED_EDITS, () -> slowClosed(http) > 0);
        } finally {
          stalled.abort();
        }
        assertThat(slowClosed(http))
            .as("sockets closed for not keeping up")
            .isGreaterThanOrEqualTo(1);

        double p95Alone = alone.getValueAtPercentile(95) / 1e3;
        double p95Stalled = withStalled.getValueAtPercentile(95) / 1e3;
        String figures =
            String.format(
                "edit-to-reader p95 %.1f ms alone (%d edits), %.1f ms with a stalled reader (%d"
                    + " edits)",
                p95Alone, alone.getTotalCount(), p95Stalled, withStalled.getTotalCount());
        System.out.println("SlowConsumerIT: " + figures);
        // Generous, so the machine's noise passes, while a reader that holds up the others (their
        // edits waiting on its buffer) does not.
        assertThat(p95Stalled)
            .as(figures)
            .isLessThanOrEqualTo(Math.max(3 * p95Alone, p95Alone + 100));
      }
    }
  }

  /** A condition checked between edits. */
  private interface Check {
    boolean holds() throws Exception;
  }

  /**
   * Times edits from the writer to the reader, one at a time, at least {@code count} and on until
   * {@code enough} holds; in microseconds.
   */
  private static Histogram timeEdits(YClient writer, YClient reader, int count, Check enough)
      throws Exception {
    Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    for (int i = 0; i < count || !enough.holds(); i++) {
      assertThat(i).as("edits before the condition held").isLessThan(10 * count);
      int before = reader.text().length();
      long sent = System.nanoTime();
      writer.insert(0, CHUNK);
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(1))
          .until(() -> reader.text().length() > before);
      latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
      // Keeps the document small: the next edit replaces this one.
      writer.delete(0, CHUNK.length());
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(1))
          .until(() -> reader.text().length() == before);
    }
    return latencies;
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
