package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run that no runner agent has taken yet (none is running) is stopped by the server itself: it
 * ends for everyone as {@code stopped} at once, its job leaves the queue, and an agent that starts
 * afterwards never runs it but runs the room's next one.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QueuedRunStopIT {
  private static final Duration RUN_WAIT = Duration.ofSeconds(60);

  private static ServerConfig config;
  private static CoderoomServer server;

  @BeforeAll
  static void start() throws Exception {
    config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aRunNoAgentHasTakenStopsWithoutStartingAndTheNextRunRuns() throws Exception {
    TestRoom room = TestRoom.create(server.baseUri(), "Queued", RunStopIT.CODE);
    try (RoomConsoles consoles = RoomConsoles.open(room)) {
      consoles.guest().send(RunStopIT.ONCE);
      String runId = null;
      for (ControlClient client : consoles.all()) {
        runId = expect(client, "run_started").path("runId").asText();
      }
      String hostId = null;
      consoles.host().send("{\"type\":\"stop\"}");
      for (ControlClient client : consoles.all()) {
        JsonNode announced = expect(client, "run_stopping");
        hostId = announced.path("by").asText();
        JsonNode finished = expect(client, "run_finished", RUN_WAIT);
        assertThat(finished.path("runId").asText()).isEqualTo(runId);
        assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("stopped");
        assertThat(finished.path("by").asText()).isEqualTo(hostId);
        assertThat(finished.path("message").asText()).isEqualTo("Stopped by Interviewer.");
        assertThat(finished.path("runMs").asLong()).isZero();
      }
      assertThat(queuedRunIds()).doesNotContain(runId);

      try (RunnerAgent agent =
          RunnerAgent.start(
              AgentConfig.of(
                  config.redisUrl(), "queued-stop-it-" + UUID.randomUUID(), "test", 1))) {
        consoles.guest().send(RunStopIT.ONCE);
        for (ControlClient client : consoles.all()) {
          RoomConsoles.RunSeen seen = RoomConsoles.run(client, RUN_WAIT);
          assertThat(seen.runId()).isNotEqualTo(runId);
          assertThat(seen.finished().path("status").asText()).isEqualTo("ok");
          assertThat(seen.stream("stdout")).isEqualTo("done\n");
        }
      }
      JsonNode stored = room.run(runId);
      assertThat(stored.path("status").asText()).isEqualTo("stopped");
      assertThat(stored.path("message").asText()).isEqualTo("Stopped by Interviewer.");
    }
  }

  /** The run ids of the jobs waiting in the queue. */
  private static List<String> queuedRunIds() {
    RedisClient client = RedisClient.create(config.redisUrl());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      List<String> ids = new ArrayList<>();
      connection
          .sync()
          .xrange(RedisKeys.JOBS_STREAM, Range.create("-", "+"))
          .forEach(entry -> ids.add(entry.getBody().get("runId")));
      return ids;
    } finally {
      client.shutdown();
    }
  }
}
