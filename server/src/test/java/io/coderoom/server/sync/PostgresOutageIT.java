package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.PrivatePostgres;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops for 30 s (the outage a deployment must ride out) while an interviewer and a
 * candidate type: the room stays live (every edit reaches the others, the control socket answers),
 * {@code /readyz} says the server is degraded, PostgreSQL down, and then that it is back, and once
 * it is back every edit is in the database, so the room reloads with all of it. The server uses a
 * PostgreSQL cluster of this test's own, which it stops and starts; the shared one is never
 * touched.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PostgresOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final Duration EDIT_ARRIVES = Duration.ofSeconds(5);

  @Test
  void roomsStayLiveWhilePostgresIsDownAndNothingIsLostOnceItIsBack() throws Exception {
    try (PrivatePostgres postgres = PrivatePostgres.create()) {
      ServerConfig config =
          TestServers.config()
              .with(
                  c -> {
                    c.databaseUrl = postgres.jdbcUrl();
                    c.databaseUser = postgres.user();
                    c.databasePassword = postgres.password();
                    c.roomIdleUnload = Duration.ofSeconds(1);
                  });
      try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
        Http http = new Http(server.baseUri());
        TestRoom room = TestRoom.create(server.baseUri(), "Outage", "");
        String finalText;
        int edits = 0;
        long baseline;
        try (YClient host = room.code(room.interviewer());
            YClient guest = room.code(room.candidate());
            YClient reader = room.code(room.observer());
            ControlClient control = room.control(room.observer())) {
          host.awaitSynced();
          guest.awaitSynced();
          reader.awaitSynced();
          expect(control, "welcome");
          assertReady(http, true);
          baseline = loggedUpdates(postgres, room.id());

          for (int i = 0; i < 10; i++) {
            edits += typeAndSee(host, guest, reader, "before " + i);
          }

          postgres.stop();
          long stopped = System.nanoTime();
          await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertReady(http, false));
          for (int i = 0; System.nanoTime() - stopped < OUTAGE.toNanos(); i++) {
            edits += typeAndSee(host, guest, reader, "during " + i);
            if (i % 20 == 0) {
              control.send("{\"type\":\"ping\"}");
              expect(control, "pong");
            }
            Thread.sleep(50); // typing speed, not a wait for a result
          }
          assertReady(http, false);

          postgres.restart();
          await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertReady(http, true));
          for (int i = 0; i < 10; i++) {
            edits += typeAndSee(host, guest, reader, "after " + i);
          }
          finalText = reader.text();
          assertThat(host.text()).isEqualTo(finalText);
          assertThat(guest.text()).isEqualTo(finalText);
          assertThat(finalText).contains("host during 0\n").contains("guest after 9\n");

          // Every edit reaches the database once it is back, while the room is still open.
          long expected = baseline + edits;
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(
                  () -> assertThat(loggedUpdates(postgres, room.id())).isEqualTo(expected));
        }

        // Reloaded from the database alone: the room unloads once its sockets are gone.
        Pattern loaded = Pattern.compile("coderoom_rooms_loaded\\{[^}]*} ([0-9.E]+)");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  Matcher m = loaded.matcher(http.get("/metrics").body());
                  return m.find() && Double.parseDouble(m.group(1)) == 0;
                });
        try (YClient fresh = room.code(room.observer())) {
          fresh.awaitSynced();
          assertThat(fresh.text()).isEqualTo(finalText);
        }
      }
    }
  }

  /** One line from each writer; both must reach the reader. Returns the number of edits made. */
  private static int typeAndSee(YClient host, YClient guest, YClient reader, String label) {
    String hostLine = "host " + label + "\n";
    String guestLine = "guest " + label + "\n";
    host.insert(host.text().length(), hostLine);
    guest.insert(guest.text().length(), guestLine);
    await()
        .atMost(EDIT_ARRIVES)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> reader.text().contains(hostLine) && reader.text().contains(guestLine));
    return 2;
  }

  private static void assertReady(Http http, boolean ready) throws Exception {
    HttpResponse<String> response = http.get("/readyz");
    JsonNode body = Http.json(response);
    // Degraded, not dead: the room stays live, so the instance stays in the load balancer.
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body.path("status").asText()).isEqualTo(ready ? "ready" : "degraded");
    assertThat(body.path("checks").path("postgres").path("ok").asBoolean()).isEqualTo(ready);
    assertThat(body.path("checks").path("redis").path("ok").asBoolean()).isTrue();
  }

  private static long loggedUpdates(PrivatePostgres postgres, String roomId) throws Exception {
    try (var connection =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        var query =
            connection.prepareStatement(
                "SELECT count(*) FROM document_updates WHERE room_id = ? AND doc = 'code'")) {
      query.setString(1, roomId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
