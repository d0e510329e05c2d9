package io.coderoom.runner.agent.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A program in one language as a job's steps: its files, the command that compiles them and the one
 * that runs it.
 *
 * @param files files written to {@code /code} (read-only in the container), by name
 * @param compile shell command that compiles into {@code /tmp/build}, empty for none
 * @param run shell command that runs the program, stdin included
 */
public record Program(Map<String, String> files, String compile, String run) {
  public Program {
    files = Map.copyOf(files);
    Objects.requireNonNull(compile, "compile");
    Objects.requireNonNull(run, "run");
  }

  /** The compile step, with the files, when the program compiles. */
  public Optional<Step> compileStep(Limits limits) {
    return compile.isBlank() ? Optional.empty() : Optional.of(Step.compile(compile, files, limits));
  }

  /** The run step; it writes the files when no compile step did. */
  public Step runStep(Limits limits) {
    return Step.run(run, compile.isBlank() ? files : Map.of(), limits);
  }

  @Override
  public String toString() {
    // The files are the candidate's: never in logs.
    return "Program[" + files.keySet() + "]";
  }
}
