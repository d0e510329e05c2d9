package io.coderoom.server.problem;

import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one version of a problem fared when its reference solutions ran against its tests: a version
 * is publishable only when every language passed every case.
 *
 * @param version the version validated
 * @param languages the outcome per language id
 */
public record ProblemValidation(int version, Map<String, Outcome> languages) {
  public ProblemValidation {
    languages = Map.copyOf(new LinkedHashMap<>(languages));
  }

  public boolean passed() {
    return !languages.isEmpty() && languages.values().stream().allMatch(Outcome::passed);
  }

  /**
   * One language's run.
   *
   * @param status how the run ended ({@code ok}, {@code compile_error}, ...)
   * @param message the run's own explanation when it did not run to the end, else empty
   * @param compileOutput the compiler's messages, when it refused the solution
   * @param failed the cases that did not pass, in suite order
   */
  public record Outcome(
      String status, String message, String compileOutput, List<FailedCase> failed, int total) {
    public Outcome {
      failed = List.copyOf(failed);
    }

    public boolean passed() {
      return status.equals("ok") && failed.isEmpty() && total > 0;
    }

    /** The outcome of a run of the reference solution. */
    public static Outcome of(RunResult result) {
      String status = result.status().name().toLowerCase(java.util.Locale.ROOT);
      if (result.tests().isEmpty()) {
        return new Outcome(status, result.message(), result.compileOutput(), List.of(), 0);
      }
      TestReport report = result.tests().get();
      List<FailedCase> failed =
          report.cases().stream()
              .filter(c -> c.status() != TestReport.CaseStatus.PASSED)
              .map(FailedCase::of)
              .toList();
      // A hidden case that never reported (the run ended early) is a failure too.
      boolean ranAll = report.cases().size() == report.total();
      String message =
          ranAll ? "" : "Only " + report.cases().size() + " of " + report.total() + " cases ran.";
      return new Outcome(
          result.status() == RunStatus.OK && ranAll ? "ok" : status,
          result.message().isEmpty() ? message : result.message(),
          result.compileOutput(),
          failed,
          report.total());
    }
  }

  /** A case the reference solution did not pass: the author sees all of it, hidden or not. */
  public record FailedCase(
      int index, boolean hidden, String status, String expected, String actual, String detail) {
    static FailedCase of(TestReport.CaseResult c) {
      String detail = c.error().isEmpty() ? c.diff() : c.error();
      return new FailedCase(
          c.index(),
          c.hidden(),
          c.status().name().toLowerCase(java.util.Locale.ROOT),
          c.expected(),
          c.actual(),
          detail);
    }
  }
}
