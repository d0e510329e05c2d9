package io.coderoom.runner.agent.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import io.coderoom.runner.protocol.TestSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {
  private static TestSuite suite() {
    return Json.read(
        """
        {"function": "f", "params": [{"name": "x", "type": "double"}], "returns": "double[]",
         "cases": [{"input": [1], "expected": [1.0, 2], "hidden": false},
                   {"input": [2], "expected": [2.5], "hidden": false},
                   {"input": [3], "expected": [3], "hidden": true}]}
        """,
        TestSuite.class);
  }

  private static Record ok(int index, String payload) {
    return new Record(index, true, 1.25, payload);
  }

  @Test
  void comparesRecordsWithTheExpectedValues() {
    TestReport report =
        Judge.judge(suite(), List.of(ok(0, "[1.0000000001,2]"), ok(1, "[2.4]"), ok(2, "[3]")));
    assertThat(report.passed()).isEqualTo(2);
    assertThat(report.hiddenPassed()).isEqualTo(1);
    // Every case, hidden ones flagged: the server decides who sees their details.
    assertThat(report.cases()).hasSize(3);
    assertThat(report.cases())
        .extracting(TestReport.CaseResult::hidden)
        .containsExactly(false, false, true);
    assertThat(report.cases().get(2).actual()).isEqualTo("[3]");
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.PASSED);
    assertThat(report.cases().get(0).timeMs()).isEqualTo(1.25);
    assertThat(report.cases().get(1).status()).isEqualTo(CaseStatus.FAILED);
    assertThat(report.cases().get(1).diff()).isEqualTo("result[0]: expected 2.5, got 2.4");
    assertThat(report.hiddenPhase()).isEmpty();
  }

  @Test
  void duplicatedAndMissingRecordsAreErrors() {
    TestReport report = Judge.judge(suite(), List.of(ok(1, "[2.5]"), ok(1, "[2.5]")));
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.ERROR);
    assertThat(report.cases().get(0).error()).contains("stopped before this case");
    assertThat(report.cases().get(1).status()).isEqualTo(CaseStatus.ERROR);
    assertThat(report.cases().get(1).error()).contains("reported 2 times");
    assertThat(report.passed()).isZero();
  }

  @Test
  void errorsCarryTheExceptionText() {
    TestReport report =
        Judge.judge(
            suite(), List.of(new Record(0, false, 0.5, "\"ZeroDivisionError: division by zero\"")));
    assertThat(report.cases().get(0).error()).isEqualTo("ZeroDivisionError: division by zero");
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.ERROR);
  }

  @Test
  void aCallOverItsCasesTimeLimitIsTimeLimitedWhateverItReturned() {
    TestSuite timed =
        Json.read(
            """
            {"function": "f", "params": [{"name": "x", "type": "int"}], "returns": "int",
             "cases": [{"input": [1], "expected": 1, "hidden": false, "timeLimitMs": 100},
                       {"input": [2], "expected": 2, "hidden": true}]}
            """,
            TestSuite.class);
    TestReport report =
        Judge.judge(
            timed, List.of(new Record(0, true, 100.5, "1"), new Record(1, true, 1999.0, "2")));
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.TIME_LIMIT);
    assertThat(report.cases().get(0).error())
        .isEqualTo("Took 101 ms, over the time limit of 100 ms.");
    assertThat(report.cases().get(0).actual()).isEqualTo("1");
    // Without a limit of its own a case has the default, 2 s.
    assertThat(report.cases().get(1).status()).isEqualTo(CaseStatus.PASSED);
    assertThat(report.passed()).isEqualTo(1);
  }

  @Test
  void generatedExpectedValuesAreComparedExpandedAndShownAsTheirGenerator() {
    TestSuite generated =
        Json.read(
            """
            {"function": "f", "params": [{"name": "n", "type": "int"}], "returns": "string",
             "cases": [{"input": [3000], "expected": {"$join": [{"$range": [2999, 3000, -1]}, " "]},
                        "hidden": false}]}
            """,
            TestSuite.class);
    StringBuilder right = new StringBuilder();
    for (int i = 2999; i >= 0; i--) {
      right.append(i).append(i > 0 ? " " : "");
    }
    TestReport passed = Judge.judge(generated, List.of(ok(0, Json.write(right.toString()))));
    assertThat(passed.cases().get(0).status()).isEqualTo(CaseStatus.PASSED);
    assertThat(passed.cases().get(0).expected()).startsWith("{\"$join\"");
    assertThat(passed.cases().get(0).actual())
        .hasSizeLessThan(Judge.SHOWN_CHARS + 40)
        .contains("characters)");
    TestReport failed = Judge.judge(generated, List.of(ok(0, "\"2999 2998\"")));
    assertThat(failed.cases().get(0).status()).isEqualTo(CaseStatus.FAILED);
    // The difference quotes the expanded value cut too, not all of its characters.
    assertThat(failed.cases().get(0).diff())
        .startsWith("result: expected \"2999 2998 ")
        .endsWith("characters), got \"2999 2998\"")
        .hasSizeLessThan(Judge.SHOWN_CHARS + 80);
  }
}
