package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.crdt.Doc;
import io.coderoom.server.AgentProcess;
import io.coderoom.server.PrivatePostgres;
import io.coderoom.server.PrivateRedis;
import io.coderoom.server.ServerProcess;
import io.coderoom.server.netns.Host;
import io.coderoom.server.netns.LoadBalancer;
import io.coderoom.server.netns.VirtualNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Coderoom as several hosts, on this machine: network namespaces joined by a virtual switch (see
 * {@link VirtualNetwork}). One host runs PostgreSQL and Redis, three run a server instance each,
 * one runs HAProxy in front of them (round robin, no stickiness), and the runner agent's host is
 * linked to the data host only, where it reaches Redis and nothing else. The test's clients reach
 * HAProxy (and, for some, a server directly) from the test's own process.
 *
 * <p>One room is typed into throughout, by Java clients and a stock npm y-websocket client spread
 * over the three instances: they converge; the instance holding the room is killed (SIGKILL) while
 * they type, and everything typed more than a second before the kill was already in PostgreSQL,
 * then the clients come back through HAProxy with what they had and converge, and PostgreSQL holds
 * what they hold; Redis is killed and started again while they type, and they converge within 5 s
 * of its return with nothing lost (and runs work again). A run started through one instance streams
 * to clients on all three. Needs root (namespaces), haproxy, node and the runner images.
 *
 * <p>Each host's logs (the servers', the agent's, HAProxy's) are in a temporary folder deleted at
 * the end; {@code -Dcoderoom.multihost.keep=true} keeps it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MultiHostIT {
  private static final int SERVER_PORT = 8080;

  /**
   * The instances live for a minute on a small machine: their start, not their peak speed, is what
   * counts, so the JIT stops at its quick first tier.
   */
  private static final List<String> SERVER_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** How long typing may go unsaved when the instance holding the room dies. */
  private static final Duration DURABILITY = Duration.ofSeconds(1);

  private static Path folder;
  private static VirtualNetwork network;
  private static Host data;
  private static VirtualNetwork.IsolatedHost runnerHost;
  private static PrivatePostgres postgres;
  private static PrivateRedis redis;
  private static final Map<String, ServerProcess> servers = new LinkedHashMap<>();
  private static AgentProcess agent;
  private static LoadBalancer balancer;

  /** The room typed into by every test, as reached through HAProxy. */
  private static TestRoom room;

  private static final List<Typist> typists = new ArrayList<>();
  private static NodePeer stockClient;

  @BeforeAll
  static void startHosts() throws Exception {
    folder = Files.createTempDirectory("coderoom-multihost-");
    network = VirtualNetwork.create();
    data = network.host("data");
    List<Host> serverHosts = List.of(network.host("s1"), network.host("s2"), network.host("s3"));
    Host balancerHost = network.host("lb");
    runnerHost = network.isolatedHost("runner", data);

    postgres = PrivatePostgres.createOn(data, network);
    redis =
        PrivateRedis.startOn(
            data, Files.createDirectories(folder.resolve("redis")), runnerHost.gatewayAddress());

    try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < serverHosts.size(); i++) {
        Host host = serverHosts.get(i);
        ServerProcess server =
            ServerProcess.on(host, SERVER_PORT, folder.resolve("s" + (i + 1) + ".log"), SERVER_JVM);
        servers.put("s" + (i + 1), server);
        Map<String, String> env = new HashMap<>();
        env.put("CODEROOM_DB_URL", postgres.jdbcUrl());
        env.put("CODEROOM_DB_USER", postgres.user());
        env.put("CODEROOM_DB_PASSWORD", postgres.password());
        env.put("CODEROOM_REDIS_URL", redis.url());
        env.put("CODEROOM_EVENT_LOOPS", "2");
        // HAProxy and the instances relaying to one another name the client (X-Forwarded-For).
        env.put("CODEROOM_TRUSTED_PROXIES", network.cidr());
        if (i == 0) {
          // The first listens on every address and leaves its instance address to the default,
          // as on a plain host, where the host name resolves to a loopback address.
          env.put("CODEROOM_HOST", "0.0.0.0");
        } else {
          env.put("CODEROOM_CLUSTER_ADDRESS", host.address() + ":" + SERVER_PORT);
        }
        started.add(
            starting.submit(
                () -> {
                  server.start(env);
                  return null;
                }));
      }
      started.add(
          starting.submit(
              () ->
                  agent =
                      AgentProcess.start(
                          runnerHost.host(),
                          "runner-host",
                          "redis://" + runnerHost.gatewayAddress() + ":" + redis.port(),
                          folder)));
      for (Future<?> future : started) {
        future.get();
      }
    }
    Map<String, String> backends = new LinkedHashMap<>();
    servers.forEach((name, server) -> backends.put(name, server.uri().getAuthority()));
    balancer = LoadBalancer.start(balancerHost, backends, folder);
  }

  @AfterAll
  static void stopHosts() throws Exception {
    List<AutoCloseable> steps = new ArrayList<>();
    for (Typist typist : typists) {
      steps.add(typist::stop);
      steps.add(() -> typist.client().close());
    }
    steps.add(() -> stopIfStarted(stockClient));
    steps.add(() -> stopIfStarted(balancer));
    steps.addAll(servers.values());
    steps.add(() -> stopIfStarted(agent));
    steps.add(() -> stopIfStarted(redis));
    steps.add(() -> stopIfStarted(postgres));
    // Last, and whatever failed before: whatever still runs on the hosts goes with them.
    steps.add(() -> stopIfStarted(network));
    for (AutoCloseable step : steps) {
      closeQuietly(step);
    }
    if (folder != null && !Boolean.getBoolean("coderoom.multihost.keep")) {
      new ProcessBuilder("rm", "-rf", folder.toString()).start().waitFor();
    }
  }

  private static void stopIfStarted(AutoCloseable closeable) throws Exception {
    if (closeable != null) {
      closeable.close();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      System.err.println("stopping a host's process: " + e);
    }
  }

  @Test
  @Order(1)
  void theRunnerHostReachesRedisAndNothingElse() throws Exception {
    Host runner = runnerHost.host();
    assertThat(runner.reaches(runnerHost.gatewayAddress(), redis.port())).isTrue();
    assertThat(runner.reaches(runnerHost.gatewayAddress(), postgres.port())).isFalse();
    assertThat(runner.reaches(data.address(), postgres.port())).isFalse();
    assertThat(runner.reaches(balancer.uri().getHost(), 80)).isFalse();
  }

  @Test
  @Order(2)
  void clientsOfOneRoomSpreadOverTheInstancesConverge() throws Exception {
    room = TestRoom.create(balancer.uri(), "Across hosts", "");
    // Through HAProxy: three Java clients and a stock one, which round robin spreads over all
    // three instances; and one Java client straight to each instance.
    for (int i = 0; i < 3; i++) {
      typists.add(new Typist("lb" + i, room, link(i)));
    }
    stockClient = NodePeer.start(balancer.uri(), room.id(), room.candidate().token(), 7, 30, 20);
    int i = 0;
    for (ServerProcess server : servers.values()) {
      typists.add(new Typist("direct" + i, room.on(server.uri()), link(i++)));
    }
    stockClient.await("synced", WAIT);
    stockClient.await("edited", WAIT);

    for (Typist typist : typists) {
      typist.client().insert(0, "[" + typist.name + "]");
    }
    String converged = awaitConverged(WAIT);
    for (Typist typist : typists) {
      assertThat(converged).contains("[" + typist.name + "]");
    }

    // The room lives in one instance; HAProxy sent its sockets to every instance, so some reached
    // the owner directly and the others were relayed to it.
    String owner = ownerOf(room.id());
    assertThat(servers.values().stream().map(s -> s.uri().getAuthority())).contains(owner);
    assertThat(balancer.requestsByServer("/ws/rooms/" + room.id()).keySet())
        .containsExactlyInAnyOrderElementsOf(servers.keySet());
  }

  @Test
  @Order(3)
  void aRunStartedThroughOneInstanceStreamsToClientsOnAllOfThem() throws Exception {
    TestRoom runs =
        TestRoom.create(balancer.uri(), "Runs across hosts", "print('ran on the runner host')\n");
    List<ControlClient> clients = new ArrayList<>();
    try {
      for (Map.Entry<String, ServerProcess> server : servers.entrySet()) {
        ControlClient client = runs.on(server.getValue().uri()).control(runs.interviewer());
        clients.add(client);
        client.allow("participant_joined", "participant_left");
        try {
          client.await("welcome");
        } catch (AssertionError e) {
          throw new AssertionError("on " + server.getKey() + ": " + e.getMessage(), e);
        }
      }
      // The room lives in the first instance, its sockets reached first: the others relay to the
      // address it found for itself.
      assertThat(ownerOf(runs.id())).isEqualTo(servers.get("s1").uri().getAuthority());
      clients.get(1).send("{\"type\":\"run\"}");
      for (ControlClient client : clients) {
        ControlClient.Run run = client.awaitRun(Duration.ofSeconds(60));
        assertThat(run.printed("stdout")).isEqualTo("ran on the runner host\n");
        assertThat(run.finished().path("status").asText()).isEqualTo("ok");
      }
    } finally {
      clients.forEach(ControlClient::close);
    }
  }

  @Test
  @Order(4)
  void whenTheInstanceHoldingTheRoomIsKilledItsClientsComeBackThroughHaproxyAndLoseNothing()
      throws Exception {
    typists.forEach(Typist::start);
    Thread.sleep(1_500);
    String owner = ownerOf(room.id());
    ServerProcess killed =
        servers.values().stream()
            .filter(s -> s.uri().getAuthority().equals(owner))
            .findFirst()
            .orElseThrow();
    Instant killedAt = Instant.now();
    killed.kill();
    servers.values().remove(killed);

    // What the dead instance had stored: everything typed a second before it died is there.
    Thread.sleep(300);
    String stored = storedText(room.id(), killedAt);
    for (Typist typist : typists) {
      for (Typist.Typed typed : typist.typed) {
        if (typed.at().isBefore(killedAt.minus(DURABILITY))) {
          assertThat(stored)
              .as("typed %s before the kill", Duration.between(typed.at(), killedAt))
              .contains(typed.token());
        }
      }
    }

    // Every client lost its socket: the ones on the dead instance with it, the relayed ones told
    // to reconnect (1012). Each comes back through HAProxy with what it had, and types on.
    for (Typist typist : typists) {
      YClient.Close lost = typist.client().closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(lost.code()).as(typist.name + " lost its socket: " + lost).isIn(1012, 1006, -1);
      typist.reconnect(room);
    }
    Thread.sleep(1_000);
    typists.forEach(Typist::stop);
    String converged = awaitConverged(WAIT);
    assertTypedIn(converged);
    assertThat(ownerOf(room.id())).isNotEqualTo(owner);
    // PostgreSQL holds what the clients hold.
    await()
        .atMost(WAIT)
        .until(() -> storedText(room.id(), Instant.now().plusSeconds(60)).equals(converged));
  }

  @Test
  @Order(5)
  void whenRedisRestartsEditingGoesOnNothingIsLostAndRunsWorkAgain() throws Exception {
    typists.forEach(Typist::start);
    Thread.sleep(500);
    redis.kill();
    Thread.sleep(1_500);
    redis.restart();
    Instant back = Instant.now();
    Thread.sleep(500);
    typists.forEach(Typist::stop);
    String converged =
        awaitConverged(Duration.ofSeconds(5).minus(Duration.between(back, Instant.now())));
    assertTypedIn(converged);
    await()
        .atMost(WAIT)
        .until(() -> storedText(room.id(), Instant.now().plusSeconds(60)).equals(converged));

    // Runs need Redis: with it back (empty), the servers and the runner host queue and run again.
    TestRoom runs =
        TestRoom.create(
            balancer.uri(), "Run after Redis came back", "print('after the restart')\n");
    try (ControlClient client = runs.control(runs.interviewer())) {
      client.allow("participant_joined", "participant_left");
      client.await("welcome");
      client.send("{\"type\":\"run\"}");
      ControlClient.Run run = client.awaitRun(Duration.ofSeconds(60));
      assertThat(run.printed("stdout")).isEqualTo("after the restart\n");
      assertThat(run.finished().path("status").asText()).isEqualTo("ok");
    }
  }

  private static TestRoom.Link link(int i) {
    return i % 2 == 0 ? room.interviewer() : room.candidate();
  }

  private static void assertTypedIn(String text) {
    for (Typist typist : typists) {
      for (Typist.Typed typed : typist.typed) {
        assertThat(text).contains(typed.token());
      }
    }
  }

  /** Waits until every client, the stock one included, has the same text; returns it. */
  private static String awaitConverged(Duration within) throws Exception {
    List<String> last = new ArrayList<>();
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last.clear();
              for (Typist typist : typists) {
                last.add(typist.client().text());
              }
              last.add(stockClient.report().path("text").asText());
              return last.stream().distinct().count() == 1;
            });
    return last.getFirst();
  }

  /**
   * The room's code as replayed from the update log, counting updates accepted before {@code upTo}.
   */
  private static String storedText(String roomId, Instant upTo) throws Exception {
    Doc doc = new Doc();
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        PreparedStatement query =
            c.prepareStatement(
                "SELECT update FROM document_updates WHERE room_id = ? AND doc = 'code' AND at < ?"
                    + " ORDER BY seq")) {
      query.setString(1, roomId);
      query.setTimestamp(2, Timestamp.from(upTo));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          doc.applyUpdate(rows.getBytes(1));
        }
      }
    }
    return doc.getText("codemirror").toString();
  }

  private static String ownerOf(String roomId) throws Exception {
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        PreparedStatement query =
            c.prepareStatement("SELECT address FROM room_owners WHERE room_id = ?")) {
      query.setString(1, roomId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : "";
      }
    }
  }
}
