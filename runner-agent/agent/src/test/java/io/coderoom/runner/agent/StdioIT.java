package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunEvent;
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
 * Stdio problems through the real agent and sandbox, in every language, one run each: the program
 * (src/test/resources/stdio, prefix sums of the numbers after a count) is compiled once and run on
 * every case with the case's stdin; a case with a wrong expected output fails with the checker's
 * difference, a crash is an error with its exit status and stderr, an endless loop is stopped at
 * its case's limit while the cases after it still run, and a 200,000-number hidden case passes, its
 * output never shown to the room. One more run checks the token checker.
 */
class StdioIT {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(240);
  private static final Map<String, String> runs = new HashMap<>();
  private static String tokensRun;
  private static RedisFixture fixture;

  static final List<String> languages = Programs.LANGUAGES;

  /**
   * Cases in this order: an example (its expected output without the final newline), an empty one,
   * a wrong expected output, a crash (negative count), an endless loop (count -7) with a 500 ms
   * limit, then two hidden ones: the performance case and one whose stderr is unmistakable.
   */
  static TestSuite exactSuite() {
    return Json.read(
        """
        {"kind": "stdio", "checker": "exact",
         "cases": [
           {"input": ["3\\n1 2 3\\n"], "expected": "1\\n3\\n6", "hidden": false},
           {"input": ["0\\n"], "expected": "", "hidden": false},
           {"input": ["3\\n1 2 3\\n"], "expected": "1\\n3\\n7\\n", "hidden": false},
           {"input": ["-1\\n"], "expected": "", "hidden": false},
           {"input": ["-7\\n"], "expected": "", "hidden": false, "timeLimitMs": 500},
           {"input": [{"$concat": ["50000\\n",
                                   {"$join": [{"$repeat": [1, 50000]}, " "]}, "\\n"]}],
            "expected": {"$concat": [{"$join": [{"$range": [1, 50000, 1]}, "\\n"]}, "\\n"]},
            "hidden": true, "timeLimitMs": 2000},
           {"input": ["2\\n7000 777\\n"], "expected": "7000\\n7777\\n", "hidden": true}
         ]}
        """,
        TestSuite.class);
  }

  /** The same program's output, as one line of tokens: right for the token checker only. */
  static TestSuite tokensSuite() {
    return Json.read(
        """
        {"kind": "stdio", "checker": "tokens",
         "cases": [
           {"input": ["3\\n1 2 3\\n"], "expected": "  1 3   6 ", "hidden": false},
           {"input": ["3\\n1 2 3\\n"], "expected": "1 3 7", "hidden": false}
         ]}
        """,
        TestSuite.class);
  }

  @BeforeAll
  static void submitEverything() {
    fixture = RedisFixture.withAgent("stdio");
    for (String language : languages) {
      String runId = RedisFixture.newRunId("stdio-" + language);
      fixture.submit(RunJob.test(runId, language, Programs.prefixSums(language), exactSuite()));
      runs.put(language, runId);
    }
    tokensRun = RedisFixture.newRunId("stdio-tokens");
    fixture.submit(RunJob.test(tokensRun, "python", Programs.prefixSums("python"), tokensSuite()));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest
  @FieldSource("languages")
  void everyCaseRunsOnItsOwnStdinAndIsJudgedByItsOutput(String language) {
    String runId = runs.get(language);
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    TestReport report = result.tests().orElseThrow();
    assertThat(report.cases())
        .as("%s: %s %s %s", language, result.message(), result.compileOutput(), report)
        .extracting(TestReport.CaseResult::status)
        .containsExactly(
            CaseStatus.PASSED,
            CaseStatus.PASSED,
            CaseStatus.FAILED,
            CaseStatus.ERROR,
            CaseStatus.TIME_LIMIT,
            CaseStatus.PASSED,
            CaseStatus.PASSED);
    assertThat(report.cases().get(0).actual()).isEqualTo("\"1\\n3\\n6\\n\"");
    assertThat(report.cases().get(2).diff()).isEqualTo("line 3: expected \"7\", got \"6\"");
    assertThat(report.cases().get(3).error()).isEqualTo("Exited with status 3.\nnegative count");
    assertThat(report.cases().get(4).error()).contains("time limit of 500 ms");
    assertThat(report.cases().get(4).timeMs()).isLessThan(5_000);
    assertThat(report.passed()).isEqualTo(4);
    assertThat(report.hiddenPassed()).isEqualTo(2);
    // The performance case's expected value is shown as its generator.
    assertThat(report.cases().get(5).expected()).startsWith("{\"$concat\"");

    // Hidden cases began: the run as everyone sees it is the run before them.
    assertThat(result.status()).isEqualTo(RunStatus.OK);
    assertThat(result.stderr()).contains("sum 6").contains("negative count");
    String candidateView = HiddenTests.candidateView(result);
    String streamed = HiddenTests.streamed(fixture.events(runId));
    for (String seen : List.of(candidateView, streamed)) {
      // The hidden cases' stderr and stdout (numbers alone could be a figure of the run).
      assertThat(seen).doesNotContain("sum 7777").doesNotContain("\n49999\n");
    }
    assertThat(fixture.streamed(runId, RunEvent.OutputStream.STDERR)).contains("sum 6");
    assertThat(report.hiddenPhase().orElseThrow().output()).contains("sum 7777");
    assertThat(report.hiddenPhase().orElseThrow().status()).isEqualTo(RunStatus.OK);
  }

  @Test
  void theTokenCheckerComparesWordsWhateverTheLayout() {
    RunResult result = fixture.awaitResult(tokensRun, RESULT_TIMEOUT);
    TestReport report = result.tests().orElseThrow();
    assertThat(report.cases())
        .as("%s %s", result.message(), report)
        .extracting(TestReport.CaseResult::status)
        .containsExactly(CaseStatus.PASSED, CaseStatus.FAILED);
    assertThat(report.cases().get(1).diff()).isEqualTo("token 3: expected \"7\", got \"6\"");
    assertThat(result.status()).isEqualTo(RunStatus.OK);
  }
}
