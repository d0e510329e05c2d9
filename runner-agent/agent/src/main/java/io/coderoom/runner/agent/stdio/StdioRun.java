package io.coderoom.runner.agent.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.coderoom.runner.agent.harness.CaseFeed;
import io.coderoom.runner.agent.sandbox.AtLimit;
import io.coderoom.runner.agent.sandbox.DockerSandbox;
import io.coderoom.runner.agent.sandbox.Limits;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.agent.sandbox.SandboxSession;
import io.coderoom.runner.agent.sandbox.SandboxSettings;
import io.coderoom.runner.agent.sandbox.Step;
import io.coderoom.runner.agent.sandbox.StepResult;
import io.coderoom.runner.agent.sandbox.StepVerdict;
import io.coderoom.runner.agent.sandbox.StopReason;
import io.coderoom.runner.agent.sandbox.StopSignal;
import io.coderoom.runner.agent.tracing.RunSpans;
import io.coderoom.runner.protocol.CaseDeadlines;
import io.coderoom.runner.protocol.Generators;
import io.coderoom.runner.protocol.HiddenPhase;
import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseResult;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import io.coderoom.runner.protocol.TestSuite;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a stdio problem's job as a list of steps in one container: the candidate's program is
 * compiled once, then run once per case with the case's input (generators expanded) as its stdin,
 * each run with the case's own time limit; its stdout is compared by the problem's {@link
 * OutputChecker}. A case that crashes, runs out of time or memory fails alone: its processes are
 * killed and the next case runs.
 *
 * <p>Hidden cases keep the rules of function mode ({@link CaseFeed}): public cases run first, in
 * suite order, and a hidden case's input is written into the container only once every public case
 * has finished; from then on nothing the program prints reaches the room (one note says so), and
 * the result shows the run as it was at that moment, how it went on being the hidden phase, for
 * interviewers. Expected outputs never enter the container. Each case's input is one file, written
 * anew for each case right before its step, so no file holds a hidden input while a public case
 * runs.
 */
public final class StdioRun {
  /** The case's input inside the container (replaced for each case). */
  static final String STDIN_FILE = ".stdin";

  /** The most of a crashed case's stderr its report keeps (its end: where the error is). */
  static final int STDERR_TAIL_CHARS = 1_000;

  /** The most characters of an output a report keeps. */
  static final int SHOWN_CHARS = 2_000;

  private final DockerSandbox sandbox;
  private final String agentId;

  public StdioRun(DockerSandbox sandbox, String agentId) {
    this.sandbox = sandbox;
    this.agentId = agentId;
  }

  /**
   * Compiles and runs the job's program on every case of the suite.
   *
   * @throws IllegalArgumentException if a case is malformed (its input is not one string)
   * @throws NotFoundException if the language's image is missing
   */
  public RunResult execute(
      RunJob job, Language language, TestSuite suite, OutputListener room, StopSignal stop) {
    SandboxSettings settings = sandbox.settings();
    // Expanded before the container is taken: a malformed generator fails the job, not a case.
    List<String> inputs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (TestSuite.Case c : suite.cases()) {
      inputs.add(text(Generators.expand(c.input()).path(0), "input"));
      expected.add(text(Generators.expand(c.expected()), "expected output"));
    }
    OutputChecker checker = OutputChecker.of(suite.checker());
    StdioConsole console = new StdioConsole(room, settings.outputLimitBytes());
    CaseResult[] results = new CaseResult[suite.cases().size()];
    long memoryMb = settings.memoryMb(job.memoryLimitMb());
    try (SandboxSession session =
        sandbox.open(language.image(), memoryMb, AtLimit.END_STEP, stop)) {
      String compileOutput = "";
      boolean compileTruncated = false;
      long compileMs = 0;
      if (language.compiled()) {
        StepResult compiled =
            session.run(
                Step.compile(
                    language.compile(),
                    Map.of(language.fileName(), job.code()),
                    settings.compileLimits()),
                room);
        compileOutput = compiled.stdout();
        compileTruncated = compiled.stdoutTruncated();
        compileMs = compiled.ms();
        if (!compiled.succeeded()) {
          return compileFailed(job, suite, compiled, settings, memoryMb);
        }
      }
      Run run = new Run(compileOutput, compileTruncated, compileMs);
      boolean codeWritten = language.compiled();
      for (int index : order(suite)) {
        TestSuite.Case c = suite.cases().get(index);
        if (run.stopped || run.containerGone) {
          results[index] =
              notRun(
                  index,
                  c,
                  run.stopped
                      ? "Not run: the run was stopped."
                      : "Not run: the program's container ended during an earlier case.");
          continue;
        }
        if (c.hidden() && run.sealedAt.isEmpty()) {
          console.seal();
          run.sealedAt = Optional.of(run.checkpoint(console));
        }
        Map<String, String> files = new HashMap<>();
        files.put(STDIN_FILE, inputs.get(index));
        if (!codeWritten) {
          files.put(language.fileName(), job.code());
          codeWritten = true;
        }
        long expectedBytes = expected.get(index).getBytes(StandardCharsets.UTF_8).length;
        // Room for an expected output of a performance case (twice its size), never less than
        // the sandbox's cap.
        Limits limits =
            settings
                .runLimits(CaseDeadlines.stdioWallMs(c))
                .withOutputBytes(Math.max(settings.outputLimitBytes(), 2 * expectedBytes + 1024));
        StepResult ran;
        try (Scope inCase = RunSpans.inCase(index)) {
          ran =
              session.run(
                  Step.run(language.run() + " < /code/" + STDIN_FILE, files, limits), console);
        } catch (DockerException e) {
          // The candidate's process of an earlier case ended the container (it killed its idle
          // process): this case and the rest cannot run.
          run.containerGone = true;
          results[index] =
              notRun(index, c, "The program's container ended before this case could run.");
          continue;
        }
        run.add(ran);
        if (ran.reason() == StopReason.STOPPED) {
          run.stopped = true;
          results[index] = notRun(index, c, "The run was stopped during this case.");
          continue;
        }
        results[index] = judge(index, c, ran, expected.get(index), checker, memoryMb);
      }
      return result(job, suite, List.of(results), run, console);
    }
  }

