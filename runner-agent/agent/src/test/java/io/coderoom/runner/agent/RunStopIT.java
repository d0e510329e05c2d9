package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import io.coderoom.runner.agent.sandbox.DockerClients;
import io.coderoom.runner.agent.sandbox.StepVerdict;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stopping runs as a server asks ({@link RedisKeys#runStop} set, then the run id announced on
 * {@link RedisKeys#STOP_CHANNEL}): a running program's container is killed at once and the run ends
 * {@code STOPPED} long before its time limit, with no container of it left; a stop set before an
 * agent took the job ends it without a container; and a stop whose announcement was missed is found
 * at the run's next fence refresh.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunStopIT {
  /** Far longer than any stop may take, so a stopped run can never be mistaken for a timeout. */
  private static final long TIME_LIMIT_MS = 30_000;

  private static final Duration RESULT_WAIT = Duration.ofSeconds(60);
  private static final String LOOP = "print('looping', flush=True)\nwhile True:\n    pass\n";

  private static RedisFixture fixture;
  private static RunnerAgent agent;
  private static DockerClient docker;

  @BeforeAll
  static void start() {
    fixture = new RedisFixture();
    agent = fixture.startAgent("stop");
    docker = DockerClients.create(agent.config().dockerHost());
  }

  @AfterAll
  static void stop() throws Exception {
    agent.close();
    fixture.close();
    docker.close();
  }

  @Test
  void aRunningProgramIsKilledAtOnceAndItsContainerGoes() {
    String runId = RedisFixture.newRunId("stop-running");
    fixture.submit(RunJob.run(runId, "python", LOOP, "").withLimits(TIME_LIMIT_MS, 256));
    awaitLooping(runId);
    List<String> running = runningPrograms();
    assertThat(running).as("containers running the program").hasSize(1);

    long asked = System.nanoTime();
    fixture.redis.set(RedisKeys.runStop(runId), "test");
    fixture.redis.publish(RedisKeys.STOP_CHANNEL, runId);
    RunResult result = fixture.awaitResult(runId, RESULT_WAIT);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
    System.out.printf(
        "stop: the stopped run's result was published %d ms after the stop%n", tookMs);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.STOPPED);
    assertThat(result.message()).isEqualTo(StepVerdict.STOPPED_MESSAGE);
    assertThat(result.exitCode()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(result.stdout()).isEqualTo("looping\n");
    assertThat(result.runMs()).isLessThan(TIME_LIMIT_MS);
    assertThat(fixture.events(runId).getLast())
        .isEqualTo(new RunEvent.Ended(runId, RunStatus.STOPPED));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        docker.listContainersCmd().withShowAll(true).withIdFilter(running).exec())
                    .as("the run's container")
                    .isEmpty());
  }

  @Test
  void aStopSetBeforeTheJobIsTakenEndsItWithoutAContainer() {
    String runId = RedisFixture.newRunId("stop-queued");
    fixture.redis.set(RedisKeys.runStop(runId), "test");
    fixture.submit(RunJob.run(runId, "python", LOOP, "").withLimits(TIME_LIMIT_MS, 256));
    RunResult result = fixture.awaitResult(runId, RESULT_WAIT);
    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.STOPPED);
    assertThat(result.runMs()).isZero();
    assertThat(result.stdout()).isEmpty();
    assertThat(fixture.streamed(runId, RunEvent.OutputStream.STDOUT)).isEmpty();
  }

  @Test
  void aStopWhoseAnnouncementWasMissedIsFoundAtTheNextRefresh() {
    String runId = RedisFixture.newRunId("stop-unannounced");
    fixture.submit(RunJob.run(runId, "python", LOOP, "").withLimits(TIME_LIMIT_MS, 256));
    awaitLooping(runId);
    // No message on the channel: as if the agent's subscription had been down just then.
    fixture.redis.set(RedisKeys.runStop(runId), "test");
    RunResult result = fixture.awaitResult(runId, RESULT_WAIT);
    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.STOPPED);
    assertThat(result.runMs()).isLessThan(TIME_LIMIT_MS);
  }

  private static void awaitLooping(String runId) {
    await()
        .atMost(RESULT_WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> fixture.streamed(runId, RunEvent.OutputStream.STDOUT).equals("looping\n"));
  }

  /**
   * The agent's containers in which a Python program runs now (its warm containers run nothing but
   * their idle process).
   */
  private static List<String> runningPrograms() {
    List<String> found = new ArrayList<>();
    for (var container :
        docker
            .listContainersCmd()
            .withLabelFilter(Map.of("io.coderoom.runner.agent", agent.config().agentId()))
            .exec()) {
      try {
        for (String[] process : docker.topContainerCmd(container.getId()).exec().getProcesses()) {
          if (String.join(" ", process).contains("/code/main.py")) {
            found.add(container.getId());
            break;
          }
        }
      } catch (DockerException gone) {
        // Removed meanwhile: it runs nothing.
      }
    }
    return found;
  }
}
