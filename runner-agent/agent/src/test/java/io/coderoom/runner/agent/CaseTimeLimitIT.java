package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import io.coderoom.runner.protocol.TestSuite;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Per-case time limits through the real agent and sandbox, in every language: a performance case
 * (200,000 generated numbers, the answer at the very end) passes a linear two-sum and stops a
 * quadratic one with {@code time_limit}, and a case stuck in an endless loop ends the run at its
 * own deadline, long before the run's time limit.
 */
class CaseTimeLimitIT {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(180);
  private static final int PERFORMANCE_CASE = 2;
  private static final Map<String, String> linearRuns = new HashMap<>();
  private static final Map<String, String> quadraticRuns = new HashMap<>();
  private static final Map<String, String> reverseRuns = new HashMap<>();
  private static RedisFixture fixture;

  static final List<String> languages = Programs.LANGUAGES;

  /** Two examples, then the hidden performance case as the built-in two-sum problem has it. */
  static TestSuite performanceSuite() {
    return Json.read(
        """
        {"function": "twoSum",
         "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
         "returns": "int[]",
         "cases": [
           {"input": [[2, 7, 11, 15], 9], "expected": [0, 1], "hidden": false},
           {"input": [[3, 2, 4], 6], "expected": [1, 2], "hidden": false},
           {"input": [{"$concat": [{"$range": [0, 199998, 3]}, [300000001, 300000004]]},
                      600000005],
            "expected": [199998, 199999], "hidden": true, "timeLimitMs": 2000}
         ]}
        """,
        TestSuite.class);
  }

  /** The built-in reverse-words problem's last public case and its performance case. */
  static TestSuite reverseWordsSuite() {
    return Json.read(
        """
        {"function": "reverseWords",
         "params": [{"name": "s", "type": "string"}],
         "returns": "string",
         "cases": [
           {"input": ["  hello world  "], "expected": "world hello", "hidden": false},
           {"input": [{"$concat": [{"$repeat": [" ", 1000]},
                                   {"$join": [{"$range": [0, 4000, 1]}, {"$repeat": [" ", 250]}]},
                                   "  "]}],
            "expected": {"$join": [{"$range": [3999, 4000, -1]}, " "]},
            "hidden": true, "timeLimitMs": 2000}
         ]}
        """,
        TestSuite.class);
  }

