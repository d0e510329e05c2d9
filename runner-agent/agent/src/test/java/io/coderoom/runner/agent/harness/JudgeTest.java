package io.coderoom.runner.agent.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {
  private static final String NONCE = "0123456789abcdef0123456789abcdef";

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

  private static String record(String nonce, int i, String status, String payload) {
    return "\n" + Judge.RS + nonce + ":" + i + ":" + status + ":1.250:" + payload + "\n";
  }

  @Test
  void comparesRecordsAndKeepsTheCandidatesOutput() {
    String stdout =
        "debug 1"
            + record(NONCE, 0, "ok", "[1.0000000001,2]")
            + "debug 2\n"
            + record(NONCE, 1, "ok", "[2.4]")
            + record(NONCE, 2, "ok", "[3]");
    Judge.Verdict verdict = Judge.judge(suite(), stdout, NONCE);
    TestReport report = verdict.report();
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
    assertThat(verdict.candidateOutput()).isEqualTo("debug 1debug 2\n");
  }

  @Test
  void forgedDuplicatedAndMissingRecordsAreErrors() {
    String stdout =
        record("ffffffffffffffffffffffffffffffff", 0, "ok", "[1,2]")
            + record(NONCE, 1, "ok", "[2.5]")
            + record(NONCE, 1, "ok", "[2.5]");
    TestReport report = Judge.judge(suite(), stdout, NONCE).report();
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.ERROR);
    assertThat(report.cases().get(0).error()).contains("stopped before this case");
    assertThat(report.cases().get(1).status()).isEqualTo(CaseStatus.ERROR);
    assertThat(report.cases().get(1).error()).contains("reported 2 times");
    assertThat(report.passed()).isZero();
  }

  @Test
  void errorsCarryTheExceptionText() {
    String stdout = record(NONCE, 0, "error", "\"ZeroDivisionError: division by zero\"");
    TestReport report = Judge.judge(suite(), stdout, NONCE).report();
    assertThat(report.cases().get(0).error()).isEqualTo("ZeroDivisionError: division by zero");
    assertThat(report.cases().get(0).status()).isEqualTo(CaseStatus.ERROR);
  }

  @Test
  void filterRemovesRecordsSplitAcrossChunks() {
    List<String> seen = new ArrayList<>();
    Judge.Filter filter =
        new Judge.Filter(NONCE, suite(), (stream, text) -> seen.add(stream + ":" + text));
    String all =
        "a\nb"
            + record(NONCE, 0, "ok", "[1]")
            + "c"
            + record(NONCE, 1, "ok", "[2]")
            + "secret 3\n"
            + record(NONCE, 2, "ok", "[3]")
            + "bye\n";
    for (int i = 0; i < all.length(); i += 3) {
      filter.output(RunEvent.OutputStream.STDOUT, all.substring(i, Math.min(all.length(), i + 3)));
    }
    filter.output(RunEvent.OutputStream.STDERR, "oops");
    filter.flush();
    String stdout =
        String.join(
            "",
            seen.stream().filter(s -> s.startsWith("STDOUT:")).map(s -> s.substring(7)).toList());
    // Case 2 is hidden: what it printed, and anything after it, is replaced by one note.
    assertThat(stdout).isEqualTo("a\nbc" + Judge.WITHHELD);
    assertThat(seen).contains("STDERR:oops");
  }

  @Test
  void whatHiddenCasesPrintIsWithheld() {
    String stdout =
        "public 0\n"
            + record(NONCE, 0, "ok", "[1,2]")
            + "public 1\n"
            + record(NONCE, 1, "ok", "[2.5]")
            + "input 3\n"
            + record(NONCE, 2, "ok", "[3]")
            + "at exit 3\n";
    Judge.Verdict verdict = Judge.judge(suite(), stdout, NONCE);
    assertThat(verdict.report().passed()).isEqualTo(3);
    assertThat(verdict.candidateOutput()).isEqualTo("public 0\npublic 1\n" + Judge.WITHHELD);
  }

  @Test
  void nothingIsNotedWhenHiddenCasesPrintNothing() {
    String stdout =
        record(NONCE, 0, "ok", "[1,2]")
            + record(NONCE, 1, "ok", "[2.5]")
            + record(NONCE, 2, "ok", "[3]");
    assertThat(Judge.judge(suite(), stdout, NONCE).candidateOutput()).isEmpty();
  }
}
