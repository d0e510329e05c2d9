package io.coderoom.runner.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a function-mode run, as the agent compared it.
 *
 * @param passed cases passed, visible and hidden
 * @param total all cases
 * @param hiddenPassed hidden cases passed
 * @param hiddenTotal hidden cases
 * @param cases every case in suite order, hidden ones flagged: servers show hidden cases' details
 *     to interviewers only, and only counts to everyone else
 * @param hiddenPhase how the run went once its hidden cases began, present when it got that far:
 *     for interviewers only, like the hidden cases
 */
public record TestReport(
    int passed,
    int total,
    int hiddenPassed,
    int hiddenTotal,
    List<CaseResult> cases,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JsonSerialize(using = HiddenPhase.Writer.class)
        @JsonDeserialize(using = HiddenPhase.Reader.class)
        Optional<HiddenPhase> hiddenPhase) {

  public TestReport {
    cases = List.copyOf(cases);
    Objects.requireNonNull(hiddenPhase, "hiddenPhase");
  }

  /** This report with how its hidden phase went. */
  public TestReport withHiddenPhase(HiddenPhase phase) {
    return new TestReport(passed, total, hiddenPassed, hiddenTotal, cases, Optional.of(phase));
  }

  /** How one case went. */
  public enum CaseStatus {
    PASSED,
    /** The function returned something else. */
    FAILED,
    /** The function threw, or the harness reported no result for the case. */
    ERROR,
    /**
     * The call took longer than the case's time limit (as the harness measured it), or had not
     * returned when the agent stopped waiting for it.
     */
    TIME_LIMIT
  }

  /**
   * One case.
   *
   * @param index the case's position in the suite
   * @param hidden whether it is a hidden case (details for interviewers only)
   * @param timeMs the function call's duration as the harness measured it
   * @param actual the returned value as JSON (or null)
   * @param expected the expected value as JSON
   * @param diff a one-line explanation of the first difference, empty when passed
   * @param error the exception the function threw, empty if none
   */
  public record CaseResult(
      int index,
      boolean hidden,
      CaseStatus status,
      double timeMs,
      String actual,
      String expected,
      String diff,
      String error) {}

  public boolean allPassed() {
    return passed == total;
  }

  public String toJson() {
    return Json.write(this);
  }

  public static TestReport fromJson(String json) {
    return Json.read(json, TestReport.class);
  }
}
