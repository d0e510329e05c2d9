package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.agent.Programs;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerWithAgent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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

  @RegisterExtension static final ServerWithAgent stack = new ServerWithAgent("examples-it");

  @Test
  void runExamplesRunsThePublicTestsOnlyAndEveryoneSeesThemInFull() throws Exception {
    TestRoom room = TestRoom.create(stack.baseUri(), twoSumRoom("python"));
    String linear =
        "def twoSum(nums, target):\n"
            + "    print('checking', len(nums))\n"
            + "    seen = {}\n"
            + "    for i, x in enumerate(nums):\n"
            + "        if target - x in seen:\n"
            + "            return [seen[target - x], i]\n"
            + "        seen[x] = i\n"
            + "    return []\n";
    try (YClient editor = room.code(room.interviewer());
        ControlClient host = room.control(room.interviewer());
        ControlClient guest =
            ControlClient.connect(
                stack.baseUri(), room.id(), room.candidate().token(), "&name=Ada");
        ControlClient watcher = room.control(room.observer())) {
      host.await("welcome");
      String guestName = guest.await("welcome").path("you").path("name").asText();
      watcher.await("welcome");
      for (ControlClient client : List.of(host, guest, watcher)) {
        client.allow("participant_joined", "participant_left");
      }
      editor.awaitSynced();
      room.replace(editor, linear);

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
                  stack.get(
                      "/api/rooms/" + room.id() + "/runs",
                      "Authorization",
                      "Bearer " + room.candidate().token()))
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
      room.replace(editor, "def twoSum(nums, target):\n    return []\n");
      JsonNode one =
          Http.json(
              stack.get(
                  "/api/rooms/" + room.id() + "/runs/" + examplesId,
                  "Authorization",
                  "Bearer " + room.observer().token()));
      assertThat(one.path("code").asText()).isEqualTo(linear);
      assertThat(one.path("mode").asText()).isEqualTo("examples");
      assertThat(one.path("tests").path("cases").get(0).path("input").asText())
          .isEqualTo("[[2,7,11,15],9]");
    }
  }

  @Test
  void theApiRunsTheExamplesTooAndRefusesUnknownModes() throws Exception {
    TestRoom room = TestRoom.create(stack.baseUri(), twoSumRoom("python"));
    HttpResponse<String> started =
        stack.post(
            "/api/rooms/" + room.id() + "/runs",
            "{\"mode\":\"examples\"}",
            "Authorization",
            "Bearer " + room.candidate().token());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String runId = Http.json(started).path("runId").asText();
    JsonNode run =
        await()
            .atMost(RUN_WAIT)
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    Http.json(
                        stack.get(
                            "/api/rooms/" + room.id() + "/runs/" + runId,
                            "Authorization",
                            "Bearer " + room.candidate().token())),
                json -> !json.path("status").asText().equals("running"));
    assertThat(run.path("mode").asText()).isEqualTo("examples");
    // The starter code returns nothing: every example fails, and nothing else ran.
    assertThat(run.path("tests").path("total").asInt()).as("%s", run).isEqualTo(3);
    assertThat(run.path("tests").path("passed").asInt()).isZero();
    assertThat(run.path("code").asText()).startsWith("from typing import List");

    HttpResponse<String> bogus =
        stack.post(
            "/api/rooms/" + room.id() + "/runs",
            "{\"mode\":\"everything\"}",
            "Authorization",
            "Bearer " + room.candidate().token());
    assertThat(bogus.statusCode()).isEqualTo(400);
    assertThat(Http.json(bogus).path("message").asText()).contains("run, examples or test");

    TestRoom empty =
        TestRoom.create(stack.baseUri(), Map.of("title", "Examples", "language", "python"));
    HttpResponse<String> noProblem =
        stack.post(
            "/api/rooms/" + empty.id() + "/runs",
            "{\"mode\":\"examples\"}",
            "Authorization",
            "Bearer " + empty.candidate().token());
    assertThat(noProblem.statusCode()).isEqualTo(409);
    assertThat(Http.json(noProblem).path("error").asText()).isEqualTo("no_problem");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "java", "go"})
  void thePerformanceCaseStopsAQuadraticSolutionWithTimeLimit(String language) throws Exception {
    TestRoom room = TestRoom.create(stack.baseUri(), twoSumRoom(language));
    try (YClient editor = room.code(room.interviewer());
        ControlClient host = room.control(room.interviewer());
        ControlClient guest = room.control(room.candidate())) {
      host.await("welcome");
      guest.await("welcome");
      host.allow("participant_joined", "participant_left");
      guest.allow("participant_joined", "participant_left");
      editor.awaitSynced();
      room.replace(editor, Programs.quadraticTwoSum(language));

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

  /** The fields of a room in {@code language} that poses the built-in two-sum. */
  private static Map<String, String> twoSumRoom(String language) {
    return Map.of("title", "Examples", "language", language, "problemId", "two-sum");
  }
}