  @BeforeAll
  static void submitEverything() {
    fixture = RedisFixture.withAgent("limits");
    for (String language : Programs.LANGUAGES) {
      String linear = RedisFixture.newRunId("linear-" + language);
      fixture.submit(RunJob.test(linear, language, Programs.twoSum(language), performanceSuite()));
      linearRuns.put(language, linear);
      String quadratic = RedisFixture.newRunId("quadratic-" + language);
      fixture.submit(
          RunJob.test(quadratic, language, Programs.quadraticTwoSum(language), performanceSuite()));
      quadraticRuns.put(language, quadratic);
      String reverse = RedisFixture.newRunId("reverse-" + language);
      fixture.submit(
          RunJob.test(reverse, language, Programs.reverseWords(language), reverseWordsSuite()));
      reverseRuns.put(language, reverse);
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest
  @FieldSource("languages")
  void aLinearSolutionPassesThePerformanceCase(String language) {
    RunResult result = fixture.awaitResult(linearRuns.get(language), RESULT_TIMEOUT);
    TestReport report = Reports.allPassed(result, language);
    assertThat(report.cases().get(PERFORMANCE_CASE).actual()).isEqualTo("[199998,199999]");
    assertThat(report.hiddenPhase().orElseThrow().status()).isEqualTo(RunStatus.OK);
  }

  @ParameterizedTest
  @FieldSource("languages")
  void aLinearReverseWordsPassesItsMillionCharacterCase(String language) {
    RunResult result = fixture.awaitResult(reverseRuns.get(language), RESULT_TIMEOUT);
    TestReport report = Reports.allPassed(result, language);
    // The 19,000-character answer is shown cut, and the generator stands for the expected value.
    assertThat(report.cases().get(1).actual()).startsWith("\"3999 3998 ").contains("characters)");
    assertThat(report.cases().get(1).expected()).startsWith("{\"$join\"");
  }

  @ParameterizedTest
  @FieldSource("languages")
  void aQuadraticSolutionPassesTheExamplesAndFailsThePerformanceCaseWithTimeLimit(String language) {
    RunResult result = fixture.awaitResult(quadraticRuns.get(language), RESULT_TIMEOUT);
    TestReport report = result.tests().orElseThrow();
    assertThat(report.cases())
        .as("%s: %s", language, report)
        .extracting(TestReport.CaseResult::status)
        .containsExactly(CaseStatus.PASSED, CaseStatus.PASSED, CaseStatus.TIME_LIMIT);
    TestReport.CaseResult slow = report.cases().get(PERFORMANCE_CASE);
    assertThat(slow.timeMs()).isGreaterThan(2000);
    assertThat(slow.error()).contains("time limit of 2000 ms");
    assertThat(report.passed()).isEqualTo(2);
    // The case is hidden: everyone sees the run as it was when the hidden case began; how it
    // ended (stopped at the case's deadline) is the interviewers'.
    assertThat(result.status()).isEqualTo(RunStatus.OK);
    assertThat(report.hiddenPhase().orElseThrow().status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(report.hiddenPhase().orElseThrow().message()).contains("went over its time limit");
    // Stopped at the case's deadline (its limit and the answer's grace), not the run's 5 s.
    assertThat(report.hiddenPhase().orElseThrow().runMs()).isLessThan(RunJob.DEFAULT_TIME_LIMIT_MS);
  }

  @Test
  void anEndlessLoopInOneCaseEndsTheRunAtThatCasesDeadline() {
    String runId = RedisFixture.newRunId("endless");
    TestSuite suite =
        Json.read(
            """
            {"function": "twoSum",
             "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
             "returns": "int[]",
             "cases": [
               {"input": [[2, 7], 9], "expected": [0, 1], "hidden": false},
               {"input": [[3, 2, 4], 6], "expected": [1, 2], "hidden": false,
                "timeLimitMs": 500},
               {"input": [[3, 3], 6], "expected": [0, 1], "hidden": false}
             ]}
            """,
            TestSuite.class);
    // The run itself may take 15 s; the loop must not get anywhere near that.
    fixture.submit(
        RunJob.test(runId, "python", Programs.read("../quadratic/endless.py"), suite)
            .withLimits(15_000, RunJob.DEFAULT_MEMORY_LIMIT_MB));
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    assertThat(result.status()).as(result.message()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(result.message())
        .isEqualTo("A test case went over its time limit; the run was stopped there.");
    assertThat(result.runMs()).isLessThan(5_000);
    TestReport report = result.tests().orElseThrow();
    assertThat(report.cases())
        .extracting(TestReport.CaseResult::status)
        .containsExactly(CaseStatus.PASSED, CaseStatus.TIME_LIMIT, CaseStatus.ERROR);
    assertThat(report.cases().get(1).error()).contains("time limit of 500 ms");
    assertThat(report.cases().get(2).error()).contains("earlier case went over its time limit");
  }

  @Test
  void anAnswerOfAnySizeIsNotOutputButWhatTheProgramPrintsItselfIsCapped() {
    // 100,000 numbers: an answer of about 590 KB, far over the 64 KB the program may print.
    TestSuite suite =
        Json.read(
            """
            {"function": "count",
             "params": [{"name": "n", "type": "int"}, {"name": "noise", "type": "int"}],
             "returns": "int[]",
             "cases": [
               {"input": [3, 0], "expected": [0, 1, 2], "hidden": false},
               {"input": [100000, 0], "expected": {"$range": [0, 100000, 1]}, "hidden": false},
               {"input": [2, 100000], "expected": [0, 1], "hidden": false}
             ]}
            """,
            TestSuite.class);
    String code =
        """
        def count(n, noise):
            if noise:
                print("x" * noise)
            return list(range(n))
        """;
    String runId = RedisFixture.newRunId("answers");
    fixture.submit(RunJob.test(runId, "python", code, suite));
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    TestReport report = result.tests().orElseThrow();
    assertThat(report.cases().subList(0, 2))
        .as("%s %s", result.message(), report)
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(CaseStatus.PASSED));
    // The third case prints 100,000 characters of its own: the run stops at the cap.
    assertThat(result.status()).as(result.message()).isEqualTo(RunStatus.OUTPUT_LIMIT);
    assertThat(result.message()).contains("more than 64 KB");
    assertThat(result.stdoutTruncated()).isTrue();
    assertThat(result.stdout().length()).isLessThanOrEqualTo(64 * 1024);
  }
}
