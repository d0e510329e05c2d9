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

  private static TestSuite ordered(String order, String returns, String extra) {
    return TestSuite.fromJson(
        "{\"function\": \"f\", \"params\": [], \"returns\": \""
            + returns
            + "\", \"order\": \""
            + order
            + "\""
            + extra
            + "}");
  }

  private static String compare(TestSuite suite, String expected, String actual) {
    return Judge.compare(suite, Json.tree(expected), Json.tree(actual));
  }

  @Test
  void orderAnyComparesTheTopLevelArrayAsAMultiset() {
    TestSuite any = ordered("any", "int[][]", "");
    assertThat(compare(any, "[[1,2],[3,4],[1,2]]", "[[3,4],[1,2],[1,2]]")).isEmpty();
    // A multiset: the count of each element matters.
    assertThat(compare(any, "[[1,2],[3,4],[1,2]]", "[[3,4],[3,4],[1,2]]"))
        .startsWith("in any order, sorted: result[1]");
    // Only the top level: inner arrays keep their order.
    assertThat(compare(any, "[[1,2],[3,4]]", "[[4,3],[1,2]]")).isNotEmpty();
    assertThat(compare(any, "[1,2]", "[2,1,1]")).contains("expected 2 elements, got 3");
    TestSuite exact = ordered("exact", "int[][]", "");
    assertThat(compare(exact, "[[1,2],[3,4]]", "[[3,4],[1,2]]")).isNotEmpty();
  }

  @Test
  void orderAnyNestedAlsoIgnoresTheOrderInsideInnerArrays() {
    TestSuite nested = ordered("any-nested", "string[][]", "");
    assertThat(
            compare(
                nested,
                "[[\"ate\",\"eat\",\"tea\"],[\"nat\",\"tan\"],[\"bat\"]]",
                "[[\"bat\"],[\"tan\",\"nat\"],[\"tea\",\"ate\",\"eat\"]]"))
        .isEmpty();
    assertThat(compare(nested, "[[\"a\",\"b\"],[\"c\"]]", "[[\"b\"],[\"a\",\"c\"]]")).isNotEmpty();
  }

  @Test
  void doublesAreEqualWithinTheToleranceRelativeToTheLargerMagnitude() {
    TestSuite coarse = ordered("exact", "double[]", ", \"tolerance\": 0.01");
    assertThat(compare(coarse, "[1000.0, 0.5]", "[1009.0, 0.509]")).isEmpty();
    assertThat(compare(coarse, "[1000.0]", "[1011.0]"))
        .isEqualTo("result[0]: expected 1000.0, got 1011.0");
    // Below 1 the tolerance is absolute.
    assertThat(compare(coarse, "[0.0]", "[0.011]")).isNotEmpty();
    TestSuite fine = ordered("exact", "map<string,double[]>", "");
    assertThat(compare(fine, "{\"a\": [0.1, 2]}", "{\"a\": [0.1000000001, 2.0000000001]}"))
        .isEmpty();
    assertThat(compare(fine, "{\"a\": [0.1]}", "{\"a\": [0.1001]}")).startsWith("result.a[0]");
    assertThat(compare(fine, "{\"a\": [0.1]}", "{\"a\": [0.1], \"b\": []}"))
        .isEqualTo("result.b: not expected");
    // Integers stay exact, even beyond what a double holds.
    assertThat(compare(fine, "9007199254740993", "9007199254740992")).isNotEmpty();
    // In any order, doubles close to each other still pair up.
    TestSuite any = ordered("any", "double[]", ", \"tolerance\": 0.001");
    assertThat(compare(any, "[3.0, 1.0, 2.0]", "[1.0004, 2.0, 2.9996]")).isEmpty();
  }

  @Test
  void judgingUsesTheSuitesOrderAndTolerance() {
    TestSuite suite =
        TestSuite.fromJson(
            """
            {"function": "f", "params": [], "returns": "double[]", "order": "any",
             "tolerance": 0.1,
             "cases": [{"input": [], "expected": [1.0, 5.0], "hidden": false}]}
            """);
    assertThat(Judge.judge(suite, List.of(ok(0, "[5.3, 1.05]"))).passed()).isOne();
    assertThat(Judge.judge(suite, List.of(ok(0, "[5.6, 1.05]"))).passed()).isZero();
  }
}
