package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a real process: it starts from its environment and stops cleanly on SIGTERM. */
class GracefulShutdownIT {
  @TempDir Path logs;

  @Test
  void sigtermDrainsAndExits() throws Exception {
    int port = freePort();
    Path log = logs.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                CoderoomServer.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("CODEROOM_PORT", Integer.toString(port));
    env.put("CODEROOM_WEB_DIR", TestServers.builtWebClient().toString());
    Process process = builder.start();
    try {
      Http http = new Http(URI.create("http://127.0.0.1:" + port));
      awaitHealthy(http, process, log);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      String output = Files.readString(log);
      assertThat(output).contains("listening on http://127.0.0.1:" + port);
      assertThat(output).contains("msg=\"stopping\"").contains("msg=\"stopped\"");
      assertThat(output).doesNotContain("LEAK:");
      // 128 + SIGTERM: the JVM ran its shutdown hooks and exited.
      assertThat(process.exitValue()).isEqualTo(143);
    } finally {
      process.destroyForcibly();
    }
  }

  private static void awaitHealthy(Http http, Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("server exited early:\n" + Files.readString(log));
      }
      try {
        if (http.get("/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("server did not become healthy:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
