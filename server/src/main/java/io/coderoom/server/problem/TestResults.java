package io.coderoom.server.problem;

import io.coderoom.runner.protocol.HiddenPhase;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestSuite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of a test-mode run's results, in one of two views. Interviewers see every case with its
 * input, expected and actual values, and how the run went once its hidden cases began; candidates
 * and observers see public cases in full and hidden ones only as counts, so the hidden tests cannot
 * be read off the results. (The run's own status, time, memory and output are safe for everyone:
 * the agent reports them as they were when the hidden cases began.)
 */
public final class TestResults {
  private TestResults() {}

  /**
   * The {@code tests} object of {@code run_finished} and of a run record.
   *
   * @param report the agent's report (every case, hidden ones flagged)
   * @param suite the problem's tests, for the cases' inputs (empty when the problem is gone)
   * @param withHidden true for interviewers only: hidden cases in full, and the hidden phase
   */
  public static Map<String, Object> json(
      TestReport report, Optional<TestSuite> suite, boolean withHidden) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("passed", report.passed());
    json.put("failed", report.total() - report.passed());
    json.put("total", report.total());
    json.put("publicPassed", report.passed() - report.hiddenPassed());
    json.put("publicTotal", report.total() - report.hiddenTotal());
    json.put("hiddenPassed", report.hiddenPassed());
    json.put("hiddenTotal", report.hiddenTotal());
    List<Map<String, Object>> cases =
        report.cases().stream()
            .filter(c -> withHidden || !c.hidden())
            .map(c -> caseJson(c, suite))
            .toList();
    json.put("cases", cases);
    if (withHidden) {
      report.hiddenPhase().ifPresent(phase -> json.put("hiddenPhase", hiddenPhaseJson(phase)));
    }
    return json;
  }

  private static Map<String, Object> hiddenPhaseJson(HiddenPhase phase) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", phase.status().name().toLowerCase(Locale.ROOT));
    json.put("exitCode", phase.exitCode());
    json.put("runMs", phase.runMs());
    json.put("memoryBytes", phase.memoryBytes());
    json.put("message", phase.message());
    json.put("output", phase.output());
    return json;
  }

  private static Map<String, Object> caseJson(
      TestReport.CaseResult result, Optional<TestSuite> suite) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("index", result.index());
    json.put("hidden", result.hidden());
    json.put("status", result.status().name().toLowerCase(Locale.ROOT));
    json.put("timeMs", result.timeMs());
    json.put(
        "input",
        suite
            .filter(s -> result.index() < s.cases().size())
            .map(s -> s.cases().get(result.index()).input().toString())
            .orElse(null));
    json.put("expected", result.expected());
    json.put("actual", result.actual());
    json.put("diff", result.diff());
    json.put("error", result.error());
    return json;
  }
}
