package io.coderoom.runner.agent;

import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestSuite;
import java.util.List;
import java.util.Optional;

/**
 * A problem whose hidden tests are unmistakable, and what of a run a candidate may see: the leak
 * programs ({@link Programs#leak}) are judged against it and nothing of its hidden inputs or of any
 * expected value may show up there.
 */
final class HiddenTests {
  /** Every hidden input and expected value holds one of these; nothing else does. */
  static final List<String> MARKERS =
      List.of("HIDDEN-", "EXPECTED-", "7f3a9c", "c41e08", "e2b7f5", "5b1d2e", "9a6f3d", "0c8e4a");

  /** The first hidden input, as the program is given it. */
  static final String FIRST_HIDDEN = "HIDDEN-7f3a9c alpha";

  /** The second hidden input. */
  static final String SECOND_HIDDEN = "HIDDEN-c41e08 beta";

  private HiddenTests() {}

  /**
   * reverse-words' signature: two public cases, then three hidden ones. The leak programs spend
   * seconds in the hidden cases on purpose (threads, a child process, 400 MB of memory), so those
   * cases have a time limit that a loaded machine cannot reach: they are about what leaks, not
   * about time.
   */
  static TestSuite suite() {
    return Json.read(
        """
        {"function": "reverseWords",
         "params": [{"name": "s", "type": "string"}],
         "returns": "string",
         "cases": [
           {"input": ["the sky is blue"], "expected": "blue is sky the", "hidden": false},
           {"input": ["  hello world  "], "expected": "world hello", "hidden": false},
           {"input": ["HIDDEN-7f3a9c alpha"], "expected": "EXPECTED-5b1d2e one", "hidden": true, "timeLimitMs": 10000},
           {"input": ["HIDDEN-c41e08 beta"], "expected": "EXPECTED-9a6f3d two", "hidden": true, "timeLimitMs": 10000},
           {"input": ["HIDDEN-e2b7f5 gamma"], "expected": "EXPECTED-0c8e4a three", "hidden": true, "timeLimitMs": 10000}
         ]}
        """,
        TestSuite.class);
  }

  /**
   * Everything of a result a candidate or observer may see: all of it but the hidden cases and the
   * hidden phase (servers show those to interviewers only).
   */
  static String candidateView(RunResult result) {
    Optional<TestReport> shown =
        result
            .tests()
            .map(
                report ->
                    new TestReport(
                        report.passed(),
                        report.total(),
                        report.hiddenPassed(),
                        report.hiddenTotal(),
                        report.cases().stream().filter(c -> !c.hidden()).toList(),
                        Optional.empty()));
    return new RunResult(
            result.runId(),
            result.agentId(),
            result.status(),
            result.exitCode(),
            result.stdout(),
            result.stderr(),
            result.compileOutput(),
            result.stdoutTruncated(),
            result.stderrTruncated(),
            result.compileMs(),
            result.runMs(),
            result.memoryBytes(),
            result.message(),
            shown,
            result.submittedAtMs(),
            result.finishedAtMs())
        .toFields()
        .toString();
  }

  /** Every event of a run's output stream, as the room gets them. */
  static String streamed(List<RunEvent> events) {
    StringBuilder all = new StringBuilder();
    for (RunEvent event : events) {
      all.append(event.toFields()).append('\n');
    }
    return all.toString();
  }
}
