package io.coderoom.runner.agent.sandbox;

import java.util.Optional;

/**
 * A program compiled (when it compiles) and run once in one session, for tests of the sandbox
 * itself.
 *
 * @param warm whether a pre-started container ran it
 * @param compile the compile step's result, if the program compiles
 * @param run the run step's result ({@link StopReason#STOPPED} if compiling failed)
 */
record OneRun(boolean warm, Optional<StepResult> compile, StepResult run) {

  static OneRun of(
      DockerSandbox sandbox, String image, Program program, long timeMs, long memoryMb) {
    SandboxSettings settings = sandbox.settings();
    try (SandboxSession session =
        sandbox.open(image, memoryMb, AtLimit.END_JOB, StopSignal.never())) {
      Optional<StepResult> compile =
          program
              .compileStep(settings.compileLimits())
              .map(step -> session.run(step, OutputListener.NONE));
      StepResult run =
          compile.isPresent() && !compile.get().succeeded()
              ? StepResult.notStarted()
              : session.run(program.runStep(settings.runLimits(timeMs)), OutputListener.NONE);
      return new OneRun(session.warm(), compile, run);
    }
  }

  /** What the compiler said, empty for none. */
  String compileOutput() {
    return compile.map(StepResult::stdout).orElse("");
  }
}
