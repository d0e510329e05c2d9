package io.coderoom.runner.agent.job;

import com.github.dockerjava.api.exception.NotFoundException;
import io.coderoom.runner.agent.harness.Harness;
import io.coderoom.runner.agent.harness.Judge;
import io.coderoom.runner.agent.sandbox.DockerSandbox;
import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.agent.sandbox.Program;
import io.coderoom.runner.agent.sandbox.SandboxResult;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
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
 * function-mode harness), runs it in the sandbox and turns the outcome into a {@link RunResult}.
 * Never throws: whatever fails becomes an {@link RunStatus#INTERNAL_ERROR} result with a reason.
 */
public final class RunExecutor {
  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

  /** The run's stdin inside the container. */
  static final String STDIN_FILE = ".stdin";

  private final DockerSandbox sandbox;
  private final Languages languages;
  private final String agentId;

  public RunExecutor(DockerSandbox sandbox, Languages languages, String agentId) {
    this.sandbox = sandbox;
    this.languages = languages;
    this.agentId = agentId;
  }

  public RunResult execute(RunJob job, OutputListener listener) {
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
            sandbox.execute(program, job.timeLimitMs(), job.memoryLimitMb(), listener);
        return result(job, r, r.stdout(), Optional.empty());
      }
      TestSuite suite = job.tests().orElseThrow();
      Harness harness = Harness.forLanguage(language, suite);
      String nonce = Harness.newNonce();
      Judge.Filter filter = new Judge.Filter(nonce, suite, listener);
      SandboxResult r =
          sandbox.execute(
              harness.program(job.code(), nonce), job.timeLimitMs(), job.memoryLimitMb(), filter);
      filter.flush();
      Judge.Verdict verdict = Judge.judge(suite, r.stdout(), nonce);
      boolean ran = r.status() == RunStatus.OK || r.status() == RunStatus.RUNTIME_ERROR;
      return result(
          job,
          r,
          verdict.candidateOutput(),
          ran || verdict.report().cases().size() > 0
              ? Optional.of(verdict.report())
              : Optional.<TestReport>empty());
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

  private RunResult result(RunJob job, SandboxResult r, String stdout, Optional<TestReport> tests) {
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
        r.message(),
        tests,
        job.submittedAtMs(),
        System.currentTimeMillis());
  }
}
