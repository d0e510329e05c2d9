package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.agent.Programs;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerWithAgent;
import io.coderoom.server.TestServers;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.TestProblems;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every language through the server: a room created with the two-sum problem starts with the
 * problem's starter code; the code runs with stdin and its output reaches every control socket;
 * submissions are judged against public and hidden tests, and the results reach an interviewer in
 * full and a candidate without the hidden cases. One server and one agent (two slots) serve all.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
// Each language compiles and runs three programs; the slowest toolchains take a while.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProblemRunsIT {
  private static final Duration RUN_WAIT = Duration.ofSeconds(90);
  private static final String HIDDEN_INPUT = "[[1,5,9,13,21,34],47]";

  static final List<String> languages = Programs.LANGUAGES;

  @RegisterExtension static final ServerWithAgent stack = new ServerWithAgent("problems-it");

  /** Each curated problem as {@code GET /api/problems/{id}} shows it to anyone, by id. */
  private static final Map<String, JsonNode> problems = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    for (JsonNode summary : Http.json(stack.get("/api/problems?size=100")).path("problems")) {
      String id = summary.path("id").asText();
      problems.put(id, Http.json(stack.get("/api/problems/" + id)));
    }
  }

  @Test
  void theCatalogueListsProblemsWithStarterCodeButNoHiddenTests() throws Exception {
    HttpResponse<String> response = stack.get("/api/problems/two-sum");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(problems.keySet()).contains("two-sum", "reverse-words");
    // The public examples and hidden tests, as src/main/resources/problems holds them.
    Map<String, List<Integer>> examplesAndHidden = new HashMap<>();
    for (Problem problem : TestProblems.curated()) {
      int hidden = (int) problem.suite().cases().stream().filter(c -> c.hidden()).count();
      examplesAndHidden.put(problem.id(), List.of(problem.suite().cases().size() - hidden, hidden));
    }
    for (JsonNode problem : problems.values()) {
      assertThat(problem.path("statement").asText()).isNotBlank();
      for (String language : languages) {
        assertThat(problem.path("starterCode").path(language).asText())
            .as(problem.path("id") + " " + language)
            .isNotBlank();
      }
      List<Integer> counts = examplesAndHidden.get(problem.path("id").asText());
      assertThat(problem.path("examples").size()).as("examples").isEqualTo(counts.get(0));
      assertThat(problem.path("hiddenTests").asInt()).as("hidden tests").isEqualTo(counts.get(1));
    }
    assertThat(response.body()).doesNotContain("[1,5,9,13,21,34]").doesNotContain("Alice");
  }

  @ParameterizedTest
  @FieldSource("languages")
  void runsAndJudgesThroughTheServer(String language) throws Exception {
    TestRoom room =
        TestRoom.create(
            stack.baseUri(),
            Map.of("title", "Problems", "language", language, "problemId", "two-sum"));
    assertThat(
            Http.json(
                    stack.get(
                        "/api/rooms/" + room.id(),
                        "Authorization",
                        "Bearer " + room.candidate().token()))
                .path("problem")
                .path("id")
                .asText())
        .isEqualTo("two-sum");
    try (YClient editor = room.code(room.interviewer());
        ControlClient host = room.control(room.interviewer());
        ControlClient guest = room.control(room.candidate())) {
      host.await("welcome");
      JsonNode welcome = guest.await("welcome").path("room");
      assertThat(host.await("participant_joined").path("participant").path("role").asText())
          .isEqualTo("candidate");
      // Each check of the room's code below opens and closes an observer's socket.
      host.allow("participant_joined", "participant_left");
      guest.allow("participant_joined", "participant_left");
      assertThat(welcome.path("problem").path("title").asText()).isEqualTo("Two Sum");
      assertThat(welcome.path("language").asText()).isEqualTo(language);
      editor.awaitSynced();
      String starter = problems.get("two-sum").path("starterCode").path(language).asText();
      assertThat(editor.text()).isEqualTo(starter);

      // The starter code compiles and runs, and fails every case.
      guest.send("{\"type\":\"submit\"}");
      Map<String, JsonNode> wrong = finished(host, guest);
      JsonNode full = wrong.get("host").path("tests");
      JsonNode partial = wrong.get("guest").path("tests");
      assertThat(wrong.get("host").path("status").asText())
          .as("%s", wrong.get("host"))
          .isEqualTo("ok");
      assertThat(full.path("passed").asInt()).isZero();
      assertThat(full.path("total").asInt()).isEqualTo(11);
      assertThat(full.path("hiddenTotal").asInt()).isEqualTo(8);
      assertThat(full.path("cases")).hasSize(11);
      assertThat(full.path("cases").get(5).path("hidden").asBoolean()).isTrue();
      assertThat(full.path("cases").get(5).path("input").asText()).isEqualTo(HIDDEN_INPUT);
      assertThat(full.path("cases").get(5).path("expected").asText()).isEqualTo("[3,5]");
      assertThat(full.path("cases").get(0).path("status").asText()).isEqualTo("failed");
      assertThat(full.path("cases").get(0).path("diff").asText()).isNotBlank();
      assertThat(partial.path("passed").asInt()).isZero();
      assertThat(partial.path("hiddenTotal").asInt()).isEqualTo(8);
      assertThat(partial.path("hiddenPassed").asInt()).isZero();
      assertThat(partial.path("cases")).hasSize(3);
      assertThat(partial.path("cases").get(1).path("input").asText()).isEqualTo("[[3,2,4],6]");
      assertThat(wrong.get("guest").toString())
          .doesNotContain("[1,5,9,13,21,34]")
          .doesNotContain("[3,5]");

      // A program reading stdin, run by the candidate; the output reaches both sockets.
      room.replace(editor, Programs.hello(language));
      guest.send("{\"type\":\"run\",\"stdin\":\"from " + language + "\\n\"}");
      Map<String, JsonNode> hello = finished(host, guest);
      for (JsonNode finished : hello.values()) {
        assertThat(finished.path("status").asText()).as("%s", finished).isEqualTo("ok");
        assertThat(finished.path("stdout").asText())
            .isEqualTo("hello world\nstdin: from " + language + "\n");
        assertThat(finished.has("tests")).isFalse();
      }

      // A correct solution, submitted by the interviewer: every case passes, the performance case
      // (200,000 numbers, within its time limit) included.
      room.replace(editor, Programs.twoSum(language));
      host.send("{\"type\":\"submit\"}");
      Map<String, JsonNode> right = finished(host, guest);
      assertThat(right.get("host").path("tests").path("passed").asInt())
          .as("%s", right.get("host"))
          .isEqualTo(11);
      assertThat(right.get("host").path("tests").path("cases"))
          .allSatisfy(c -> assertThat(c.path("status").asText()).isEqualTo("passed"));
      assertThat(right.get("host").path("tests").path("cases").get(5).path("actual").asText())
          .isEqualTo("[3,5]");
      JsonNode guestTests = right.get("guest").path("tests");
      assertThat(guestTests.path("passed").asInt()).isEqualTo(11);
      assertThat(guestTests.path("hiddenPassed").asInt()).isEqualTo(8);
      assertThat(guestTests.path("cases")).hasSize(3);
      // The candidate's own prints are output, the harness's records are not, and what the
      // function printed while hidden cases ran (their sizes: 2, 5, 6) is withheld from everyone.
      for (JsonNode finished : right.values()) {
        assertThat(finished.path("stdout").asText())
            .contains("checking 4", "checking 3", "not shown")
            .doesNotContain("\u001e", "checking 2", "checking 5", "checking 6");
      }

      // The stored run follows the same rule by the caller's role.
      String runId = right.get("host").path("runId").asText();
      JsonNode asCandidate =
          Http.json(
              stack.get(
                  "/api/rooms/" + room.id() + "/runs/" + runId,
                  "Authorization",
                  "Bearer " + room.candidate().token()));
      assertThat(asCandidate.path("tests").path("cases")).hasSize(3);
      assertThat(asCandidate.path("tests").path("hiddenPassed").asInt()).isEqualTo(8);
      assertThat(asCandidate.toString()).doesNotContain("[1,5,9,13,21,34]");
      JsonNode asApiKey =
          Http.json(
              stack.get(
                  "/api/rooms/" + room.id() + "/runs/" + runId,
                  "Authorization",
                  "Bearer " + TestServers.API_KEY));
      assertThat(asApiKey.path("mode").asText()).isEqualTo("test");
      assertThat(asApiKey.path("tests").path("cases")).hasSize(11);
      // A generated case shows as its generator, not as 200,000 numbers.
      assertThat(asApiKey.path("tests").path("cases").get(9).path("input").asText())
          .startsWith("[{\"$concat\"")
          .hasSizeLessThan(200);
      assertThat(asApiKey.path("tests").path("cases").get(5).path("input").asText())
          .isEqualTo(HIDDEN_INPUT);
    }
  }

  @Test
  void interviewersChooseTheProblemAndLanguage() throws Exception {
    TestRoom room =
        TestRoom.create(
            stack.baseUri(),
            Map.of("title", "Problems", "language", "python", "starterCode", "print('mine')\n"));
    try (YClient editor = room.code(room.candidate());
        ControlClient host = room.control(room.interviewer());
        ControlClient guest = room.control(room.candidate());
        ControlClient watcher = room.control(room.observer())) {
      editor.awaitSynced();
      assertThat(editor.text()).isEqualTo("print('mine')\n");
      assertThat(guest.await("welcome").path("room").path("problem").isNull()).isTrue();
      host.await("welcome");
      watcher.await("welcome");
      // The editor opened the candidate's link first: only the observer is new to the others.
      for (ControlClient client : List.of(host, guest)) {
        assertThat(client.await("participant_joined").path("participant").path("role").asText())
            .isEqualTo("observer");
      }

      guest.send("{\"type\":\"submit\"}");
      assertThat(guest.await("error").path("code").asText()).isEqualTo("no_problem");
      guest.send("{\"type\":\"set_problem\",\"problemId\":\"reverse-words\"}");
      assertThat(guest.await("error").path("code").asText()).isEqualTo("forbidden");
      guest.send("{\"type\":\"set_language\",\"language\":\"go\"}");
      assertThat(guest.await("error").path("code").asText()).isEqualTo("forbidden");
      watcher.send("{\"type\":\"submit\"}");
      assertThat(watcher.await("error").path("code").asText()).isEqualTo("forbidden");

      host.send("{\"type\":\"set_problem\",\"problemId\":\"no-such\"}");
      assertThat(host.await("error").path("code").asText()).isEqualTo("not_found");
      host.send("{\"type\":\"set_language\",\"language\":\"cobol\"}");
      assertThat(host.await("error").path("code").asText()).isEqualTo("bad_command");

      host.send("{\"type\":\"set_problem\",\"problemId\":\"reverse-words\"}");
      for (ControlClient client : List.of(host, guest, watcher)) {
        JsonNode changed = client.await("problem_changed");
        assertThat(changed.path("problem").path("id").asText()).isEqualTo("reverse-words");
        assertThat(changed.path("problem").path("statement").asText()).contains("reverse order");
        assertThat(changed.toString()).doesNotContain("Alice");
        // The problem's hints follow it: the next one's text for the interviewer only.
        JsonNode hints = client.await("hints").path("hints");
        assertThat(hints.path("total").asInt()).isEqualTo(3);
        assertThat(hints.path("next").isMissingNode()).isEqualTo(client != host);
      }
      host.send("{\"type\":\"set_language\",\"language\":\"javascript\"}");
      for (ControlClient client : List.of(host, guest, watcher)) {
        assertThat(client.await("language_changed").path("language").asText())
            .isEqualTo("javascript");
      }
      JsonNode stored =
          Http.json(
              stack.get(
                  "/api/rooms/" + room.id(), "Authorization", "Bearer " + room.observer().token()));
      assertThat(stored.path("language").asText()).isEqualTo("javascript");
      assertThat(stored.path("problem").path("id").asText()).isEqualTo("reverse-words");

      // Submitting now runs JavaScript against reverse-words, over REST as well.
      room.replace(
          editor,
          "function reverseWords(s) {\n  return s.trim().split(/\\s+/).reverse().join(\" \");\n}\n");
      HttpResponse<String> started =
          stack.post(
              "/api/rooms/" + room.id() + "/runs",
              "{\"mode\":\"test\"}",
              "Authorization",
              "Bearer " + room.candidate().token());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      // A run started over REST reaches every control socket, each by its role's rule.
      for (ControlClient client : List.of(host, guest, watcher)) {
        ControlClient.Run run = client.awaitRun(RUN_WAIT);
        assertThat(run.started().path("by").asText()).as("started over REST").isEmpty();
        JsonNode result = run.finished();
        // Its performance case (a string of a million characters) included.
        assertThat(result.path("tests").path("passed").asInt()).as("%s", result).isEqualTo(11);
        assertThat(result.path("tests").path("cases")).hasSize(client == host ? 11 : 3);
        if (client != host) {
          assertThat(result.toString()).doesNotContain("Alice");
        }
      }

      host.send("{\"type\":\"set_problem\",\"problemId\":null}");
      for (ControlClient client : List.of(host, guest, watcher)) {
        assertThat(client.await("problem_changed").path("problem").isNull()).isTrue();
        assertThat(client.await("hints").path("hints").path("total").asInt()).isZero();
      }
      HttpResponse<String> refused =
          stack.post(
              "/api/rooms/" + room.id() + "/runs",
              "{\"mode\":\"test\"}",
              "Authorization",
              "Bearer " + room.interviewer().token());
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(Http.json(refused).path("error").asText()).isEqualTo("no_problem");
    }
  }

  @Test
  void unknownProblemsAndOversizedStarterCodeAreRefused() throws Exception {
    HttpResponse<String> unknown =
        stack.post(
            "/api/rooms",
            "{\"title\":\"T\",\"language\":\"python\",\"problemId\":\"nope\"}",
            "Authorization",
            "Bearer " + TestServers.API_KEY);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Http.json(unknown).path("message").asText()).contains("GET /api/problems");
    HttpResponse<String> huge =
        stack.post(
            "/api/rooms",
            "{\"title\":\"T\",\"language\":\"python\",\"starterCode\":\""
                + "x".repeat(64 * 1024 + 1)
                + "\"}",
            "Authorization",
            "Bearer " + TestServers.API_KEY);
    assertThat(huge.statusCode()).isEqualTo(400);
  }

  /**
   * Reads both clients' events up to run_finished; returns each one's run_finished with its
   * streamed stdout added as {@code stdout}, checking both saw the same run.
   */
  private static Map<String, JsonNode> finished(ControlClient host, ControlClient guest)
      throws Exception {
    JsonNode a = collect(host);
    JsonNode b = collect(guest);
    assertThat(a.path("runId").asText()).isEqualTo(b.path("runId").asText());
    return Map.of("host", a, "guest", b);
  }

  private static JsonNode collect(ControlClient client) throws Exception {
    ControlClient.Run run = client.awaitRun(RUN_WAIT);
    ((com.fasterxml.jackson.databind.node.ObjectNode) run.finished())
        .put("stdout", run.printed("stdout"));
    return run.finished();
  }
}
