package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.lang.management.ManagementFactory;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ten thousand rooms opened, edited and closed: every one unloads, and the heap returns to where it
 * was, so rooms leave nothing behind (documents, sockets, timers, meters).
 */
@ExtendWith(NettyLeakGuard.class)
class RoomLifecycleIT {
  private static final int ROOMS = 10_000;
  private static final int WARMUP_ROOMS = 300;
  private static final long ALLOWED_GROWTH_BYTES = 32L << 20;

  @Test
  void tenThousandRoomsComeAndGoWithoutGrowingTheHeap() throws Exception {
    ServerConfig config = TestServers.config().with(c -> c.roomIdleUnload = Duration.ZERO);
    String batch = UUID.randomUUID().toString().substring(0, 8);
    List<String[]> rooms = createRooms(config, batch, ROOMS + WARMUP_ROOMS);
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      cycle(server, rooms.subList(0, WARMUP_ROOMS));
      awaitUnloaded(http);
      long baseline = settledHeap();

      cycle(server, rooms.subList(WARMUP_ROOMS, rooms.size()));
      awaitUnloaded(http);
      long after = settledHeap();
      System.out.printf(
          "room lifecycle: heap %.1f MB after %d warm-up rooms, %.1f MB after %d more%n",
          baseline / 1e6, WARMUP_ROOMS, after / 1e6, ROOMS);
      assertThat(after - baseline)
          .as("heap growth after %d rooms: %d MB -> %d MB", ROOMS, baseline >> 20, after >> 20)
          .isLessThan(ALLOWED_GROWTH_BYTES);
    }
  }

  /** Opens each room's code document, types into it, and closes it; 16 rooms at a time. */
  private static void cycle(CoderoomServer server, List<String[]> rooms) throws Exception {
    Semaphore inFlight = new Semaphore(16);
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (String[] room : rooms) {
        inFlight.acquire();
        done.add(
            clients.submit(
                () -> {
                  try (YClient client =
                      YClient.connect(server.baseUri(), room[0], "code", room[1])) {
                    client.awaitSynced();
                    client.insert(0, "print('hello')");
                  } finally {
                    inFlight.release();
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
  }

  private static void awaitUnloaded(Http http) {
    Pattern loaded = Pattern.compile("coderoom_rooms_loaded\\{[^}]*} ([0-9.E]+)");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              Matcher m = loaded.matcher(http.get("/metrics").body());
              return m.find() && Double.parseDouble(m.group(1)) == 0;
            });
  }

  private static long settledHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Rooms and one interviewer link each, inserted in bulk: the API would take minutes. */
  private static List<String[]> createRooms(ServerConfig config, String batch, int count)
      throws Exception {
    RoomTokenCodec codec = new RoomTokenCodec(TestServers.TOKEN_KEYS, Clock.systemUTC());
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    try (var connection =
        DriverManager.getConnection(
            config.databaseUrl(), config.databaseUser(), config.databasePassword())) {
      try (var rooms =
              connection.prepareStatement(
                  "INSERT INTO rooms (id, title, language) SELECT ? || n, 'lifecycle', 'python' FROM generate_series(1, ?) n");
          var tokens =
              connection.prepareStatement(
                  "INSERT INTO room_tokens (id, room_id, role, issued_at, expires_at)"
                      + " SELECT ? || n, ? || n, 'interviewer', now(), now() + interval '1 day' FROM generate_series(1, ?) n")) {
        rooms.setString(1, "lc" + batch + "-");
        rooms.setInt(2, count);
        rooms.executeUpdate();
        tokens.setString(1, "lt" + batch + "-");
        tokens.setString(2, "lc" + batch + "-");
        tokens.setInt(3, count);
        tokens.executeUpdate();
      }
    }
    List<String[]> rooms = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      String roomId = "lc" + batch + "-" + n;
      String token =
          codec.sign(
              new RoomToken(
                  "lt" + batch + "-" + n,
                  roomId,
                  Role.INTERVIEWER,
                  "",
                  now,
                  now.plusSeconds(86_400)));
      rooms.add(new String[] {roomId, token});
    }
    return rooms;
  }
}
