package io.coderoom.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.agent.RedisFixture;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's proof of correctness: every curated problem's reference solution, in every language
 * it offers, passes all of its tests through the real runner (agent, Docker, the language's
 * harness), and its starter code compiles and fails.
 *
 * <p>Every run is queued at once and the agent works through them with its slots, each language's
 * image warm; a test waits for its own result. {@code -Dlibrary.problems=two-sum,reverse-words}
 * checks only those problems.
 */
class CuratedProblemsIT {
  /** Long enough for the whole library to drain through two slots on a loaded machine. */
  private static final Duration RESULT_TIMEOUT = Duration.ofMinutes(40);

  private static final Map<String, String> solutionRuns = new HashMap<>();
  private static final Map<String, String> starterRuns = new HashMap<>();
  private static RedisFixture fixture;
  private static RunnerAgent agent;

  static List<Problem> problems() {
    String only = System.getProperty("library.problems", "").strip();
    Set<String> chosen =
        only.isEmpty()
            ? Set.of()
            : Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet());
    return TestProblems.curated().stream()
        .filter(p -> chosen.isEmpty() || chosen.contains(p.id()))
        .toList();
  }

  static List<Arguments> programs() {
    List<Arguments> pairs = new ArrayList<>();
    for (Problem problem : problems()) {
      for (String language : problem.solutions().keySet().stream().sorted().toList()) {
        pairs.add(Arguments.of(problem.id(), language));
      }
    }
    return pairs;
  }

  @BeforeAll
  static void queueEveryProgram() {
    fixture = new RedisFixture();
    agent = fixture.startAgent("library");
    for (Arguments pair : programs()) {
      Problem problem = TestProblems.curated((String) pair.get()[0]);
      String language = (String) pair.get()[1];
      String key = problem.id() + "/" + language;
      String solution = RedisFixture.newRunId("solution-" + problem.id() + "-" + language);
      fixture.submit(
          RunJob.test(solution, language, problem.solutions().get(language), problem.suite()));
      solutionRuns.put(key, solution);
      // The examples are enough to show that the starter code compiles, runs and fails.
      String starter = RedisFixture.newRunId("starter-" + problem.id() + "-" + language);
      fixture.submit(
          RunJob.test(
              starter,
              language,
              problem.starterCode().get(language),
              problem.suite().publicOnly()));
      starterRuns.put(key, starter);
    }
  }

  @AfterAll
  static void stop() {
    agent.close();
    fixture.close();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("programs")
  void theReferenceSolutionPassesEveryTestAndTheStarterCodeCompilesAndFails(
      String problemId, String language) {
    String key = problemId + "/" + language;
    RunResult solved = fixture.awaitResult(solutionRuns.get(key), RESULT_TIMEOUT);
    TestReport report = solved.tests().orElseThrow(() -> new AssertionError(describe(solved)));
    assertThat(report.cases())
        .as("%s: %s", key, describe(solved))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(CaseStatus.PASSED));
    assertThat(report.passed()).isEqualTo(report.total());

    RunResult started = fixture.awaitResult(starterRuns.get(key), RESULT_TIMEOUT);
    assertThat(started.status())
        .as("the starter code of %s must compile: %s", key, describe(started))
        .isNotEqualTo(RunStatus.COMPILE_ERROR)
        .isNotEqualTo(RunStatus.INTERNAL_ERROR);
    TestReport first = started.tests().orElseThrow(() -> new AssertionError(describe(started)));
    assertThat(first.passed())
        .as("the starter code of %s must fail a public case: %s", key, first)
        .isLessThan(first.total());
  }

  private static String describe(RunResult result) {
    return result.status()
        + " "
        + result.message()
        + "\n"
        + result.compileOutput()
        + "\n"
        + result.tests().map(Object::toString).orElse("(no test report)");
  }
}
