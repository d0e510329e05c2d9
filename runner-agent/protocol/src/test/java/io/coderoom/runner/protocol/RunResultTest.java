package io.coderoom.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunResultTest {
  @Test
  void resultRoundTripsWithTestReport() {
    TestReport report =
        new TestReport(
            1,
            3,
            0,
            1,
            List.of(
                new TestReport.CaseResult(
                    0, false, TestReport.CaseStatus.PASSED, 0.5, "[0,1]", "[0,1]", "", ""),
                new TestReport.CaseResult(
                    1,
                    true,
                    TestReport.CaseStatus.FAILED,
                    0.25,
                    "1",
                    "2",
                    "result: expected 2, got 1",
                    "")),
            Optional.empty());
    RunResult result =
        new RunResult(
            "r-1",
            "agent-1",
            RunStatus.OK,
            0,
            "out",
            "err",
            "",
            false,
            true,
            12,
            34,
            1 << 20,
            "",
            Optional.of(report),
            100,
            200);
    RunResult back = RunResult.fromFields(result.toFields());
    assertThat(back).isEqualTo(result);
    assertThat(back.tests().orElseThrow().allPassed()).isFalse();
  }

  @Test
  void hiddenPhaseRoundTripsAndIsAbsentFromOlderReports() {
    TestReport report =
        new TestReport(0, 1, 0, 1, List.of(), Optional.empty())
            .withHiddenPhase(
                new HiddenPhase(
                    RunStatus.TIMEOUT, -1, 5_001, 64 << 20, "The program ran too long.", "out"));
    assertThat(TestReport.fromJson(report.toJson())).isEqualTo(report);
    TestReport none = new TestReport(0, 1, 0, 1, List.of(), Optional.empty());
    assertThat(none.toJson()).doesNotContain("hiddenPhase");
    assertThat(TestReport.fromJson(none.toJson())).isEqualTo(none);
    assertThat(
            TestReport.fromJson(
                    "{\"passed\":0,\"total\":0,\"hiddenPassed\":0,\"hiddenTotal\":0,\"cases\":[]}")
                .hiddenPhase())
        .isEmpty();
  }

  @Test
  void internalErrorsCarryTheirReason() {
    RunResult result = RunResult.internalError("r-2", "agent-1", "Docker is down.", 7);
    RunResult back = RunResult.fromFields(result.toFields());
    assertThat(back.status()).isEqualTo(RunStatus.INTERNAL_ERROR);
    assertThat(back.message()).isEqualTo("Docker is down.");
    assertThat(back.exitCode()).isEqualTo(-1);
    assertThat(back.tests()).isEmpty();
    assertThat(back.toFields()).doesNotContainKey("tests");
  }
}
