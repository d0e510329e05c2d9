package io.coderoom.runner.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.observability.MetricsToken;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RedisFixture;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's {@code /metrics}: runs counted and timed with their language, mode and status, the
 * queue, slots and warm pool as gauges, and the scrape token enforced when set.
 */
class AgentMetricsIT {
  private static final String TOKEN = "agent-metrics-it-" + UUID.randomUUID();
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

  private final RedisFixture fixture = new RedisFixture();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    fixture.close();
  }

  private AgentConfig config(MetricsToken token) {
    return AgentConfig.of(RedisFixture.REDIS_URL, "metrics-it-" + UUID.randomUUID(), "test-host", 2)
        .withWarmPerLanguage(0)
        .withMetrics(new MetricsEndpointConfig("127.0.0.1", 0, token));
  }

  @Test
  void runsAreCountedAndTimedByLanguageModeAndStatus() throws Exception {
    try (RunnerAgent agent = RunnerAgent.start(config(MetricsToken.none()))) {
      int port = agent.metricsPort().orElseThrow();
      List<String> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String runId = RedisFixture.newRunId("metrics-ok");
        fixture.submit(RunJob.run(runId, "python", "print(" + i + ")\n", ""));
        runs.add(runId);
      }
      String failing = RedisFixture.newRunId("metrics-fail");
      fixture.submit(RunJob.run(failing, "javascript", "process.exit(3);\n", ""));
      for (String runId : runs) {
        assertThat(fixture.awaitResult(runId, RESULT_TIMEOUT).status()).isEqualTo(RunStatus.OK);
      }
      RunResult failed = fixture.awaitResult(failing, RESULT_TIMEOUT);
      assertThat(failed.status()).isEqualTo(RunStatus.RUNTIME_ERROR);

      PrometheusText metrics = PrometheusText.parse(scrape(port, null).body());
      Map<String, String> pythonOk = Map.of("language", "python", "mode", "run", "status", "ok");
      assertThat(metrics.sum("coderoom_agent_runs_total", pythonOk)).isEqualTo(2.0);
      assertThat(
              metrics.sum(
                  "coderoom_agent_runs_total",
                  Map.of("language", "javascript", "mode", "run", "status", "runtime_error")))
          .isEqualTo(1.0);
      assertThat(
              metrics.sum(
                  "coderoom_agent_runs_total", Map.of("language", "javascript", "status", "ok")))
          .isZero();
      Map<String, String> python = Map.of("language", "python", "mode", "run");
      for (String latency :
          List.of(
              "coderoom_agent_run_queue_wait_seconds", "coderoom_agent_run_execution_seconds")) {
        assertThat(metrics.sum(latency + "_count", python))
            .as("%s in %s", latency, metrics.names())
            .isEqualTo(2.0);
        assertThat(metrics.sum(latency + "_count", Map.of("language", "javascript")))
            .as(latency)
            .isEqualTo(1.0);
        // A histogram: the +Inf bucket holds every run, and the sum is some time.
        assertThat(metrics.sum(latency + "_bucket", Map.of("language", "python", "le", "+Inf")))
            .as(latency)
            .isEqualTo(2.0);
      }
      assertThat(metrics.sum("coderoom_agent_run_execution_seconds_sum", python)).isPositive();
      assertThat(metrics.sum("coderoom_agent_slots_capacity", Map.of())).isEqualTo(2.0);
      assertThat(metrics.contains("coderoom_agent_warm_ready", Map.of("language", "cpp"))).isTrue();
    }
  }

  @Test
  void busySlotsAndTheQueueShowWhileJobsWait() throws Exception {
    try (RunnerAgent agent = RunnerAgent.start(config(MetricsToken.none()))) {
      int port = agent.metricsPort().orElseThrow();
      List<String> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String runId = RedisFixture.newRunId("metrics-slow");
        fixture.submit(RunJob.run(runId, "python", "import time\ntime.sleep(4)\n", ""));
        runs.add(runId);
      }
      // Two slots: two jobs run, one waits; all three are in the stream, two delivered.
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                PrometheusText metrics = PrometheusText.parse(scrape(port, null).body());
                return metrics.sum("coderoom_agent_slots_busy", Map.of()) == 2.0
                    && metrics.sum("coderoom_agent_queue_length", Map.of()) == 3.0
                    && metrics.sum("coderoom_agent_queue_pending", Map.of()) == 2.0;
              });
      for (String runId : runs) {
        fixture.awaitResult(runId, RESULT_TIMEOUT);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                PrometheusText metrics = PrometheusText.parse(scrape(port, null).body());
                return metrics.sum("coderoom_agent_slots_busy", Map.of()) == 0.0
                    && metrics.sum("coderoom_agent_queue_length", Map.of()) == 0.0;
              });
    }
  }

  @Test
  void theTokenIsRequiredWhenSet() throws Exception {
    try (RunnerAgent agent = RunnerAgent.start(config(MetricsToken.of(TOKEN)))) {
      int port = agent.metricsPort().orElseThrow();
      HttpResponse<String> without = scrape(port, null);
      assertThat(without.statusCode()).isEqualTo(401);
      assertThat(without.body()).doesNotContain("coderoom_agent");
      assertThat(scrape(port, "Bearer not-the-token-at-all").statusCode()).isEqualTo(401);
      HttpResponse<String> with = scrape(port, "Bearer " + TOKEN);
      assertThat(with.statusCode()).isEqualTo(200);
      assertThat(with.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(PrometheusText.parse(with.body()).names())
          .contains("coderoom_agent_slots_capacity");
    }
  }

  @Test
  void portMinusOneServesNothing() {
    AgentConfig off =
        config(MetricsToken.none())
            .withMetrics(new MetricsEndpointConfig("127.0.0.1", -1, MetricsToken.none()));
    try (RunnerAgent agent = RunnerAgent.start(off)) {
      assertThat(agent.metricsPort()).isEmpty();
    }
  }

  private HttpResponse<String> scrape(int port, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
