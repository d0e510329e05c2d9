package io.coderoom.server.sync;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run examples against Submit through the server and a real agent: {@code run_examples} runs the
 * problem's public tests only and everyone (observers too) sees them in full, while a submission
 * runs every test and candidates see the hidden ones as counts; the room's runs tell the two apart
 * and keep each one's code as it ran. The built-in two-sum's performance case (200,000 numbers)
 * stops a quadratic solution with {@code time_limit}.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RunExamplesIT {
  private static final Duration RUN_WAIT = Duration.ofSeconds(90);
  private static final String HIDDEN_INPUT = "[[1,5,9,13,21,34],47]";
  private static final int PERFORMANCE_CASE = 9;

  private static CoderoomServer server;
  private static RunnerAgent agent;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    ServerConfig config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "examples-it-" + UUID.randomUUID(), "test", 2));
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    agent.close();
    server.close();
  }

  @Test
  void runExamplesRunsThePublicTestsOnlyAndEveryoneSeesThemInFull() throws Exception {
    Room room = Room.create("python");
    String linear =
        "def twoSum(nums, target):\n"
            + "    print('checking', len(nums))\n"
            + "    seen = {}\n"
            + "    for i, x in enumerate(nums):\n"
            + "        if target - x in seen:\n"
            + "            return [seen[target - x], i]\n"
            + "        seen[x] = i\n"
            + "    return []\n";
    try (YClient editor = YClient.connect(server.baseUri(), room.id, "code", room.interviewer);
        ControlClient host =
            ControlClient.connect(server.baseUri(), room.id, room.interviewer, "");
        ControlClient guest =
            ControlClient.connect(server.baseUri(), room.id, room.candidate, "&name=Ada");
        ControlClient watcher =
            ControlClient.connect(server.baseUri(), room.id, room.observer, "")) {
      host.await("welcome");
      String guestName = guest.await("welcome").path("you").path("name").asText();
      watcher.await("welcome");
      for (ControlClient client : List.of(host, guest, watcher)) {
        client.allow("participant_joined", "participant_left");
      }
      editor.awaitSynced();
      replace(editor, room, linear);

      guest.send("{\"type\":\"run_examples\"}");
      List<ControlClient.Run> examples = new ArrayList<>();
      for (ControlClient client : List.of(host, guest, watcher)) {
        examples.add(client.awaitRun(RUN_WAIT));
      }
      for (ControlClient.Run run : examples) {
        assertThat(run.started().path("mode").asText()).isEqualTo("examples");
        assertThat(run.started().path("byName").asText()).isEqualTo(guestName);
        JsonNode tests = run.finished().path("tests");
        assertThat(run.finished().path("status").asText()).as("%s", run.finished()).isEqualTo("ok");
        // The public tests only, all of them passed and shown in full, the same to everyone.
        assertThat(tests.path("total").asInt()).isEqualTo(3);
        assertThat(tests.path("passed").asInt()).isEqualTo(3);
        assertThat(tests.path("hiddenTotal").asInt()).isZero();
        assertThat(tests.path("cases")).hasSize(3);
        assertThat(tests.path("cases").get(0).path("input").asText()).isEqualTo("[[2,7,11,15],9]");
        assertThat(tests.path("cases").get(1).path("expected").asText()).isEqualTo("[1,2]");
        assertThat(tests.path("cases").get(1).path("actual").asText()).isEqualTo("[1,2]");
        // Only the examples ran: the program never saw a hidden input, so nothing is withheld.
        assertThat(run.printed("stdout"))
            .contains("checking 4", "checking 3")
            .doesNotContain("not shown", "checking 2", "checking 6", "checking 200000");
      }
      assertThat(examples.get(1).finished().path("tests"))
          .isEqualTo(examples.get(0).finished().path("tests"));
      assertThat(examples.get(2).finished().path("tests"))
          .isEqualTo(examples.get(0).finished().path("tests"));
      String examplesId = examples.get(0).started().path("runId").asText();

      // Submit runs everything; the candidate sees the hidden tests as counts.
      guest.send("{\"type\":\"submit\"}");
      ControlClient.Run hostSubmit = host.awaitRun(RUN_WAIT);
      ControlClient.Run guestSubmit = guest.awaitRun(RUN_WAIT);
      watcher.awaitRun(RUN_WAIT);
      assertThat(hostSubmit.started().path("mode").asText()).isEqualTo("test");
      assertThat(hostSubmit.finished().path("tests").path("passed").asInt())
          .as("%s", hostSubmit.finished())
          .isEqualTo(11);
      assertThat(hostSubmit.finished().path("tests").path("cases")).hasSize(11);
      assertThat(guestSubmit.finished().path("tests").path("cases")).hasSize(3);
      assertThat(guestSubmit.finished().path("tests").path("hiddenPassed").asInt()).isEqualTo(8);
      assertThat(guestSubmit.finished().toString()).doesNotContain(HIDDEN_INPUT);
      String submitId = hostSubmit.started().path("runId").asText();

      // The room's runs tell examples from submissions, with who ran them.
      JsonNode runs =
          Http.json(
                  http.get(
                      "/api/rooms/" + room.id + "/runs",
                      "Authorization",
                      "Bearer " + room.candidate))
              .path("runs");
      assertThat(runs).hasSize(2);
      assertThat(runs.get(0).path("id").asText()).isEqualTo(examplesId);
      assertThat(runs.get(0).path("mode").asText()).isEqualTo("examples");
      assertThat(runs.get(0).path("requestedName").asText()).isEqualTo(guestName);
      assertThat(runs.get(0).path("tests").path("cases")).hasSize(3);
      assertThat(runs.get(1).path("id").asText()).isEqualTo(submitId);
      assertThat(runs.get(1).path("mode").asText()).isEqualTo("test");
      assertThat(runs.get(1).path("tests").path("cases")).hasSize(3);
      assertThat(runs.get(1).path("tests").path("total").asInt()).isEqualTo(11);

      // Each keeps its code as it ran, even after the room's code moved on.
      replace(editor, room, "def twoSum(nums, target):\n    return []\n");
      JsonNode one =
          Http.json(
              http.get(
                  "/api/rooms/" + room.id + "/runs/" + examplesId,
                  "Authorization",
                  "Bearer " + room.observer));
      assertThat(one.path("code").asText()).isEqualTo(linear);
      assertThat(one.path("mode").asText()).isEqualTo("examples");
      assertThat(one.path("tests").path("cases").get(0).path("input").asText())
          .isEqualTo("[[2,7,11,15],9]");
    }
  }

  @Test
  void theApiRunsTheExamplesTooAndRefusesUnknownModes() throws Exception {
    Room room = Room.create("python");
    HttpResponse<String> started =
        http.post(
            "/api/rooms/" + room.id + "/runs",
            "{\"mode\":\"examples\"}",
            "Authorization",
            "Bearer " + room.candidate);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String runId = Http.json(started).path("runId").asText();
    JsonNode run =
        await()
            .atMost(RUN_WAIT)
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    Http.json(
                        http.get(
                            "/api/rooms/" + room.id + "/runs/" + runId,
                            "Authorization",
                            "Bearer " + room.candidate)),
                json -> !json.path("status").asText().equals("running"));
    assertThat(run.path("mode").asText()).isEqualTo("examples");
    // The starter code returns nothing: every example fails, and nothing else ran.
    assertThat(run.path("tests").path("total").asInt()).as("%s", run).isEqualTo(3);
    assertThat(run.path("tests").path("passed").asInt()).isZero();
    assertThat(run.path("code").asText()).startsWith("from typing import List");

    HttpResponse<String> bogus =
        http.post(
            "/api/rooms/" + room.id + "/runs",
            "{\"mode\":\"everything\"}",
            "Authorization",
            "Bearer " + room.candidate);
    assertThat(bogus.statusCode()).isEqualTo(400);
    assertThat(Http.json(bogus).path("message").asText()).contains("run, examples or test");

    Room empty = Room.create("python", "");
    HttpResponse<String> noProblem =
        http.post(
            "/api/rooms/" + empty.id + "/runs",
            "{\"mode\":\"examples\"}",
            "Authorization",
            "Bearer " + empty.candidate);
    assertThat(noProblem.statusCode()).isEqualTo(409);
    assertThat(Http.json(noProblem).path("error").asText()).isEqualTo("no_problem");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "java", "go"})
  void thePerformanceCaseStopsAQuadraticSolutionWithTimeLimit(String language) throws Exception {
    Room room = Room.create(language);
    try (YClient editor = YClient.connect(server.baseUri(), room.id, "code", room.interviewer);
        ControlClient host =
            ControlClient.connect(server.baseUri(), room.id, room.interviewer, "");
        ControlClient guest =
            ControlClient.connect(server.baseUri(), room.id, room.candidate, "")) {
      host.await("welcome");
      guest.await("welcome");
      host.allow("participant_joined", "participant_left");
      guest.allow("participant_joined", "participant_left");
      editor.awaitSynced();
      replace(editor, room, Programs.quadraticTwoSum(language));

      // The examples pass: trying every pair is fine for four numbers.
      guest.send("{\"type\":\"run_examples\"}");
      assertThat(host.awaitRun(RUN_WAIT).finished().path("tests").path("passed").asInt())
          .isEqualTo(3);
      guest.awaitRun(RUN_WAIT);

      guest.send("{\"type\":\"submit\"}");
      JsonNode full = host.awaitRun(RUN_WAIT).finished();
      JsonNode partial = guest.awaitRun(RUN_WAIT).finished();
      JsonNode tests = full.path("tests");
      assertThat(tests.path("passed").asInt()).as("%s", full).isEqualTo(10);
      JsonNode slow = tests.path("cases").get(PERFORMANCE_CASE);
      assertThat(slow.path("status").asText()).isEqualTo("time_limit");
      assertThat(slow.path("timeMs").asDouble()).isGreaterThan(2000);
      assertThat(slow.path("error").asText()).contains("time limit of 2000 ms");
      assertThat(tests.path("hiddenPhase").path("status").asText()).isEqualTo("timeout");
      assertThat(tests.path("hiddenPhase").path("message").asText())
          .contains("went over its time limit");
      // The candidate sees the counts: one hidden test did not pass.
      assertThat(partial.path("tests").path("hiddenPassed").asInt()).isEqualTo(7);
      assertThat(partial.path("tests").path("hiddenTotal").asInt()).isEqualTo(8);
      assertThat(partial.path("status").asText()).isEqualTo("ok");
      assertThat(partial.toString()).doesNotContain("time_limit", "$concat");
    }
  }

  /** Replaces the room's code and waits until the server has it. */
  private static void replace(YClient editor, Room room, String code) throws Exception {
    editor.delete(0, editor.text().length());
    editor.insert(0, code);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              try (YClient reader =
                  YClient.connect(server.baseUri(), room.id, "code", room.observer)) {
                reader.awaitSynced();
                return reader.text().equals(code);
              }
            });
  }

  private record Room(String id, String interviewer, String candidate, String observer) {
    static Room create(String language) throws Exception {
      return create(language, ",\"problemId\":\"two-sum\"");
    }

    static Room create(String language, String extra) throws Exception {
      HttpResponse<String> response =
          http.post(
              "/api/rooms",
              "{\"title\":\"Examples\",\"language\":\"" + language + "\"" + extra + "}",
              "Authorization",
              "Bearer " + TestServers.API_KEY);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      JsonNode room = Http.json(response);
      return new Room(
          room.path("id").asText(),
          token(room, "interviewer"),
          token(room, "candidate"),
          token(room, "observer"));
    }

    private static String token(JsonNode room, String role) {
      String url = room.path("links").path(role).path("url").asText();
      return url.substring(url.indexOf("#token=") + 7);
    }
  }
}
