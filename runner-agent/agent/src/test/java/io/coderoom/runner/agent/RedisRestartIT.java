package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis restarts (empty, as without persistence) under a running agent: the agent reconnects, makes
 * its consumer group again and runs the next job. Uses a Redis of its own, so the rest of the suite
 * is not disturbed.
 */
class RedisRestartIT {
  @Test
  void theAgentReconnectsAndCarriesOn() throws Exception {
    int port = freePort();
    String url = "redis://127.0.0.1:" + port;
    Process redis = startRedis(port);
    try (RunnerAgent agent =
        RunnerAgent.start(
            AgentConfig.of(url, "restart-" + UUID.randomUUID(), "test", 1)
                .withWarmPerLanguage(0))) {
      assertThat(runPython(url, "print('before')").stdout()).isEqualTo("before\n");

      redis.destroy();
      assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(1500); // the agent sees the connection drop
      redis = startRedis(port);

      RunResult after = runPython(url, "print('after')");
      assertThat(after.status()).isEqualTo(RunStatus.OK);
      assertThat(after.stdout()).isEqualTo("after\n");
    } finally {
      redis.destroyForcibly();
    }
  }

  private static RunResult runPython(String url, String code) {
    try (RedisFixture fixture = new RedisFixture(url)) {
      String runId = RedisFixture.newRunId("restart");
      fixture.submit(RunJob.run(runId, "python", code, ""));
      return fixture.awaitResult(runId, Duration.ofSeconds(60));
    }
  }

  private static Process startRedis(int port) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        return process;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("redis-server did not start on port " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
