package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.coderoom.runner.agent.sandbox.DockerClients;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XReadArgs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agents dying and stopping: a job whose agent is killed with SIGKILL mid-run is finished by
 * another agent; a job delivered too often is failed with a reason; SIGTERM lets the run in
 * progress finish. The agents under test run as separate processes so they can really be killed.
 */
class FaultIT {
  private static final String SLOW_PROGRAM =
      "import time\nprint('start', flush=True)\ntime.sleep(3)\nprint('done')\n";

  private RedisFixture fixture;
  private DockerClient docker;
  private Process child;

  @BeforeEach
  void connect() {
    fixture = new RedisFixture();
    docker = DockerClients.create("unix:///var/run/docker.sock");
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (child != null) {
      child.destroyForcibly();
    }
    docker.close();
    fixture.close();
  }

  /** Starts an agent in its own JVM and waits for its heartbeat. */
  private Process startAgentProcess(String agentId) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            RunnerAgent.class.getName());
    builder.environment().put("CODEROOM_REDIS_URL", RedisFixture.REDIS_URL);
    builder.environment().put("CODEROOM_AGENT_ID", agentId);
    builder.environment().put("CODEROOM_RUNNER_SLOTS", "1");
    builder.environment().put("CODEROOM_RUNNER_WARM", "0");
    // Any free port for its /metrics: an agent of ./coderoom up may hold the default one.
    builder.environment().put("CODEROOM_AGENT_METRICS_PORT", "0");
    builder.redirectErrorStream(true);
    builder.redirectOutput(new File("target/" + agentId + ".log"));
    Process process = builder.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !fixture.heartbeat(agentId).isEmpty() || !process.isAlive());
    assertThat(process.isAlive())
        .as("agent %s started (log target/%s.log)", agentId, agentId)
        .isTrue();
    return process;
  }

  private void awaitStartedBy(String runId, String agentId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> fixture.streamed(runId, RunEvent.OutputStream.STDOUT).contains("start"));
  }

  @Test
  void jobOfAKilledAgentIsFinishedByAnotherOrFailedWithAReason() throws Exception {
    String doomed = "doomed-" + ProcessHandle.current().pid();
    child = startAgentProcess(doomed);
    String runId = RedisFixture.newRunId("killed");
    fixture.submit(RunJob.run(runId, "python", SLOW_PROGRAM, "").withLimits(10_000, 256));
    awaitStartedBy(runId, doomed);
    assertThat(fixture.events(runId).getFirst())
        .isInstanceOfSatisfying(
            RunEvent.Started.class, s -> assertThat(s.agentId()).isEqualTo(doomed));

    // A second job, delivered three times already to consumers that died: it must be given up.
    String given = RedisFixture.newRunId("given-up");
    fixture.submit(RunJob.run(given, "python", "print('never')\n", ""));
    deliverToGhosts(given);

    child.destroyForcibly().waitFor();
    long killedAt = System.currentTimeMillis();

    String rescuerId = "rescuer-" + ProcessHandle.current().pid();
    try (RunnerAgent rescuer =
        RunnerAgent.start(
            AgentConfig.of(RedisFixture.REDIS_URL, rescuerId, "test-host", 1)
                .withWarmPerLanguage(0))) {
      RunResult result = fixture.awaitResult(runId, Duration.ofSeconds(30));
      assertThat(System.currentTimeMillis() - killedAt).isLessThan(30_000);
      assertThat(result.agentId()).isEqualTo(rescuerId);
      assertThat(result.status()).isEqualTo(RunStatus.OK);
      assertThat(result.stdout()).isEqualTo("start\ndone\n");

      RunResult failed = fixture.awaitResult(given, Duration.ofSeconds(30));
      assertThat(failed.status()).isEqualTo(RunStatus.INTERNAL_ERROR);
      assertThat(failed.message()).contains("given up after 3 attempts");
      assertThat(fixture.events(given).getLast())
          .isEqualTo(new RunEvent.Ended(given, RunStatus.INTERNAL_ERROR));

      // The dead agent's container is removed by the survivor's janitor.
      await().atMost(Duration.ofSeconds(60)).until(() -> containersOf(doomed).isEmpty());
    }
  }

  /** Reads the job as consumers that then die, three deliveries in all, idle long ago. */
  private void deliverToGhosts(String runId) {
    String entryId = null;
    Consumer<String> ghost = Consumer.from(RedisKeys.AGENT_GROUP, "ghost-1");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (entryId == null) {
      assertThat(System.nanoTime())
          .as("job %s to reach the queue within 30 s", runId)
          .isLessThan(deadline);
      List<StreamMessage<String, String>> read =
          fixture.redis.xreadgroup(
              ghost,
              XReadArgs.Builder.count(1).block(Duration.ofSeconds(1)),
              XReadArgs.StreamOffset.lastConsumed(RedisKeys.JOBS_STREAM));
      for (StreamMessage<String, String> message : read) {
        if (runId.equals(message.getBody().get("runId"))) {
          entryId = message.getId();
        }
      }
    }
    for (String name : List.of("ghost-2", "ghost-3")) {
      fixture.redis.xclaim(
          RedisKeys.JOBS_STREAM,
          Consumer.from(RedisKeys.AGENT_GROUP, name),
          XClaimArgs.Builder.minIdleTime(0).idle(Duration.ofMinutes(1)),
          entryId);
    }
  }

  private List<String> containersOf(String agentId) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("io.coderoom.runner.agent", agentId))
        .exec()
        .stream()
        .map(c -> c.getId())
        .toList();
  }

  @Test
  void sigtermDrainsTheRunInProgress() throws Exception {
    String draining = "draining-" + ProcessHandle.current().pid();
    child = startAgentProcess(draining);
    String runId = RedisFixture.newRunId("drained");
    fixture.submit(RunJob.run(runId, "python", SLOW_PROGRAM, "").withLimits(10_000, 256));
    awaitStartedBy(runId, draining);

    child.destroy(); // SIGTERM
    RunResult result = fixture.awaitResult(runId, Duration.ofSeconds(30));
    assertThat(result.agentId()).isEqualTo(draining);
    assertThat(result.status()).isEqualTo(RunStatus.OK);
    assertThat(result.stdout()).isEqualTo("start\ndone\n");
    assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(fixture.heartbeat(draining)).isEmpty();
    assertThat(containersOf(draining)).isEmpty();
  }
}
