package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerWithAgent;
import io.coderoom.server.TestServers;
import io.coderoom.server.store.StoredText;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs whose output or code could hurt the server: output PostgreSQL cannot store still ends the
 * stored run, a finished run leaves nothing in Redis, and code over the run limit is refused.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
class RunSafetyIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** NUL bytes, invalid UTF-8 and terminal escapes, written as raw bytes. */
  private static final String HOSTILE_OUTPUT =
      """
      import sys
      out = sys.stdout.buffer
      out.write(b'before\\x00after\\n')
      out.write(b'bad \\xff\\xfe\\xc3 utf8\\n')
      out.write(b'\\x1b[31mred\\x1b[0m\\x07\\n')
      out.write(b'\\x00' * 1000 + b'\\n')
      out.flush()
      print('done')
      """;

  @RegisterExtension static final ServerWithAgent stack = new ServerWithAgent("run-safety-it");

  private static RedisClient redisClient;
  private static StatefulRedisConnection<String, String> redis;

  @BeforeAll
  static void start() throws Exception {
    redisClient = RedisClient.create(TestServers.config().redisUrl());
    redis = redisClient.connect();
  }

  @AfterAll
  static void stop() {
    redis.close();
    redisClient.shutdown();
  }

  @Test
  void outputOfAnyBytesEndsTheStoredRunWithSafeText() throws Exception {
    TestRoom room =
        TestRoom.create(stack.baseUri(), Map.of("title", "Run safety", "language", "python"));
    try (YClient editor = room.code(room.interviewer());
        ControlClient host =
            room.control(room.interviewer())
                // Each look at the room's code opens and closes an observer's socket.
                .allow("participant_joined", "participant_left")) {
      editor.awaitSynced();
      editor.insert(0, HOSTILE_OUTPUT);
      await().atMost(WAIT).until(() -> room.codeText().contains("print('done')"));
      host.await("welcome");

      host.send("{\"type\":\"run\"}");
      ControlClient.Run streamed = host.awaitRun(WAIT);
      String runId = streamed.started().path("runId").asText();
      assertThat(streamed.finished().path("status").asText()).isEqualTo("ok");
      assertThat(streamed.printed("stdout")).contains("before").endsWith("done\n");

      JsonNode run = awaitFinished(room, runId);
      assertThat(run.path("status").asText()).isEqualTo("ok");
      String stdout = run.path("stdout").asText();
      assertThat(stdout).contains("before").contains("after").contains("red").endsWith("done\n");
      assertThat(StoredText.isStorable(stdout)).as("no NUL, no broken surrogate").isTrue();
      assertThat(stdout.indexOf('\u0000')).isNegative();

      assertNothingLeftInRedis(runId);
    }
  }

  @Test
  void codeOverTheRunLimitIsRefusedOverRestAndTheControlSocket() throws Exception {
    TestRoom room =
        TestRoom.create(stack.baseUri(), Map.of("title", "Run safety", "language", "python"));
    try (YClient editor = room.code(room.interviewer());
        ControlClient host =
            room.control(room.interviewer())
                // Each look at the room's code opens and closes an observer's socket.
                .allow("participant_joined", "participant_left")) {
      editor.awaitSynced();
      editor.insert(0, "# " + "x".repeat(256 * 1024) + "\nprint(1)\n");
      await().atMost(WAIT).until(() -> room.codeText().endsWith("print(1)\n"));
      host.await("welcome");

      HttpResponse<String> refused =
          stack.post(
              "/api/rooms/" + room.id() + "/runs",
              "{}",
              "Authorization",
              "Bearer " + room.candidate().token());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(Http.json(refused).path("error").asText()).isEqualTo("code_too_large");
      assertThat(Http.json(refused).path("message").asText())
          .isEqualTo("The code is over 256 KiB, the most a run takes; shorten it to run it.");

      host.send("{\"type\":\"run\"}");
      JsonNode error = host.await("error");
      assertThat(error.path("code").asText()).isEqualTo("code_too_large");

      // Just under the limit runs.
      editor.delete(2, 300); // still a comment, just shorter
      await().atMost(WAIT).until(() -> room.codeText().length() < 256 * 1024);
      HttpResponse<String> accepted =
          stack.post(
              "/api/rooms/" + room.id() + "/runs",
              "{}",
              "Authorization",
              "Bearer " + room.candidate().token());
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String runId = Http.json(accepted).path("runId").asText();
      assertThat(awaitFinished(room, runId).path("status").asText()).isEqualTo("ok");
      ControlClient.Run streamed = host.awaitRun(WAIT);
      assertThat(streamed.started().path("runId").asText()).isEqualTo(runId);
      assertThat(streamed.printed("stdout")).isEqualTo("1\n");
    }
  }

  private static void assertNothingLeftInRedis(String runId) {
    RedisCommands<String, String> commands = redis.sync();
    assertThat(commands.exists(RedisKeys.runOutput(runId))).as("output stream").isZero();
    assertThat(entriesOf(commands, RedisKeys.RESULTS_STREAM, runId)).as("result").isEmpty();
    assertThat(entriesOf(commands, RedisKeys.JOBS_STREAM, runId)).as("job").isEmpty();
  }

  private static List<StreamMessage<String, String>> entriesOf(
      RedisCommands<String, String> commands, String stream, String runId) {
    return commands.xrange(stream, Range.create("-", "+")).stream()
        .filter(entry -> runId.equals(entry.getBody().get("runId")))
        .toList();
  }

  private static JsonNode awaitFinished(TestRoom room, String runId) throws Exception {
    String path = "/api/rooms/" + room.id() + "/runs/" + runId;
    await()
        .atMost(WAIT)
        .until(
            () ->
                !Http.json(stack.get(path, "Authorization", "Bearer " + room.interviewer().token()))
                    .path("status")
                    .asText()
                    .equals("running"));
    return Http.json(stack.get(path, "Authorization", "Bearer " + room.interviewer().token()));
  }
}
