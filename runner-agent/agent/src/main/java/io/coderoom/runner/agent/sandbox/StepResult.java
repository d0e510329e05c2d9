package io.coderoom.runner.agent.sandbox;

import java.util.Objects;
import java.util.Optional;

/**
 * How one {@link Step} went.
 *
 * @param reason why it ended
 * @param exitCode its exit status, -1 when it has none (killed by the sandbox)
 * @param stdout its standard output up to the cap (a compile step's whole output)
 * @param stderr its standard error up to the cap (empty for a compile step)
 * @param stdoutTruncated whether stdout passed the cap
 * @param stderrTruncated whether stderr passed the cap
 * @param ms its wall-clock time
 * @param cpuMs the CPU time its processes used (all of the container's while it ran), -1 if unknown
 * @param memoryBytes the container's peak memory during the step, -1 if unknown
 * @param sealed the step as it stood when its {@link Conversation} sealed it, if one did
 */
public record StepResult(
    StopReason reason,
    int exitCode,
    String stdout,
    String stderr,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    long ms,
    long cpuMs,
    long memoryBytes,
    Optional<Checkpoint> sealed) {

  public StepResult {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(sealed, "sealed");
  }

  /** Whether it exited by itself with status 0. */
  public boolean succeeded() {
    return reason == StopReason.EXITED && exitCode == 0;
  }

  /** A step that never started: its job was stopped first. */
  static StepResult notStarted() {
    return new StepResult(
        StopReason.STOPPED, -1, "", "", false, false, 0, -1, -1, Optional.empty());
  }
}
