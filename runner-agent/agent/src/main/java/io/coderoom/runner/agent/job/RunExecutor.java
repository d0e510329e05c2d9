package io.coderoom.runner.agent.job;

import com.github.dockerjava.api.exception.NotFoundException;
import io.coderoom.runner.agent.harness.CaseFeed;
import io.coderoom.runner.agent.harness.Harness;
import io.coderoom.runner.agent.sandbox.DockerSandbox;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.agent.sandbox.Program;
import io.coderoom.runner.agent.sandbox.SandboxResult;
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
 * function-mode harness), runs it in the sandbox and turns the outcome into a {@link RunResult}; a
 * stdio problem's job goes to {@link StdioRun} (compile once, one run per case). Never throws:
 * whatever fails becomes an {@link RunStatus#INTERNAL_ERROR} result with a reason.
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
                language.image(),
                Map.of(language.fileName(), job.code(), STDIN_FILE, job.stdin()),
                language.compile(),
                language.run() + " < /code/" + STDIN_FILE);
        SandboxResult r =
            sandbox.execute(program, job.timeLimitMs(), job.memoryLimitMb(), listener, stop);
        return result(job, r, r.stdout(), Optional.empty(), r.message());
      }
      TestSuite suite = job.tests().orElseThrow();
      if (suite.ofKind(TestSuite.STDIO)) {
        return stdio.execute(job, language, suite, listener, stop);
      }
      Harness harness = Harness.forLanguage(language, suite);
      String nonce = Harness.newNonce();
      CaseFeed feed = new CaseFeed(suite, nonce, listener);
      SandboxResult r =
          sandbox.converse(
              harness.program(job.code(), nonce),
              job.timeLimitMs(),
              job.memoryLimitMb(),
              feed,
              stop);
      feed.flush();
      return testResult(job, r, feed);
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
   * A function-mode run's result. Once the hidden cases began (the run was sealed), the status,
   * exit code, time, memory and output everyone sees are those of that moment, when the program had
   * got through its public cases; how it went on is in the report's hidden phase, for interviewers.
   * A run stopped meanwhile says so to everyone: the stop came from the room, not from the program.
   */
  private RunResult testResult(RunJob job, SandboxResult r, CaseFeed feed) {
    TestReport report = feed.report(r.status() == RunStatus.TIMEOUT);
    boolean ran = r.status() == RunStatus.OK || r.status() == RunStatus.RUNTIME_ERROR;
    Optional<TestReport> tests =
        ran || !report.cases().isEmpty() ? Optional.of(report) : Optional.empty();
    String stdout = feed.shown(RunEvent.OutputStream.STDOUT);
    // Ended at one case's deadline rather than the run's: say so, not "ran longer than 5000 ms".
    String message =
        r.status() == RunStatus.TIMEOUT && feed.overrunCase().isPresent()
            ? "A test case went over its time limit; the run was stopped there."
            : r.message();
    if (r.sealed().isEmpty()) {
      // Never got to a hidden case: all of it may be shown.
      return result(job, r, stdout, tests, message);
    }
    SandboxResult.Checkpoint sealed = r.sealed().get();
    HiddenPhase hidden =
        new HiddenPhase(
            r.status(), r.exitCode(), r.runMs(), r.memoryBytes(), message, feed.withheld());
    boolean stopped = r.status() == RunStatus.STOPPED;
    return new RunResult(
        job.runId(),
        agentId,
        stopped ? RunStatus.STOPPED : RunStatus.OK,
        stopped ? -1 : 0,
        stdout,
        feed.shown(RunEvent.OutputStream.STDERR),
        r.compileOutput(),
        sealed.stdoutTruncated(),
        sealed.stderrTruncated(),
        r.compileMs(),
        sealed.runMs(),
        sealed.memoryBytes(),
        stopped ? r.message() : "",
        Optional.of(report.withHiddenPhase(hidden)),
        job.submittedAtMs(),
        System.currentTimeMillis());
  }

  private RunResult result(
      RunJob job, SandboxResult r, String stdout, Optional<TestReport> tests, String message) {
    return new RunResult(
        job.runId(),
        agentId,
        r.status(),
        r.exitCode(),
        stdout,
        r.stderr(),
        r.compileOutput(),
        r.stdoutTruncated(),
        r.stderrTruncated(),
        r.compileMs(),
        r.runMs(),
        r.memoryBytes(),
        message,
        tests,
        job.submittedAtMs(),
        System.currentTimeMillis());
  }
}
