package io.coderoom.runner.agent.sandbox;

/** What a {@link Step} that reaches a limit takes with it. */
public enum AtLimit {
  /**
   * The container, and so the rest of the job: for a job that runs its program once. The surest
   * end, as nothing the program started can outlive it, and the quickest.
   */
  END_JOB,
  /**
   * Only the step's processes: the job's next step (the next test case) runs in the same container.
   * A process that escapes the kill ends the container after all.
   */
  END_STEP
}
