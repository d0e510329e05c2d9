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
    Process redis = startRedisOnAFreePort();
    int port = redisPort;
    String url = "redis://127.0.0.1:" + port;
    try (RunnerAgent agent =
        RunnerAgent.start(
            AgentConfig.of(url, "restart-" + UUID.randomUUID(), "test", 1)
                .withWarmPerLanguage(0))) {
      assertThat(runPython(url, "print('before')").stdout()).isEqualTo("before\n");

      redis.destroy();
      assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
      // Back on the same port as soon as it is free: the agent must cope with a Redis that comes
      // back empty at once as well as with one that stays away.
      redis = restartRedis(port);

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

  /** The port the first Redis got. */
  private int redisPort;

  /**
   * A Redis on a port that was free a moment ago. Another process can take the port between the
   * check and the bind; then redis-server exits, and another port is tried.
   */
  private Process startRedisOnAFreePort() throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 5; attempt++) {
      redisPort = freePort();
      Process process = startRedis(redisPort, Duration.ofSeconds(10));
      if (process != null) {
        return process;
      }
    }
    throw new AssertionError("redis-server did not start on any of 5 free ports");
  }

  /** A Redis on this port again, retrying while the old one's port is still held. */
  private static Process restartRedis(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      Process process = startRedis(port, Duration.ofSeconds(10));
      if (process != null) {
        return process;
      }
    }
    throw new AssertionError("redis-server did not start again on port " + port);
  }

  /** A Redis answering on this port within the wait, or null if it exited (its port was taken). */
  private static Process startRedis(int port, Duration wait)
      throws IOException, InterruptedException {
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
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return null;
      }
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        // Answering, and still alive: the listener is this Redis, not whoever held the port.
        if (process.isAlive()) {
          return process;
        }
      } catch (IOException notYet) {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("redis-server did not answer on port " + port + " within " + wait);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
