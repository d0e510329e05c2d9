package io.coderoom.runner.agent.sandbox;

import io.coderoom.runner.protocol.RunStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in the container.
 *
 * @param warm whether a pre-started container ran it
 * @param sealed the run step as it was when a {@link Conversation} sealed it, if one did
 */
public record SandboxResult(
    RunStatus status,
    int exitCode,
    String stdout,
    String stderr,
    String compileOutput,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    long compileMs,
    long runMs,
    long memoryBytes,
    String message,
    boolean warm,
    Optional<Checkpoint> sealed) {

  public SandboxResult {
    Objects.requireNonNull(sealed, "sealed");
  }

  /**
   * The run step at one moment.
   *
   * @param runMs wall-clock time since the step started
   * @param memoryBytes the container's peak memory so far, -1 if unknown
   * @param stdoutTruncated whether stdout had passed the cap
   * @param stderrTruncated whether stderr had passed the cap
   */
  public record Checkpoint(
      long runMs, long memoryBytes, boolean stdoutTruncated, boolean stderrTruncated) {}
}
