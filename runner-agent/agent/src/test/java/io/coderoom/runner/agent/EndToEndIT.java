package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every language, end to end as the server submits jobs: XADD to runs:jobs, an agent takes it,
 * Docker runs it, output arrives on run:{id}:out and the result on runs:results. All jobs are
 * queued at once so the agent's two slots work in parallel.
 */
class EndToEndIT {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(120);
  private static final Map<String, String> helloRuns = new HashMap<>();
  private static final Map<String, String> testRuns = new HashMap<>();
  private static RedisFixture fixture;

  static final java.util.List<String> languages = Programs.LANGUAGES;

  @BeforeAll
  static void submitEverything() {
    fixture = RedisFixture.withAgent("e2e");
    for (String language : Programs.LANGUAGES) {
      String hello = RedisFixture.newRunId("hello-" + language);
      fixture.submit(RunJob.run(hello, language, Programs.hello(language), "from stdin\n"));
      helloRuns.put(language, hello);
      String test = RedisFixture.newRunId("twosum-" + language);
      fixture.submit(
          RunJob.test(test, language, Programs.twoSum(language), Programs.twoSumSuite()));
      testRuns.put(language, test);
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest
  @FieldSource("languages")
  void runsHelloWorldReadingStdin(String language) {
    String runId = helloRuns.get(language);
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    assertThat(result.status())
        .as("%s: %s %s %s", language, result.message(), result.compileOutput(), result.stderr())
        .isEqualTo(RunStatus.OK);
    assertThat(result.stdout()).isEqualTo("hello world\nstdin: from stdin\n");
    assertThat(result.exitCode()).isZero();
    // The room sees the same output, streamed, between a started and an ended event.
    assertThat(fixture.streamed(runId, RunEvent.OutputStream.STDOUT)).isEqualTo(result.stdout());
    var events = fixture.events(runId);
    assertThat(events.getFirst()).isInstanceOf(RunEvent.Started.class);
    assertThat(events.getLast()).isEqualTo(new RunEvent.Ended(runId, RunStatus.OK));
  }

  @ParameterizedTest
  @FieldSource("languages")
  void passesFunctionModeProblemWithPublicAndHiddenTests(String language) {
    String runId = testRuns.get(language);
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    assertThat(result.status())
        .as("%s: %s %s %s", language, result.message(), result.compileOutput(), result.stderr())
        .isEqualTo(RunStatus.OK);
    TestReport report = result.tests().orElseThrow();
    assertThat(report.cases())
        .as("%s: %s", language, report)
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(TestReport.CaseStatus.PASSED));
    assertThat(report.passed()).isEqualTo(4);
    assertThat(report.total()).isEqualTo(4);
    assertThat(report.hiddenPassed()).isEqualTo(2);
    assertThat(report.hiddenTotal()).isEqualTo(2);
    // Every case is reported, hidden ones flagged (the server withholds them from candidates).
    assertThat(report.cases()).extracting(TestReport.CaseResult::index).containsExactly(0, 1, 2, 3);
    assertThat(report.cases())
        .extracting(TestReport.CaseResult::hidden)
        .containsExactly(false, false, true, true);
    assertThat(report.cases().get(0).actual()).isEqualTo("[0,1]");
    // The candidate's own prints are output; the harness's framed records are not.
    assertThat(result.stdout()).contains("checking 4 numbers").doesNotContain("\u001e", "\u241e");
    assertThat(fixture.streamed(runId, RunEvent.OutputStream.STDOUT))
        .contains("checking 3 numbers")
        .doesNotContain("\u001e", "\u241e");
  }

  @Test
  void reportsWrongAnswersWithDiffAndFlagsHiddenCases() {
    String runId = RedisFixture.newRunId("wrong");
    fixture.submit(
        RunJob.test(
            runId,
            "python",
            "def twoSum(nums, target):\n    return [0, 1]\n",
            Programs.twoSumSuite()));
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    TestReport report = result.tests().orElseThrow();
    assertThat(report.passed()).isEqualTo(2);
    assertThat(report.hiddenPassed()).isEqualTo(1);
    TestReport.CaseResult second = report.cases().get(1);
    assertThat(second.status()).isEqualTo(TestReport.CaseStatus.FAILED);
    assertThat(second.expected()).isEqualTo("[1,2]");
    assertThat(second.actual()).isEqualTo("[0,1]");
    assertThat(second.diff()).isEqualTo("result[0]: expected 1, got 0");
    // Inputs never come back from the agent; the server has them.
    assertThat(result.toFields().toString()).doesNotContain("[1,5,9,13]");
    assertThat(report.cases().get(2).hidden()).isTrue();
  }

  @Test
  void reportsCompileErrorsAndRuntimeErrorsApart() {
    String broken = RedisFixture.newRunId("cpp-broken");
    fixture.submit(RunJob.run(broken, "cpp", "int main() { return undefined_name; }\n", ""));
    String crash = RedisFixture.newRunId("py-crash");
    fixture.submit(RunJob.run(crash, "python", "raise SystemExit(3)\n", ""));
    RunResult compile = fixture.awaitResult(broken, RESULT_TIMEOUT);
    assertThat(compile.status()).isEqualTo(RunStatus.COMPILE_ERROR);
    assertThat(compile.compileOutput()).contains("undefined_name");
    assertThat(fixture.streamed(broken, RunEvent.OutputStream.COMPILE)).contains("undefined_name");
    RunResult runtime = fixture.awaitResult(crash, RESULT_TIMEOUT);
    assertThat(runtime.status()).isEqualTo(RunStatus.RUNTIME_ERROR);
    assertThat(runtime.exitCode()).isEqualTo(3);
  }

  @Test
  void typeScriptTypeErrorsAreCompileErrors() {
    String runId = RedisFixture.newRunId("ts-type-error");
    fixture.submit(
        RunJob.run(
            runId,
            "typescript",
            "const count: number = \"three\";\nconsole.log(count.toFixed(1));\n",
            ""));
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.COMPILE_ERROR);
    assertThat(result.compileOutput())
        .contains(
            "/code/main.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.");
    assertThat(fixture.streamed(runId, RunEvent.OutputStream.STDOUT)).isEmpty();
  }

  @Test
  void unknownLanguageFailsWithReason() {
    String runId = RedisFixture.newRunId("cobol");
    fixture.submit(RunJob.run(runId, "cobol", "DISPLAY 'HI'.", ""));
    RunResult result = fixture.awaitResult(runId, RESULT_TIMEOUT);
    assertThat(result.status()).isEqualTo(RunStatus.INTERNAL_ERROR);
    assertThat(result.message()).contains("Unknown language 'cobol'");
  }
}
