package io.coderoom.server.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.agent.metrics.PrometheusText;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The alert rules and the dashboard in {@code deploy/observability} name only metrics that a server
 * and a runner agent export, so renaming a meter cannot silently empty an alert or a panel. Both
 * are started and scraped after a run, so the meters that exist only once something happened (runs
 * by language and status, their latencies) are there too.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ObservabilityNamesIT {
  private static final Path OBSERVABILITY = Path.of("..", "deploy", "observability");
  private static final String KEY = "Bearer " + TestServers.API_KEY;

  /** Coderoom's own metrics and the HTTP ones; PromQL functions and labels never match. */
  private static final Pattern METRIC =
      Pattern.compile("\\b(?:coderoom|http_server|jvm|process)_[a-z0-9_]*[a-z0-9]\\b");

  @Test
  void everyMetricTheAlertsAndTheDashboardUseIsExported() throws Exception {
    Set<String> used = new TreeSet<>();
    used.addAll(metricsIn(OBSERVABILITY.resolve("alerts.yml")));
    used.addAll(metricsIn(OBSERVABILITY.resolve("coderoom-dashboard.json")));
    assertThat(used)
        .as("the files name metrics of both processes")
        .contains(
            "coderoom_agent_runs_total", "coderoom_sockets", "http_server_requests_seconds_count");

    ServerConfig config = TestServers.config();
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create());
        RunnerAgent agent =
            RunnerAgent.start(
                AgentConfig.of(config.redisUrl(), "names-it-" + UUID.randomUUID(), "test", 1)
                    .withWarmPerLanguage(0))) {
      Http http = new Http(server.baseUri());
      String roomId =
          Http.json(
                  http.post(
                      "/api/rooms",
                      "{\"title\":\"Metrics\",\"language\":\"python\"}",
                      "Authorization",
                      KEY))
              .path("id")
              .asText();
      HttpResponse<String> accepted =
          http.post("/api/rooms/" + roomId + "/runs", "{}", "Authorization", KEY);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String location = accepted.headers().firstValue("location").orElseThrow();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  !Http.json(http.get(location, "Authorization", KEY))
                      .path("status")
                      .asText()
                      .equals("running"));

      HttpResponse<String> serverMetrics = http.get("/metrics");
      assertThat(serverMetrics.statusCode()).isEqualTo(200);
      HttpResponse<String> agentMetrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + agent.metricsPort().orElseThrow() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(agentMetrics.statusCode()).isEqualTo(200);

      Set<String> exported = new TreeSet<>();
      exported.addAll(PrometheusText.parse(serverMetrics.body()).names());
      exported.addAll(PrometheusText.parse(agentMetrics.body()).names());
      assertThat(exported)
          .as("metrics named in deploy/observability that neither the server nor an agent exports")
          .containsAll(used);
    }
  }

  private static Set<String> metricsIn(Path file) throws Exception {
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }
}
