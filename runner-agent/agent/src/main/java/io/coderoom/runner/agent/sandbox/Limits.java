package io.coderoom.runner.agent.sandbox;

/**
 * The limits of one {@link Step}. Memory is not among them: it is the container's, shared by every
 * step of a job (one cgroup), and set when the job's {@link SandboxSession} opens.
 *
 * @param timeMs wall-clock time the step may take; at the limit its processes are killed ({@link
 *     StopReason#TIME_LIMIT})
 * @param outputBytes cap per output stream; a step writing more is stopped ({@link
 *     StopReason#OUTPUT_LIMIT})
 */
public record Limits(long timeMs, long outputBytes) {
  /** The most output a step may capture, whatever its job's answers need: it is held in memory. */
  public static final long MAX_OUTPUT_BYTES = 16L * 1024 * 1024;

  public Limits {
    if (timeMs <= 0) {
      throw new IllegalArgumentException("a step's time limit must be positive, was " + timeMs);
    }
    if (outputBytes <= 0) {
      throw new IllegalArgumentException(
          "a step's output cap must be positive, was " + outputBytes);
    }
  }

  /** These limits with another output cap (at most {@link #MAX_OUTPUT_BYTES}). */
  public Limits withOutputBytes(long bytes) {
    return new Limits(timeMs, Math.min(bytes, MAX_OUTPUT_BYTES));
  }
}
