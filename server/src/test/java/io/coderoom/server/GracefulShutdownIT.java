package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a real process: it starts from its environment and stops cleanly on SIGTERM. */
class GracefulShutdownIT {
  @TempDir Path logs;

  @Test
  void sigtermDrainsAndExits() throws Exception {
    try (ServerProcess server = new ServerProcess(logs.resolve("server.log"))) {
      server.start();
      int exit = server.terminate();
      String output = server.log();
      assertThat(output).contains("listening on http://127.0.0.1:" + server.port());
      assertThat(output).contains("msg=\"stopping\"").contains("msg=\"stopped\"");
      assertThat(output).doesNotContain("LEAK:");
      // 128 + SIGTERM: the JVM ran its shutdown hooks and exited.
      assertThat(exit).isEqualTo(143);
    }
  }
}
