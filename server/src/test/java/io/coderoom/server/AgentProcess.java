package io.coderoom.server;

import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.server.netns.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A runner agent as a separate JVM on a host of a {@link io.coderoom.server.netns.VirtualNetwork},
 * started from the test's classpath as {@code ./coderoom up} starts one: it reads its settings from
 * the environment and talks to Redis and to the machine's Docker engine (a Unix socket, which any
 * namespace reaches). No warm containers and the JIT's quick tier only: a test's runs are few, and
 * the machine is small.
 */
public final class AgentProcess implements AutoCloseable {
  private static final Duration START_WAIT = Duration.ofSeconds(60);

  private final Path log;
  private final Process process;

  private AgentProcess(Path log, Process process) {
    this.log = log;
    this.process = process;
  }

  /** Starts it inside {@code host}, taking jobs from {@code redisUrl}; returns once it has. */
  public static AgentProcess start(Host host, String agentId, String redisUrl, Path folder)
      throws Exception {
    Path log = folder.resolve(agentId + ".log");
    // The agent refuses a work folder other users could enter.
    Path work =
        Files.createDirectories(
            folder.resolve(agentId + "-runs"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    List<String> command =
        new ArrayList<>(
            host.command(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseZGC",
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                RunnerAgent.class.getName()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("CODEROOM_REDIS_URL", redisUrl);
    env.put("CODEROOM_AGENT_ID", agentId);
    env.put("CODEROOM_RUNNER_SLOTS", "2");
    env.put("CODEROOM_RUNNER_WARM", "0");
    env.put("CODEROOM_RUNNER_WORK_DIR", work.toString());
    env.remove("CODEROOM_METRICS_TOKEN");
    AgentProcess agent = new AgentProcess(log, builder.start());
    agent.awaitStarted(agentId);
    return agent;
  }

  private void awaitStarted(String agentId) throws Exception {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the runner agent exited:\n" + log());
      }
      if (log().contains(agentId + " started with")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the runner agent did not start within " + START_WAIT + ":\n" + log());
  }

  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
