package io.coderoom.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.oidc.OidcConfig;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.coderoom.server.keycloak.KeycloakServer;
import io.coderoom.server.keycloak.RealKeycloak;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web client in real Chromium: starts a server and a runner agent, then runs the browser
 * scenarios in {@code web-client/e2e/*.test.mjs} (node:test driving playwright-core) and reports
 * each scenario as a test of its own. Every scenario makes its own room and browser contexts, so
 * one that fails leaves the others as they were, and the files run side by side against this one
 * server. The scenarios in {@code e2e/alone/} stop and start the server through a small control
 * endpoint here, to check that a room survives a restart: they run after the others, one at a time.
 * Screenshots go to {@code server/target/screenshots/}: a test run leaves the committed ones in
 * {@code web-client/screenshots/} alone, and whoever changes the pages copies the new ones there.
 *
 * <p>The server signs people in with a real Keycloak too, which starts alongside (the scenario that
 * uses it waits for it), so its start costs the run little.
 *
 * <p>{@code -Dbrowser.scenario=REGEX} runs only the scenarios whose names match (node's {@code
 * --test-name-pattern}); the others are reported as skipped.
 */
@ExtendWith({NettyLeakGuard.class, RealKeycloak.class})
class BrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * A scenario file's limit, which node's --test-timeout sets for each file as a whole (a file of
   * several languages' compiles can take minutes on a busy machine) and for each scenario that sets
   * none of its own; and the limit of all of them together.
   */
  private static final long SCENARIO_TIMEOUT_SECONDS = 240;

  private static final long SCENARIOS_TIMEOUT_SECONDS = 480;

  /**
   * How many scenario files run at once (each in its own node process with its own Chromium):
   * {@code -Dbrowser.concurrency=N}.
   */
  private static final int SHARED_CONCURRENCY = Integer.getInteger("browser.concurrency", 2);

  private static final String SCENARIO_FILTER = "browser.scenario";

  private ServerConfig config;
  private URI publicUrl;
  private volatile CoderoomServer server;
  private RunnerAgent agent;
  private HttpServer control;
  private static final com.fasterxml.jackson.databind.json.JsonMapper JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
  private KeycloakServer keycloak;

  @BeforeEach
  void start(RealKeycloak.Starting starting) throws Exception {
    keycloak = starting.server();
    OidcConfig oidc =
        new OidcConfig(
            Optional.of(keycloak.issuer()),
            KeycloakServer.CLIENT_ID,
            Optional.of(KeycloakServer.CLIENT_SECRET),
            "Keycloak",
            List.of("openid", "email", "profile"),
            OidcConfig.AutoJoin.OFF,
            Set.of());
    // Restarts must come back on the same port: the pages reconnect to the address they know.
    int port = freePort();
    // The pages open the server as localhost, its public URL: Chromium refuses an IP address as a
    // passkey's relying party id, and the session cookie and Origin checks follow the public URL.
    publicUrl = URI.create("http://localhost:" + port);
    config =
        TestServers.config()
            .with(
                c -> {
                  c.port = port;
                  c.publicUrl = Optional.of(publicUrl);
                  c.accounts = c.accounts.withOidc(oidc);
                });
    server = TestServers.start(config, InMemorySpanExporter.create());
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "browser-it-" + UUID.randomUUID(), "test", 2));
    control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    control.createContext("/stop", exchange -> answer(exchange, this::stopServer));
    control.createContext("/start", exchange -> answer(exchange, this::startServer));
    // GET /room-rows?id=ROOM: what PostgreSQL holds of a room, table by table.
    control.createContext("/room-rows", this::roomRows);
    control.start();
  }

  @AfterEach
  void stop() {
    control.stop(0);
    agent.close();
    stopServer();
  }

  @TestFactory
  @Timeout(value = 2 * SCENARIOS_TIMEOUT_SECONDS + 60, unit = TimeUnit.SECONDS)
  Stream<DynamicNode> theInterviewRoomInChromium() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("%s is missing: install Debian's chromium (./coderoom test does)", CHROMIUM)
        .isTrue();
    Path webClient = TestServers.builtWebClient().toAbsolutePath().normalize().getParent();
    List<Path> shared = scenarioFiles(webClient.resolve("e2e"));
    List<Path> alone = scenarioFiles(webClient.resolve("e2e").resolve("alone"));
    assertThat(shared).as("browser scenario files in %s/e2e", webClient).isNotEmpty();
    // The files whose scenarios only use rooms of their own run side by side; those that stop the
    // server all of them use run after them, one at a time.
    List<NodeRun> runs = new ArrayList<>();
    runs.add(runNode(webClient, shared, SHARED_CONCURRENCY));
    if (!alone.isEmpty()) {
      runs.add(runNode(webClient, alone, 1));
    }

    List<DynamicNode> nodes = new ArrayList<>();
    for (NodeRun run : runs) {
      for (Path file : run.files()) {
        List<DynamicTest> tests =
            run.outcomes().stream()
                .filter(o -> o.nesting() == 0 && Path.of(o.file()).equals(file))
                .map(o -> DynamicTest.dynamicTest(o.name(), o::check))
                .toList();
        nodes.add(
            DynamicContainer.dynamicContainer(
                webClient.resolve("e2e").relativize(file).toString(),
                tests.isEmpty()
                    ? Stream.of(
                        DynamicTest.dynamicTest(
                            "reports its scenarios",
                            () ->
                                assertThat(tests)
                                    .as("%s ran no scenario (its output is above)", file)
                                    .isNotEmpty()))
                    : tests.stream()));
      }
    }
    nodes.add(
        DynamicTest.dynamicTest(
            "the scenarios finished and node exited as they did",
            () -> {
              for (NodeRun run : runs) {
                assertThat(run.finished())
                    .as("the browser scenarios finished within %d s", SCENARIOS_TIMEOUT_SECONDS)
                    .isTrue();
                boolean anyFailed =
                    run.outcomes().stream().anyMatch(o -> o.outcome().equals("failed"));
                assertThat(run.exit()).as(run.output()).isEqualTo(anyFailed ? 1 : 0);
              }
            }));
    return nodes.stream();
  }

  /** One node --test process over some scenario files: how it ended and what it reported. */
  private record NodeRun(
      List<Path> files,
      boolean finished,
      int exit,
      String output,
      List<ScenarioOutcome> outcomes) {}

  private static List<Path> scenarioFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.filter(f -> f.toString().endsWith(".test.mjs")).sorted().toList();
    }
  }

  /** Runs these scenario files, up to {@code concurrency} files at once, and waits for them. */
  private NodeRun runNode(Path webClient, List<Path> files, int concurrency) throws Exception {
    Path results = Files.createTempFile("browser-scenarios", ".jsonl");
    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                "--test",
                "--test-concurrency=" + concurrency,
                "--test-timeout=" + TimeUnit.SECONDS.toMillis(SCENARIO_TIMEOUT_SECONDS),
                "--test-reporter=spec",
                "--test-reporter-destination=stdout",
                "--test-reporter=./e2e/support/results-reporter.mjs",
                "--test-reporter-destination=" + results));
    String filter = System.getProperty(SCENARIO_FILTER, "");
    if (!filter.isBlank()) {
      command.add("--test-name-pattern=" + filter);
    }
    files.forEach(file -> command.add(webClient.relativize(file).toString()));
    ProcessBuilder node =
        new ProcessBuilder(command).directory(webClient.toFile()).redirectErrorStream(true);
    node.environment().put("CHROMIUM", CHROMIUM.toString());
    node.environment().put("CODEROOM_BASE_URL", publicUrl.toString());
    node.environment().put("CODEROOM_API_KEY", TestServers.API_KEY);
    node.environment().put("CODEROOM_EXPIRED_URL", expiredLink());
    node.environment().put("CODEROOM_MISSING_ROOM_URL", linkToAMissingRoom());
    node.environment()
        .put("CODEROOM_CONTROL_URL", "http://127.0.0.1:" + control.getAddress().getPort());
    node.environment().put("CODEROOM_KEYCLOAK_ISSUER", keycloak.issuer().toString());
    node.environment().put("CODEROOM_KEYCLOAK_USER", KeycloakServer.ROBIN.username());
    node.environment().put("CODEROOM_KEYCLOAK_PASSWORD", KeycloakServer.ROBIN.password());
    node.environment().put("CODEROOM_KEYCLOAK_NAME", KeycloakServer.ROBIN.name());
    node.environment().put("CODEROOM_KEYCLOAK_UNINVITED_USER", KeycloakServer.SAM.username());
    node.environment().put("CODEROOM_KEYCLOAK_UNINVITED_PASSWORD", KeycloakServer.SAM.password());
    node.environment()
        .put("SCREENSHOT_DIR", Path.of("target", "screenshots").toAbsolutePath().toString());

    Process process = node.start();
    Path log = Files.createTempFile("browser-it", ".log");
    Thread copier =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (InputStream in = process.getInputStream();
                      OutputStream out = Files.newOutputStream(log)) {
                    in.transferTo(out);
                  } catch (IOException e) {
                    // The process ended; what was read is in the log.
                  }
                });
    boolean finished = process.waitFor(SCENARIOS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    copier.join(5_000);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    return new NodeRun(files, finished, process.exitValue(), output, ScenarioOutcome.read(results));
  }

  /** A link to a real room whose token expired an hour ago. */
  private String expiredLink() throws Exception {
    JsonNode room =
        Http.json(
            new Http(server.baseUri())
                .post(
                    "/api/rooms",
                    "{\"title\":\"Expired\",\"language\":\"python\"}",
                    "Authorization",
                    "Bearer " + TestServers.API_KEY));
    String roomId = room.path("id").asText();
    return candidateLink(roomId, Instant.now().minusSeconds(7200));
  }

  /** A link signed with the server's key for a room that does not exist. */
  private String linkToAMissingRoom() {
    return candidateLink(
        "nosuchroom" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
  }

  /** A candidate link signed with the server's key, valid for an hour from {@code issued}. */
  private String candidateLink(String roomId, Instant issued) {
    String token =
        new RoomTokenCodec(TestServers.TOKEN_KEYS, Clock.systemUTC())
            .sign(
                new RoomToken(
                    "link-" + UUID.randomUUID(),
                    roomId,
                    Role.CANDIDATE,
                    "",
                    issued,
                    issued.plusSeconds(3600)));
    return publicUrl + "/rooms/" + roomId + "#token=" + token;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private synchronized void stopServer() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private synchronized void startServer() {
    if (server != null) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        server = TestServers.start(config, InMemorySpanExporter.create());
        return;
      } catch (Exception e) {
        // The port can stay taken for a moment after the old server's sockets close.
        if (!(rootCause(e) instanceof BindException) || System.nanoTime() > deadline) {
          throw new IllegalStateException("could not restart the server", e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(interrupted);
        }
      }
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void roomRows(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    String roomId = query == null ? "" : query.replaceFirst("^id=", "");
    int status = 200;
    String body;
    try {
      body = JSON.writeValueAsString(StoredRoomRows.of(config, roomId));
    } catch (java.sql.SQLException e) {
      status = 500;
      body = e.toString();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void answer(HttpExchange exchange, Runnable action) throws IOException {
    int status = 200;
    String body = "ok";
    try {
      action.run();
    } catch (RuntimeException e) {
      status = 500;
      body = e.toString();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
