package io.coderoom.runner.protocol;

/** How a run ended. Each is distinct so the room can say exactly what happened. */
public enum RunStatus {
  /** The program ran and exited with status 0. */
  OK,
  /** The compiler rejected the code; its output is in the result's compile output. */
  COMPILE_ERROR,
  /** The program exited with a non-zero status or was killed by a signal it caused. */
  RUNTIME_ERROR,
  /** The wall-clock limit passed; the agent killed the container. */
  TIMEOUT,
  /** The container hit its memory limit and the kernel killed the program. */
  OOM,
  /** The program wrote more than the output cap; the agent stopped it. */
  OUTPUT_LIMIT,
  /** The runner failed, not the program (no image, Docker down, job given up after retries). */
  INTERNAL_ERROR,
  /**
   * Someone in the room stopped the run ({@link RedisKeys#runStop(String)}); the agent killed the
   * container, or never started one.
   */
  STOPPED
}
