package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.Programs;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.protocol.Generators;
import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.problem.TestProblems;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A candidate submits, in every language, code that tries every way to get the hidden tests of the
 * reverse-words problem out ({@link Programs#leak}): printing what /code, /tmp and /proc hold at
 * load, returning and throwing it from public cases, a thread and a child process printing later
 * inputs, the exit code, time and memory of the run. Nothing of a hidden input or of a hidden
 * case's expected value reaches the candidate's or the observer's control socket or their {@code
 * GET .../runs} and {@code .../runs/{id}}; the interviewer gets the hidden cases and how the run
 * went once they began. All seven submissions are queued at once, to one agent with two slots.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
// Seven submissions queue at once for two slots: the last waits for the other six.
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class HiddenTestsIT {
  private static final Duration RUN_WAIT = Duration.ofSeconds(120);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final List<String> languages = Programs.LANGUAGES;

  private static CoderoomServer server;
  private static RunnerAgent agent;
  private static Http http;
  private static final Map<String, Submission> submissions = new HashMap<>();

  /** Every hidden input and expected value, and their longer words, as text that must not show. */
  private static final Set<String> secrets = new LinkedHashSet<>();

  private static String firstHiddenInput;

  private record Submission(
      String roomId,
      String candidateToken,
      String observerToken,
      ControlClient interviewer,
      ControlClient candidate,
      ControlClient observer) {}

  @BeforeAll
  static void submitEverywhere() throws Exception {
    TestSuite suite = TestProblems.curated("reverse-words").suite();
    for (TestSuite.Case c : suite.cases()) {
      if (c.hidden()) {
        for (String text :
            List.of(
                Generators.expand(c.input()).get(0).asText(),
                Generators.expand(c.expected()).asText())) {
          secrets.add(text);
          for (String word : text.trim().split("\\s+")) {
            if (word.length() >= 5) {
              secrets.add(word);
            }
          }
        }
        if (firstHiddenInput == null) {
          firstHiddenInput = c.input().get(0).asText();
        }
      }
    }
    ServerConfig config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "hidden-it-" + UUID.randomUUID(), "test", 2));
    http = new Http(server.baseUri());
    for (String language : languages) {
      HttpResponse<String> created =
          http.post(
              "/api/rooms",
              JSON.writeValueAsString(
                  Map.of(
                      "title",
                      "Hidden tests",
                      "language",
                      language,
                      "problemId",
                      "reverse-words",
                      "starterCode",
                      Programs.leak(language))),
              "Authorization",
              "Bearer " + TestServers.API_KEY);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode room = Http.json(created);
      String roomId = room.path("id").asText();
      Submission submission =
          new Submission(
              roomId,
              token(room, "candidate"),
              token(room, "observer"),
              ControlClient.connect(server.baseUri(), roomId, token(room, "interviewer"), ""),
              ControlClient.connect(server.baseUri(), roomId, token(room, "candidate"), ""),
              ControlClient.connect(server.baseUri(), roomId, token(room, "observer"), ""));
      for (ControlClient client :
          List.of(submission.interviewer, submission.candidate, submission.observer)) {
        client.await("welcome");
      }
      submission.interviewer.await("participant_joined");
      submission.interviewer.await("participant_joined");
      submission.candidate.await("participant_joined");
      submission.candidate.send("{\"type\":\"submit\"}");
      submissions.put(language, submission);
    }
  }

  @AfterAll
  static void stop() {
    for (Submission submission : submissions.values()) {
      submission.interviewer.close();
      submission.candidate.close();
      submission.observer.close();
    }
    agent.close();
    server.close();
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }

  /** Every event of the run a client gets, up to and including its run_finished. */
  private static List<JsonNode> untilFinished(ControlClient client) throws Exception {
    return client.awaitRun(RUN_WAIT).events();
  }

  private static String stdout(List<JsonNode> events) {
    StringBuilder out = new StringBuilder();
    for (JsonNode event : events) {
      if (event.path("type").asText().equals("run_output")
          && event.path("stream").asText().equals("stdout")) {
        out.append(event.path("data").asText());
      }
    }
    return out.toString();
  }

  private static void assertNoSecret(String what, String text) {
    for (String secret : secrets) {
      assertThat(text).as("%s shows '%s': %s", what, secret, text).doesNotContain(secret);
    }
  }

  @ParameterizedTest
  @FieldSource("languages")
  void candidatesAndObserversGetNothingOfTheHiddenTests(String language) throws Exception {
    Submission s = submissions.get(language);
    List<JsonNode> candidate = untilFinished(s.candidate);
    List<JsonNode> observer = untilFinished(s.observer);
    JsonNode host = untilFinished(s.interviewer).getLast();
    String runId = host.path("runId").asText();
    String base = "/api/rooms/" + s.roomId + "/runs";

    for (JsonNode event : candidate) {
      assertNoSecret(language + " candidate socket", event.toString());
    }
    for (JsonNode event : observer) {
      assertNoSecret(language + " observer socket", event.toString());
    }
    for (String token : List.of(s.candidateToken, s.observerToken)) {
      HttpResponse<String> one = http.get(base + "/" + runId, "Authorization", "Bearer " + token);
      assertThat(one.statusCode()).isEqualTo(200);
      assertNoSecret(language + " GET runs/" + runId, one.body());
      assertThat(Http.json(one).path("stdout").asText())
          .as("%s: %s", language, one.body())
          .contains("load dump /code/");
      HttpResponse<String> all = http.get(base, "Authorization", "Bearer " + token);
      assertThat(all.statusCode()).isEqualTo(200);
      assertNoSecret(language + " GET runs", all.body());
    }

    // The attempts did run: the code loaded, printed and got through the public cases.
    JsonNode finished = candidate.getLast();
    assertThat(finished.path("status").asText()).as("%s: %s", language, host).isEqualTo("ok");
    assertThat(finished.path("exitCode").asInt()).isZero();
    assertThat(finished.path("tests").path("cases")).hasSize(3);
    assertThat(finished.path("tests").path("hiddenTotal").asInt()).isEqualTo(8);
    assertThat(finished.path("tests").path("cases").get(0).path("actual").asText())
        .contains("case0 returns /code/");
    assertThat(stdout(candidate)).contains("load dump /code/", "not shown");

    // The interviewer gets the hidden cases, and how the run went once they began.
    JsonNode tests = host.path("tests");
    assertThat(tests.path("cases")).hasSize(11);
    assertThat(tests.path("cases").get(2).path("error").asText())
        .contains("hidden throws " + firstHiddenInput);
    JsonNode hidden = tests.path("hiddenPhase");
    // The second hidden case fills 400 MB in a child, past a run's 256 MB, then sleeps 1.5 s and
    // exits with 42 (see the leak programs): the child is killed, and the phase ends as out of
    // memory. Thrashing at the limit plus the sleep may pass the case's time limit on a busy
    // machine, and then the agent stops the program at the case's deadline instead (137).
    assertThat(hidden.path("status").asText()).as("%s: %s", language, hidden).isEqualTo("oom");
    assertThat(hidden.path("exitCode").asInt()).as("%s: %s", language, hidden).isIn(42, 137);
    assertThat(hidden.path("message").asText())
        .isEqualTo("The program ran out of memory (256 MB) and was stopped.");
    assertThat(hidden.path("output").asText()).contains("hidden prints " + firstHiddenInput);
    JsonNode stored =
        Http.json(http.get(base + "/" + runId, "Authorization", "Bearer " + TestServers.API_KEY));
    assertThat(stored.path("tests").path("hiddenPhase").path("output").asText())
        .contains("hidden prints " + firstHiddenInput);
  }
}
