package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseStatus;

/** Assertions on a test run's report that the agent's integration tests share. */
final class Reports {
  private Reports() {}

  /**
   * The run's test report, once every case in it is seen to have passed; otherwise the test fails
   * naming {@code label} with the run's message, compiler output and report.
   */
  static TestReport allPassed(RunResult result, String label) {
    TestReport report = result.tests().orElseThrow();
    assertThat(report.cases())
        .as("%s: %s %s %s", label, result.message(), result.compileOutput(), report)
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(CaseStatus.PASSED));
    return report;
  }
}