  /** Public cases first, then hidden ones, each in suite order. */
  private static List<Integer> order(TestSuite suite) {
    List<Integer> order = new ArrayList<>();
    for (boolean hidden : new boolean[] {false, true}) {
      for (int i = 0; i < suite.cases().size(); i++) {
        if (suite.cases().get(i).hidden() == hidden) {
          order.add(i);
        }
      }
    }
    return order;
  }

  private static String text(JsonNode value, String what) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException("a stdio case's " + what + " must be a string");
    }
    return value.asText();
  }

  private static CaseResult judge(
      int index,
      TestSuite.Case c,
      StepResult ran,
      String expected,
      OutputChecker checker,
      long memoryMb) {
    String expectedShown = shown(Json.write(c.expected()));
    String actual = shown(Json.write(ran.stdout()));
    // The CPU time where the host tells it, else the wall clock.
    long ms = ran.cpuMs() >= 0 ? ran.cpuMs() : ran.ms();
    boolean overTime =
        ran.reason() == StopReason.TIME_LIMIT
            || (ran.reason() == StopReason.EXITED && ms > c.timeLimitMs());
    if (overTime) {
      return new CaseResult(
          index,
          c.hidden(),
          CaseStatus.TIME_LIMIT,
          ms,
          actual,
          expectedShown,
          "",
          ran.reason() == StopReason.TIME_LIMIT
              ? "Still running after the time limit of "
                  + c.timeLimitMs()
                  + " ms; the program was stopped."
              : "Took " + ms + " ms, over the time limit of " + c.timeLimitMs() + " ms.");
    }
    return switch (ran.reason()) {
      case TIME_LIMIT -> throw new IllegalStateException("judged above");
      case MEMORY_LIMIT ->
          error(index, c, ran, expectedShown, "Ran out of memory (" + memoryMb + " MB).");
      case OUTPUT_LIMIT ->
          error(
              index, c, ran, expectedShown, "Wrote far more output than expected and was stopped.");
      case STOPPED -> throw new IllegalStateException("a stopped case is not judged");
      case EXITED -> {
        if (ran.exitCode() != 0) {
          String tail = tail(ran.stderr());
          yield error(
              index,
              c,
              ran,
              expectedShown,
              "Exited with status " + ran.exitCode() + "." + (tail.isBlank() ? "" : "\n" + tail));
        }
        Optional<String> diff = checker.diff(expected, ran.stdout());
        yield new CaseResult(
            index,
            c.hidden(),
            diff.isEmpty() ? CaseStatus.PASSED : CaseStatus.FAILED,
            ms,
            actual,
            expectedShown,
            diff.orElse(""),
            "");
      }
    };
  }

  private static CaseResult error(
      int index, TestSuite.Case c, StepResult ran, String expectedShown, String error) {
    return new CaseResult(
        index,
        c.hidden(),
        CaseStatus.ERROR,
        ran.ms(),
        shown(Json.write(ran.stdout())),
        expectedShown,
        "",
        error);
  }

  private static CaseResult notRun(int index, TestSuite.Case c, String why) {
    return new CaseResult(
        index, c.hidden(), CaseStatus.ERROR, 0, null, shown(Json.write(c.expected())), "", why);
  }

  /** The end of a crashed program's stderr, from a line start when there is one near. */
  static String tail(String stderr) {
    String text = stderr.stripTrailing();
    if (text.length() <= STDERR_TAIL_CHARS) {
      return text;
    }
    String end = text.substring(text.length() - STDERR_TAIL_CHARS);
    int line = end.indexOf('\n');
    return "..." + (line >= 0 ? end.substring(line) : end);
  }

  /** JSON as a report shows it, cut at {@link #SHOWN_CHARS}. */
  static String shown(String json) {
    return json.length() <= SHOWN_CHARS
        ? json
        : json.substring(0, SHOWN_CHARS) + "... (" + json.length() + " characters)";
  }

  private RunResult compileFailed(
      RunJob job, TestSuite suite, StepResult compiled, SandboxSettings settings, long memoryMb) {
    String message = StepVerdict.compileMessage(compiled, settings.compileLimits(), memoryMb);
    List<CaseResult> cases = new ArrayList<>();
    for (int i = 0; i < suite.cases().size(); i++) {
      cases.add(notRun(i, suite.cases().get(i), "Not run: the program did not compile."));
    }
    return new RunResult(
        job.runId(),
        agentId,
        StepVerdict.compileStatus(compiled),
        compiled.exitCode(),
        "",
        "",
        compiled.stdout(),
        false,
        compiled.stdoutTruncated(),
        compiled.ms(),
        0,
        compiled.memoryBytes(),
        message,
        Optional.of(report(suite, cases)),
        job.submittedAtMs(),
        System.currentTimeMillis());
  }

  private static TestReport report(TestSuite suite, List<CaseResult> cases) {
    int passed = 0;
    int hiddenPassed = 0;
    int hiddenTotal = 0;
    for (CaseResult c : cases) {
      boolean ok = c.status() == CaseStatus.PASSED;
      passed += ok ? 1 : 0;
      if (c.hidden()) {
        hiddenTotal++;
        hiddenPassed += ok ? 1 : 0;
      }
    }
    return new TestReport(
        passed, suite.cases().size(), hiddenPassed, hiddenTotal, cases, Optional.empty());
  }

  /**
   * The run's result. Once the hidden cases began, what everyone sees (status, time, memory,
   * output) is the run as it was then; the rest is the report's hidden phase, for interviewers. A
   * run stopped meanwhile says so to everyone: the stop came from the room, not from the program.
   */
  private RunResult result(
      RunJob job, TestSuite suite, List<CaseResult> cases, Run run, StdioConsole console) {
    TestReport report = report(suite, cases);
    RunStatus status = run.stopped ? RunStatus.STOPPED : RunStatus.OK;
    int exitCode = run.stopped ? -1 : 0;
    String message = run.stopped ? StepVerdict.STOPPED_MESSAGE : "";
    Run.Checkpoint shown = run.sealedAt.orElseGet(() -> run.checkpoint(console));
    if (run.sealedAt.isPresent()) {
      report =
          report.withHiddenPhase(
              new HiddenPhase(
                  status, exitCode, run.runMs, run.peakBytes, message, console.withheld()));
    }
    return new RunResult(
        job.runId(),
        agentId,
        status,
        exitCode,
        shown.stdout(),
        shown.stderr(),
        run.compileOutput,
        shown.stdoutTruncated(),
        shown.stderrTruncated() || run.compileTruncated,
        run.compileMs,
        shown.runMs(),
        shown.peakBytes(),
        message,
        Optional.of(report),
        job.submittedAtMs(),
        System.currentTimeMillis());
  }

  /** The figures of a run so far. */
  private static final class Run {
    /** The run at one moment, as a result may show it. */
    record Checkpoint(
        String stdout,
        String stderr,
        boolean stdoutTruncated,
        boolean stderrTruncated,
        long runMs,
        long peakBytes) {}

    final String compileOutput;
    final boolean compileTruncated;
    final long compileMs;
    long runMs;
    long peakBytes = -1;
    boolean stopped;
    boolean containerGone;
    Optional<Checkpoint> sealedAt = Optional.empty();

    Run(String compileOutput, boolean compileTruncated, long compileMs) {
      this.compileOutput = compileOutput;
      this.compileTruncated = compileTruncated;
      this.compileMs = compileMs;
    }

    void add(StepResult step) {
      runMs += step.ms();
      peakBytes = Math.max(peakBytes, step.memoryBytes());
    }

    Checkpoint checkpoint(StdioConsole console) {
      return new Checkpoint(
          console.shown(RunEvent.OutputStream.STDOUT),
          console.shown(RunEvent.OutputStream.STDERR),
          console.truncated(RunEvent.OutputStream.STDOUT),
          console.truncated(RunEvent.OutputStream.STDERR),
          runMs,
          peakBytes);
    }
  }
}
