package io.coderoom.runner.agent.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * What to execute in one container.
 *
 * @param image the runner image
 * @param files files written to {@code /code} (read-only in the container), by name
 * @param compile shell command that compiles into {@code /tmp/build}, empty for none
 * @param run shell command that runs the program, stdin included
 */
public record Program(String image, Map<String, String> files, String compile, String run) {
  public Program {
    Objects.requireNonNull(image, "image");
    files = Map.copyOf(files);
    Objects.requireNonNull(compile, "compile");
    Objects.requireNonNull(run, "run");
  }

  @Override
  public String toString() {
    // The files are the candidate's: never in logs.
    return "Program[" + image + " " + files.keySet() + "]";
  }
}
