package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.Programs;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run accepted over REST is readable at its Location at once. */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
// Seven languages, each compiled and run once, by an agent with two slots.
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunsApiIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;

  @Test
  void everyAcceptedRunIsReadableAtItsLocationImmediately() throws Exception {
    ServerConfig config = TestServers.config();
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create());
        RunnerAgent agent =
            RunnerAgent.start(
                AgentConfig.of(config.redisUrl(), "runs-api-it-" + UUID.randomUUID(), "test", 2))) {
      Http http = new Http(server.baseUri());
      Map<String, String> locations = new LinkedHashMap<>();
      for (String language : Programs.LANGUAGES) {
        HttpResponse<String> created =
            http.post(
                "/api/rooms",
                "{\"title\":\"Runs\",\"language\":\"" + language + "\",\"problemId\":\"two-sum\"}",
                "Authorization",
                KEY);
        String roomId = Http.json(created).path("id").asText();

        HttpResponse<String> accepted =
            http.post("/api/rooms/" + roomId + "/runs", "{}", "Authorization", KEY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String runId = Http.json(accepted).path("runId").asText();
        String location = accepted.headers().firstValue("location").orElseThrow();
        assertThat(location).isEqualTo("/api/rooms/" + roomId + "/runs/" + runId);

        HttpResponse<String> read = http.get(location, "Authorization", KEY);
        assertThat(read.statusCode()).as("%s: %s", language, read.body()).isEqualTo(200);
        JsonNode run = Http.json(read);
        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("language").asText()).isEqualTo(language);
        locations.put(language, location);
      }
      // Every run ends, so none is left for the agents of later tests.
      for (Map.Entry<String, String> run : locations.entrySet()) {
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    !Http.json(http.get(run.getValue(), "Authorization", KEY))
                        .path("status")
                        .asText()
                        .equals("running"));
      }
    }
  }
}
