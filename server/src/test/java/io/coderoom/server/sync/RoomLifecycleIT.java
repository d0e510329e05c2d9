package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ten thousand rooms opened, edited and closed: every one unloads, and the heap returns to where it
 * was, so rooms leave nothing behind (documents, sockets, timers, meters).
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
class RoomLifecycleIT {
  private static final int ROOMS = 10_000;
  private static final int WARMUP_ROOMS = 300;
  private static final long ALLOWED_GROWTH_BYTES = 32L << 20;

  // Ten thousand rooms, sixteen at a time: about a minute and a half on an idle machine.
  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
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

  @Test
  void upgradesAbortedAfterAdmissionLeaveNoRoomLoaded() throws Exception {
    ServerConfig config = TestServers.config().with(c -> c.roomIdleUnload = Duration.ZERO);
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      TestRoom room = TestRoom.create(server.baseUri(), "Aborted upgrades");
      // One client hangs up while its token is being checked, before the 101: the room loads
      // for it, and its socket never joins.
      abortedUpgrade(server, room, false);
      awaitLoaded(http, 1);
      awaitLoaded(http, 0);
      // Another hangs up right after the 101.
      abortedUpgrade(server, room, true);
      awaitLoaded(http, 0);
    }
  }

  @Test
  void aRoomLoadedOnlyForARunOverRestStaysForTheRunThenUnloads() throws Exception {
    ServerConfig config = TestServers.config().with(c -> c.roomIdleUnload = Duration.ZERO);
    RunnerAgent agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "lifecycle-" + UUID.randomUUID(), "test", 1));
    try (agent;
        CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      TestRoom room =
          TestRoom.create(server.baseUri(), "REST run", "import time\ntime.sleep(60)\n");
      awaitLoaded(http, 0);
      String auth = "Bearer " + room.candidate().token();
      java.net.http.HttpResponse<String> started =
          http.post("/api/rooms/" + room.id() + "/runs", "{}", "Authorization", auth);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String run = "/api/rooms/" + room.id() + "/runs/" + Http.json(started).path("runId").asText();
      assertThat(loadedRooms(http)).isEqualTo(1);
      // Past the room's grace for sockets on their way, with the run still going (it runs until
      // its time limit): loaded all along.
      Duration pastGrace = Duration.ofNanos(LiveRoom.ARRIVAL_GRACE_NANOS).plusSeconds(1);
      await()
          .during(pastGrace)
          .atMost(pastGrace.plusSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> loadedRooms(http) == 1);
      assertThat(Http.json(http.get(run, "Authorization", auth)).path("status").asText())
          .isEqualTo("running");
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  Http.json(http.get(run, "Authorization", auth))
                      .path("status")
                      .asText()
                      .equals("timeout"));
      awaitLoaded(http, 0);
    }
  }

  /** An upgrade request for the room's code whose client hangs up before or after the 101. */
  private static void abortedUpgrade(CoderoomServer server, TestRoom room, boolean after101)
      throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.address().getPort())) {
      String request =
          "GET /ws/rooms/"
              + room.id()
              + "/code?token="
              + room.candidate().token()
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      if (after101) {
        byte[] status = socket.getInputStream().readNBytes(12);
        assertThat(new String(status, java.nio.charset.StandardCharsets.US_ASCII))
            .isEqualTo("HTTP/1.1 101");
      }
    }
  }

  private static void awaitLoaded(Http http, int rooms) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> loadedRooms(http) == rooms);
  }

  private static int loadedRooms(Http http) throws Exception {
    Matcher m =
        Pattern.compile("coderoom_rooms_loaded\\{[^}]*} ([0-9.E]+)")
            .matcher(http.get("/metrics").body());
    assertThat(m.find()).isTrue();
    return (int) Double.parseDouble(m.group(1));
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
      Thread.sleep(200); // a measurement: lets concurrent collection finish between readings
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
