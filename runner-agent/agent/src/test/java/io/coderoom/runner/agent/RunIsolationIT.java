package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs share nothing: two at once see neither the other's files nor its processes, and a warm
 * container, once used, never serves another run (src/test/resources/isolation/neighbour.py).
 */
@Timeout(300)
class RunIsolationIT {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(120);
  private static final String IMAGE = "coderoom/runner-python:bookworm";
  private static final String AGENT_ID = "isolation-" + ProcessHandle.current().pid();
  private static RedisFixture fixture;
  private static RunnerAgent agent;

  @BeforeAll
  static void startAgent() {
    fixture = new RedisFixture();
    agent =
        RunnerAgent.start(
            AgentConfig.of(RedisFixture.REDIS_URL, AGENT_ID, "test-host", 2)
                .withWarmPerLanguage(1));
  }

  @AfterAll
  static void stop() {
    agent.close();
    fixture.close();
  }

  private static String submit(String marker) {
    String runId = RedisFixture.newRunId("isolation-" + marker);
    fixture.submit(
        RunJob.run(runId, "python", Programs.read("../isolation/neighbour.py"), marker + "\n"));
    return runId;
  }

  private static List<String> lines(RunResult r, String kind) {
    return Arrays.stream(r.stdout().split("\n"))
        .filter(line -> line.startsWith(kind + " "))
        .map(line -> line.substring(kind.length() + 1))
        .toList();
  }

  private static double[] ran(RunResult r) {
    String[] times = lines(r, "ran").getFirst().split(" ");
    return new double[] {Double.parseDouble(times[0]), Double.parseDouble(times[1])};
  }

  @Test
  void twoRunsAtOnceSeeNeitherTheOthersFilesNorItsProcesses() {
    String a = submit("first");
    String b = submit("second");
    RunResult first = fixture.awaitResult(a, RESULT_TIMEOUT);
    RunResult second = fixture.awaitResult(b, RESULT_TIMEOUT);
    for (RunResult r : List.of(first, second)) {
      assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(RunStatus.OK);
    }
    // They did run at the same time.
    double[] one = ran(first);
    double[] two = ran(second);
    assertThat(one[0]).isLessThan(two[1]);
    assertThat(two[0]).isLessThan(one[1]);

    assertThat(lines(first, "file"))
        .contains("/tmp/marker-first", "/dev/shm/marker-first")
        .noneMatch(f -> f.contains("second"));
    assertThat(lines(second, "file"))
        .contains("/tmp/marker-second", "/dev/shm/marker-second")
        .noneMatch(f -> f.contains("first"));
    for (RunResult r : List.of(first, second)) {
      // Its own program is the only one running code.
      assertThat(lines(r, "process"))
          .as(r.stdout())
          .filteredOn(p -> p.contains("/code/"))
          .hasSize(1);
    }
  }

  @Test
  void aWarmContainerServesOneRunOnly() {
    List<String> markers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // Each run finds a warm container ready, so each takes one from the pool.
      await().atMost(Duration.ofSeconds(60)).until(() -> agent.sandbox().warmReady(IMAGE) >= 1);
      String marker = "run" + i;
      RunResult r = fixture.awaitResult(submit(marker), RESULT_TIMEOUT);
      assertThat(r.status()).as(r.message() + r.stderr()).isEqualTo(RunStatus.OK);
      assertThat(lines(r, "file"))
          .as("run %d", i)
          .contains("/tmp/marker-" + marker)
          .noneMatch(f -> markers.stream().anyMatch(earlier -> f.endsWith("marker-" + earlier)));
      markers.add(marker);
    }
  }
}
