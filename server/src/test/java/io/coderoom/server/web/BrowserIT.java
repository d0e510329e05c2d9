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
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web client in real Chromium: starts a server and a runner agent, then runs {@code
 * web-client/e2e/room.test.mjs} (playwright-core), which drives an interviewer, a candidate and an
 * observer through one interview. The script stops and starts the server through a small control
 * endpoint here, to check that the room survives a restart; screenshots go to {@code
 * web-client/screenshots/}.
 */
@ExtendWith(NettyLeakGuard.class)
// The script may take SCRIPT_TIMEOUT_SECONDS, plus a server and an agent to start and stop.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long SCRIPT_TIMEOUT_SECONDS = 180;

  private ServerConfig config;
  private volatile CoderoomServer server;
  private RunnerAgent agent;
  private HttpServer control;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    int port = server.baseUri().getPort();
    // Restarts must come back on the same port: the pages reconnect to the address they know.
    config = TestServers.config().with(c -> c.port = port);
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "browser-it-" + UUID.randomUUID(), "test", 2));
    control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    control.createContext("/stop", exchange -> answer(exchange, this::stopServer));
    control.createContext("/start", exchange -> answer(exchange, this::startServer));
    control.start();
  }

  @AfterEach
  void stop() {
    control.stop(0);
    agent.close();
    stopServer();
  }

  @Test
  void theInterviewRoomInChromium() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("%s is missing: install Debian's chromium (./coderoom test does)", CHROMIUM)
        .isTrue();
    Path webClient = TestServers.builtWebClient().toAbsolutePath().normalize().getParent();
    ProcessBuilder node =
        new ProcessBuilder("node", "--test", "--test-reporter=spec", "e2e/room.test.mjs")
            .directory(webClient.toFile())
            .redirectErrorStream(true);
    node.environment().put("CHROMIUM", CHROMIUM.toString());
    node.environment().put("CODEROOM_BASE_URL", server.baseUri().toString());
    node.environment().put("CODEROOM_API_KEY", TestServers.API_KEY);
    node.environment().put("CODEROOM_EXPIRED_URL", expiredLink());
    node.environment().put("CODEROOM_MISSING_ROOM_URL", linkToAMissingRoom());
    node.environment()
        .put("CODEROOM_CONTROL_URL", "http://127.0.0.1:" + control.getAddress().getPort());
    node.environment()
        .put("SCREENSHOT_DIR", webClient.resolve("screenshots").toAbsolutePath().toString());

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
    boolean finished = process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    copier.join(5_000);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(finished)
        .as("the browser test finished within %d s", SCRIPT_TIMEOUT_SECONDS)
        .isTrue();
    assertThat(process.exitValue()).as(output).isZero();
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
    return server.baseUri() + "/rooms/" + roomId + "#token=" + token;
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
