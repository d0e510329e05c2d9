package io.coderoom.runner.agent.job;

import com.github.dockerjava.api.exception.NotFoundException;
import io.coderoom.runner.agent.harness.CaseFeed;
import io.coderoom.runner.agent.harness.Harness;
import io.coderoom.runner.agent.sandbox.AtLimit;
import io.coderoom.runner.agent.sandbox.Checkpoint;
import io.coderoom.runner.agent.sandbox.DockerSandbox;
import io.coderoom.runner.agent.sandbox.Limits;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.agent.sandbox.Program;
import io.coderoom.runner.agent.sandbox.SandboxSession;
import io.coderoom.runner.agent.sandbox.SandboxSettings;
import io.coderoom.runner.agent.sandbox.Step;
import io.coderoom.runner.agent.sandbox.StepResult;
import io.coderoom.runner.agent.sandbox.StepVerdict;
import io.coderoom.runner.agent.sandbox.StopSignal;
import io.coderoom.runner.agent.stdio.StdioRun;
import io.coderoom.runner.protocol.HiddenPhase;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunMode;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestSuite;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one job: picks the language, builds the program (the candidate's file and stdin, or the
 * function-mode harness), runs its steps in a sandbox session (compile, then run) and turns their
 * results into a {@link RunResult}; a stdio problem's job goes to {@link StdioRun} (compile once,
 * one run per case). Never throws: whatever fails becomes an {@link RunStatus#INTERNAL_ERROR}
 * result with a reason.
 */
public final class RunExecutor {
  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

  /** The run's stdin inside the container. */
  static final String STDIN_FILE = ".stdin";

  private final DockerSandbox sandbox;
  private final Languages languages;
  private final String agentId;
  private final StdioRun stdio;

  public RunExecutor(DockerSandbox sandbox, Languages languages, String agentId) {
    this.sandbox = sandbox;
    this.languages = languages;
    this.agentId = agentId;
    this.stdio = new StdioRun(sandbox, agentId);
  }

  public RunResult execute(RunJob job, OutputListener listener) {
    return execute(job, listener, StopSignal.never());
  }

  /** Executes the job until it ends or {@code stop} is pulled ({@link RunStatus#STOPPED}). */
  public RunResult execute(RunJob job, OutputListener listener, StopSignal stop) {
    Optional<Language> found = languages.find(job.language());
    if (found.isEmpty()) {
      return RunResult.internalError(
          job.runId(),
          agentId,
          "Unknown language '" + job.language() + "': pick one of the listed languages.",
          job.submittedAtMs());
    }
    Language language = found.get();
    try {
      if (job.mode() == RunMode.RUN) {
        Program program =
            new Program(
                Map.of(language.fileName(), job.code(), STDIN_FILE, job.stdin()),
                language.compile(),
                language.run() + " < /code/" + STDIN_FILE);
        return run(job, language, program, listener, Optional.empty(), stop);
      }
      TestSuite suite = job.tests().orElseThrow();
      if (suite.ofKind(TestSuite.STDIO)) {
        return stdio.execute(job, language, suite, listener, stop);
      }
      Harness harness = Harness.forLanguage(language, suite);
      String nonce = Harness.newNonce();
      CaseFeed feed = new CaseFeed(suite, nonce, listener, sandbox.settings().outputLimitBytes());
      return run(job, language, harness.program(job.code(), nonce), feed, Optional.of(feed), stop);
    } catch (NotFoundException e) {
      log.error("{} {} image missing: {}", agentId, job, e.getMessage());
      return RunResult.internalError(
          job.runId(),
          agentId,
          "The runner image "
              + language.image()
              + " is missing on agent "
              + agentId
              + ": build it with deploy/runner-images/build.sh.",
          job.submittedAtMs());
    } catch (IllegalArgumentException e) {
      return RunResult.internalError(
          job.runId(),
          agentId,
          "The run cannot be executed: " + e.getMessage(),
          job.submittedAtMs());
    } catch (RuntimeException e) {
      log.error("{} {} failed in the runner", agentId, job, e);
      return RunResult.internalError(
          job.runId(),
          agentId,
          "The runner failed to execute the program ("
              + e.getClass().getSimpleName()
              + "); try again.",
          job.submittedAtMs());
    }
  }

  /**
   * Compiles the program (when it compiles) and runs it once in one container; in function mode the
   * case feed writes its stdin and judges what it prints.
   */
  private RunResult run(
      RunJob job,
      Language language,
      Program program,
      OutputListener listener,
      Optional<CaseFeed> feed,
      StopSignal stop) {
    SandboxSettings settings = sandbox.settings();
    long memoryMb = settings.memoryMb(job.memoryLimitMb());
    Limits runLimits = settings.runLimits(job.timeLimitMs());
    try (SandboxSession session = sandbox.open(language.image(), memoryMb, AtLimit.END_JOB, stop)) {
      Optional<StepResult> compiled =
          program.compileStep(settings.compileLimits()).map(step -> session.run(step, listener));
      if (compiled.isPresent() && !compiled.get().succeeded()) {
        StepResult c = compiled.get();
        return new RunResult(
            job.runId(),
            agentId,
            StepVerdict.compileStatus(c),
            c.exitCode(),
            "",
            "",
            c.stdout(),
            false,
            c.stdoutTruncated(),
            c.ms(),
            0,
            c.memoryBytes(),
            StepVerdict.compileMessage(c, settings.compileLimits(), memoryMb),
            Optional.empty(),
            job.submittedAtMs(),
            System.currentTimeMillis());
      }
      // A function-mode program's answers come on its stdout too, and do not count to its cap.
      Step step =
          program.runStep(
              feed.map(f -> runLimits.withOutputBytes(f.stepOutputBytes())).orElse(runLimits));
      StepResult ran =
          feed.isPresent() ? session.converse(step, feed.get()) : session.run(step, listener);
      Compiled compile =
          compiled
              .map(c -> new Compiled(c.stdout(), c.stdoutTruncated(), c.ms()))
              .orElse(Compiled.NONE);
      String message = StepVerdict.runMessage(ran, runLimits, memoryMb);
      if (feed.isEmpty()) {
        return result(
            job, compile, ran, ran.stdout(), ran.stdoutTruncated(), Optional.empty(), message);
      }
      feed.get().flush();
      return testResult(job, compile, ran, message, feed.get());
    }
  }

  /** What compiling said and took (nothing for a language that does not compile). */
  private record Compiled(String output, boolean truncated, long ms) {
    static final Compiled NONE = new Compiled("", false, 0);
  }

  /**
   * A function-mode run's result. Once the hidden cases began (the run was sealed), the status,
   * exit code, time, memory and output everyone sees are those of that moment, when the program had
   * got through its public cases; how it went on is in the report's hidden phase, for interviewers.
   * A run stopped meanwhile says so to everyone: the stop came from the room, not from the program.
   */
  private RunResult testResult(
      RunJob job, Compiled compile, StepResult r, String runMessage, CaseFeed feed) {
    RunStatus status = StepVerdict.status(r);
    TestReport report = feed.report(status == RunStatus.TIMEOUT);
    boolean ran = status == RunStatus.OK || status == RunStatus.RUNTIME_ERROR;
    Optional<TestReport> tests =
        ran || !report.cases().isEmpty() ? Optional.of(report) : Optional.empty();
    String stdout = feed.shown(RunEvent.OutputStream.STDOUT);
    // Ended at one case's deadline rather than the run's: say so, not "ran longer than 5000 ms".
    String message =
        status == RunStatus.TIMEOUT && feed.overrunCase().isPresent()
            ? "A test case went over its time limit; the run was stopped there."
            : runMessage;
    if (r.sealed().isEmpty()) {
      // Never got to a hidden case: all of it may be shown.
      return result(
          job, compile, r, stdout, r.stdoutTruncated() || feed.overflowed(), tests, message);
    }
    Checkpoint sealed = r.sealed().get();
    HiddenPhase hidden =
        new HiddenPhase(status, r.exitCode(), r.ms(), r.memoryBytes(), message, feed.withheld());
    boolean stopped = status == RunStatus.STOPPED;
    return new RunResult(
        job.runId(),
        agentId,
        stopped ? RunStatus.STOPPED : RunStatus.OK,
        stopped ? -1 : 0,
        stdout,
        feed.shown(RunEvent.OutputStream.STDERR),
        compile.output(),
        sealed.stdoutTruncated(),
        sealed.stderrTruncated() || compile.truncated(),
        compile.ms(),
        sealed.runMs(),
        sealed.memoryBytes(),
        stopped ? message : "",
        Optional.of(report.withHiddenPhase(hidden)),
        job.submittedAtMs(),
        System.currentTimeMillis());
  }

  private RunResult result(
      RunJob job,
      Compiled compile,
      StepResult r,
      String stdout,
      boolean stdoutTruncated,
      Optional<TestReport> tests,
      String message) {
    return new RunResult(
        job.runId(),
        agentId,
        StepVerdict.status(r),
        r.exitCode(),
        stdout,
        r.stderr(),
        compile.output(),
        stdoutTruncated,
        r.stderrTruncated() || compile.truncated(),
        compile.ms(),
        r.ms(),
        r.memoryBytes(),
        message,
        tests,
        job.submittedAtMs(),
        System.currentTimeMillis());
  }
}
