package io.coderoom.runner.agent.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * One command of a job, run in the job's container after the ones before it: compile once, then run
 * the program once per test case, each with its own files and limits.
 *
 * @param kind a compile step's output (stdout and stderr in the order written) is the compiler's; a
 *     run step keeps stdout and stderr apart
 * @param command shell command, run as the sandbox user; a compile step writes into {@code
 *     /tmp/build}
 * @param files written to {@code /code} (read-only in the container) right before the step, by
 *     plain name; a name written again is replaced
 * @param limits the step's time and output limits
 */
public record Step(Kind kind, String command, Map<String, String> files, Limits limits) {

  /** What a step does. */
  public enum Kind {
    COMPILE,
    RUN
  }

  public Step {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(command, "command");
    files = Map.copyOf(files);
    Objects.requireNonNull(limits, "limits");
  }

  public static Step compile(String command, Map<String, String> files, Limits limits) {
    return new Step(Kind.COMPILE, command, files, limits);
  }

  public static Step run(String command, Map<String, String> files, Limits limits) {
    return new Step(Kind.RUN, command, files, limits);
  }

  @Override
  public String toString() {
    // The files are the candidate's code or a test's input: never in logs.
    return "Step[" + kind + " " + files.keySet() + " " + limits + "]";
  }
}
