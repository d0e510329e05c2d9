package io.coderoom.runner.agent.sandbox;

import io.coderoom.runner.protocol.RunStatus;

/**
 * What a step's end means to the room: the run status its {@link StopReason} stands for, and the
 * sentence people read. Every kind of job (run once, function tests, stdio cases) says it the same
 * way.
 */
public final class StepVerdict {
  /** The message of a stopped run (the server may name who stopped it instead). */
  public static final String STOPPED_MESSAGE = "The run was stopped before it finished.";

  private StepVerdict() {}

  /** The status of a program step that ended so. */
  public static RunStatus status(StepResult step) {
    return switch (step.reason()) {
      case EXITED -> step.exitCode() == 0 ? RunStatus.OK : RunStatus.RUNTIME_ERROR;
      case TIME_LIMIT -> RunStatus.TIMEOUT;
      case MEMORY_LIMIT -> RunStatus.OOM;
      case OUTPUT_LIMIT -> RunStatus.OUTPUT_LIMIT;
      case STOPPED -> RunStatus.STOPPED;
    };
  }

  /** The status of a compile step that did not succeed: a compiler's own failure is the code's. */
  public static RunStatus compileStatus(StepResult compile) {
    return compile.reason() == StopReason.EXITED ? RunStatus.COMPILE_ERROR : status(compile);
  }

  /** Why compiling failed, in a sentence. */
  public static String compileMessage(StepResult compile, Limits limits, long memoryMb) {
    return switch (compileStatus(compile)) {
      case TIMEOUT ->
          "Compilation took longer than " + limits.timeMs() / 1000 + " s and was stopped.";
      case OOM -> "The compiler ran out of memory (" + memoryMb + " MB).";
      case OUTPUT_LIMIT -> "The compiler wrote too much output and was stopped.";
      case STOPPED -> STOPPED_MESSAGE;
      default -> "Compilation failed.";
    };
  }

  /** How a program's run step ended, in a sentence; empty when it exited with status 0. */
  public static String runMessage(StepResult run, Limits limits, long memoryMb) {
    return switch (status(run)) {
      case TIMEOUT -> "The program ran longer than " + limits.timeMs() + " ms and was stopped.";
      case OOM -> "The program ran out of memory (" + memoryMb + " MB) and was stopped.";
      case OUTPUT_LIMIT ->
          "The program wrote more than "
              + limits.outputBytes() / 1024
              + " KB of output and was stopped.";
      case RUNTIME_ERROR -> "The program exited with status " + run.exitCode() + ".";
      case STOPPED -> STOPPED_MESSAGE;
      default -> "";
    };
  }
}
