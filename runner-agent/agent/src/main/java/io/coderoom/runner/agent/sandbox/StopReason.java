package io.coderoom.runner.agent.sandbox;

/** Why a {@link Step} ended. */
public enum StopReason {
  /** Its process exited by itself (with any status). */
  EXITED,
  /** It reached its time limit and was killed. */
  TIME_LIMIT,
  /** The container's memory limit was reached: the kernel killed it, or it thrashed to its time. */
  MEMORY_LIMIT,
  /** It wrote more than its output cap and was killed. */
  OUTPUT_LIMIT,
  /** Its job's {@link StopSignal} was pulled (someone stopped the run). */
  STOPPED
}
