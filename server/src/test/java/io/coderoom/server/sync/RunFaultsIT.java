package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.PrivateRedis;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs when what they need fails: no runner agent takes the run, Redis refuses to queue it, or
 * Redis goes away while it runs. Each time the run ends clearly for the interviewer, the candidate
 * and the observer, is stored as ended, and the room carries on. The server and the agent use a
 * redis-server of this class's own, which the tests fill and kill.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunFaultsIT {
  private static final Duration RUN_WAIT = Duration.ofSeconds(90);

  /** RunQueue's start deadline: a run no agent started by then is failed. */
  private static final Duration START_DEADLINE = Duration.ofSeconds(30);

  private static final String INTERRUPTED =
      "The run was interrupted before it finished; try again.";

  @TempDir static Path folder;

  private static PrivateRedis redis;
  private static CoderoomServer server;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    redis = PrivateRedis.start(folder);
    ServerConfig config = TestServers.config().with(c -> c.redisUrl = redis.url());
    server = TestServers.start(config, InMemorySpanExporter.create());
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aRunNoAgentTakesEndsForEveryoneAtTheStartDeadline() throws Exception {
    TestRoom room = TestRoom.create(server.baseUri(), "No agent", "print('hi')\n");
    try (RoomConsoles consoles = RoomConsoles.open(room)) {
      long asked = System.nanoTime();
      consoles.guest().send("{\"type\":\"run\"}");
      String message = "No runner agent took the run; is one running?";
      String runId = null;
      for (ControlClient client : consoles.all()) {
        RoomConsoles.RunSeen seen =
            RoomConsoles.run(client, START_DEADLINE.plus(Duration.ofSeconds(30)));
        assertThat(seen.output()).isEmpty();
        assertThat(seen.finished().path("status").asText()).isEqualTo("internal_error");
        assertThat(seen.finished().path("message").asText()).isEqualTo(message);
        runId = seen.runId();
      }
      assertThat(System.nanoTime() - asked)
          .as("failed at the deadline, not before")
          .isGreaterThanOrEqualTo(START_DEADLINE.minusSeconds(1).toNanos());

      JsonNode stored = storedRun(room, runId);
      assertThat(stored.path("status").asText()).isEqualTo("internal_error");
      assertThat(stored.path("message").asText()).isEqualTo(message);
      // The job no agent took is gone from the queue: a late agent must not run it.
      assertThat(redis.command("XLEN", RedisKeys.JOBS_STREAM)).isEqualTo(":0");
    }
  }

  @Test
  void aRunRedisCannotQueueIsRefusedAsRunFailedAndStoredAsEnded() throws Exception {
    TestRoom room = TestRoom.create(server.baseUri(), "Redis full", "print('hi')\n");
    try (RoomConsoles consoles = RoomConsoles.open(room)) {
      // Full, with the noeviction policy ./coderoom gives Redis: every write is refused.
      assertThat(redis.command("CONFIG", "SET", "maxmemory-policy", "noeviction")).isEqualTo("+OK");
      assertThat(redis.command("CONFIG", "SET", "maxmemory", "1")).isEqualTo("+OK");
      String failed = "The run could not start; try again.";
      try {
        consoles.guest().send("{\"type\":\"run\"}");
        String runId = expect(consoles.guest(), "run_started").path("runId").asText();
        List<JsonNode> guestSaw =
            List.of(consoles.guest().next(RUN_WAIT), consoles.guest().next(RUN_WAIT));
        assertThat(guestSaw)
            .as("the refusal, and the end of the run it announced")
            .anySatisfy(
                event -> {
                  assertThat(event.path("type").asText()).isEqualTo("error");
                  assertThat(event.path("code").asText()).isEqualTo("run_failed");
                  assertThat(event.path("message").asText()).isEqualTo(failed);
                })
            .anySatisfy(event -> assertRunFailed(event, runId));
        for (ControlClient other : List.of(consoles.host(), consoles.watcher())) {
          RoomConsoles.RunSeen seen = RoomConsoles.run(other, RUN_WAIT);
          assertThat(seen.runId()).isEqualTo(runId);
          assertRunFailed(seen.finished(), runId);
        }
        assertThat(storedRun(room, runId).path("status").asText()).isEqualTo("internal_error");

        HttpResponse<String> refused =
            http.post(
                "/api/rooms/" + room.id() + "/runs",
                "{}",
                "Authorization",
                "Bearer " + room.interviewer().token());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(Http.json(refused).path("error").asText()).isEqualTo("run_failed");
        assertThat(Http.json(refused).path("message").asText()).isEqualTo(failed);
        for (ControlClient client : consoles.all()) {
          assertRunFailed(RoomConsoles.run(client, RUN_WAIT).finished(), null);
        }
      } finally {
        redis.command("CONFIG", "SET", "maxmemory", "0");
      }
      JsonNode runs = runs(room);
      assertThat(runs).hasSize(2);
      for (JsonNode run : runs) {
        assertThat(run.path("status").asText()).isEqualTo("internal_error");
      }
    }
  }

  @Test
  void redisLostMidRunEndsTheRunForEveryoneAndTheRoomCarriesOn() throws Exception {
    TestRoom room =
        TestRoom.create(
            server.baseUri(),
            "Redis lost",
            "import time\nprint('started', flush=True)\ntime.sleep(30)\n");
    try (RunnerAgent agent =
            RunnerAgent.start(
                AgentConfig.of(redis.url(), "run-faults-it-" + UUID.randomUUID(), "test", 2)
                    .withWarmPerLanguage(0));
        RoomConsoles consoles = RoomConsoles.open(room);
        YClient editor = room.code(room.candidate());
        YClient reader = room.code(room.observer())) {
      editor.awaitSynced();
      reader.awaitSynced();
      consoles.guest().send("{\"type\":\"run\"}");
      List<String> runIds = new ArrayList<>();
      for (ControlClient client : consoles.all()) {
        runIds.add(expect(client, "run_started").path("runId").asText());
        // The line may come in more than one piece.
        StringBuilder printed = new StringBuilder();
        while (printed.length() < "started\n".length()) {
          JsonNode output = expect(client, "run_output", RUN_WAIT);
          assertThat(output.path("stream").asText()).isEqualTo("stdout");
          printed.append(output.path("data").asText());
        }
        assertThat(printed.toString()).isEqualTo("started\n");
      }
      redis.kill();

      for (ControlClient client : consoles.all()) {
        JsonNode finished = expect(client, "run_finished", Duration.ofSeconds(30));
        assertThat(finished.path("runId").asText()).isEqualTo(runIds.get(0));
        assertThat(finished.path("status").asText()).isEqualTo("internal_error");
        assertThat(finished.path("message").asText()).isEqualTo(INTERRUPTED);
      }
      JsonNode stored = storedRun(room, runIds.get(0));
      assertThat(stored.path("status").asText()).isEqualTo("internal_error");
      assertThat(stored.path("message").asText()).isEqualTo(INTERRUPTED);

      // Without Redis: the server says it is degraded, and the room's editing and moderation go
      // on.
      HttpResponse<String> degraded = http.get("/readyz");
      assertThat(degraded.statusCode()).isEqualTo(200);
      assertThat(Http.json(degraded).path("status").asText()).isEqualTo("degraded");
      assertThat(Http.json(degraded).path("checks").path("redis").path("ok").asBoolean()).isFalse();
      editor.insert(0, "# still editing\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> reader.text().startsWith("# still"));
      consoles.host().send("{\"type\":\"lock\"}");
      for (ControlClient client : consoles.all()) {
        assertThat(expect(client, "lock_changed").path("candidateLocked").asBoolean()).isTrue();
      }

      // Redis comes back empty: runs work again, for everyone.
      redis.restart();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Http.json(http.get("/readyz")).path("status").asText().equals("ready"));
      consoles.host().send("{\"type\":\"unlock\"}");
      for (ControlClient client : consoles.all()) {
        expect(client, "lock_changed");
      }
      editor.delete(0, editor.text().length());
      editor.insert(0, "print('back')\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> reader.text().equals("print('back')\n"));
      consoles.guest().send("{\"type\":\"run\"}");
      for (ControlClient client : consoles.all()) {
        RoomConsoles.RunSeen seen = RoomConsoles.run(client, RUN_WAIT);
        assertThat(seen.finished().path("status").asText()).isEqualTo("ok");
        assertThat(seen.stream("stdout")).isEqualTo("back\n");
      }
    }
  }

  private static void assertRunFailed(JsonNode event, String runId) {
    assertThat(event.path("type").asText()).isEqualTo("run_finished");
    if (runId != null) {
      assertThat(event.path("runId").asText()).isEqualTo(runId);
    }
    assertThat(event.path("status").asText()).isEqualTo("internal_error");
    assertThat(event.path("message").asText()).isEqualTo(INTERRUPTED);
  }

  private static JsonNode storedRun(TestRoom room, String runId) throws Exception {
    return Http.json(
        http.get(
            "/api/rooms/" + room.id() + "/runs/" + runId,
            "Authorization",
            "Bearer " + room.observer().token()));
  }

  private static JsonNode runs(TestRoom room) throws Exception {
    return Http.json(
            http.get(
                "/api/rooms/" + room.id() + "/runs",
                "Authorization",
                "Bearer " + room.interviewer().token()))
        .path("runs");
  }
}
