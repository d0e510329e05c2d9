package io.coderoom.runner.agent.sandbox;

import java.util.Objects;
import java.util.Optional;

/**
 * A job of many {@link Step steps} in one container ({@link DockerSandbox#open}): compile once,
 * then run the program once per test case. Steps run one at a time, in the order asked, so the
 * caller decides what the next one is from the results so far (no run after a failed compile, a
 * hidden case's input only after every public case reported). Not for use by several threads.
 */
public final class SandboxSession implements AutoCloseable {
  private final DockerSandbox sandbox;
  private final Optional<Box> box;
  private final AtLimit atLimit;
  private final StopSignal stop;
  private boolean closed;
  private boolean ranBefore;

  SandboxSession(DockerSandbox sandbox, Optional<Box> box, AtLimit atLimit, StopSignal stop) {
    this.sandbox = sandbox;
    this.box = box;
    this.atLimit = atLimit;
    this.stop = stop;
  }

  /**
   * Writes the step's files and runs its command to its end or its limits; its output goes to
   * {@code listener} as it comes. A step asked for after the stop signal was pulled does not start
   * ({@link StopReason#STOPPED}).
   *
   * @throws com.github.dockerjava.api.exception.DockerException if the container is gone (a process
   *     of an earlier step ended it)
   */
  public StepResult run(Step step, OutputListener listener) {
    return run(step, listener, Optional.empty());
  }

  /**
   * Like {@link #run}, with the step's stdin written by {@code conversation} as its output comes
   * (the step's command must not redirect stdin); the result tells how the step stood when the
   * conversation sealed it.
   */
  public StepResult converse(Step step, Conversation conversation) {
    return run(step, conversation, Optional.of(conversation));
  }

  private StepResult run(Step step, OutputListener listener, Optional<Conversation> conversation) {
    Objects.requireNonNull(step, "step");
    if (closed) {
      throw new IllegalStateException("the session is closed");
    }
    if (box.isEmpty()) {
      return StepResult.notStarted();
    }
    boolean afterRun = ranBefore;
    ranBefore |= step.kind() == Step.Kind.RUN;
    return sandbox.sessionStep(box.get(), step, atLimit, afterRun, listener, conversation, stop);
  }

  /** Whether a pre-started container runs the steps. */
  public boolean warm() {
    return box.map(Box::warm).orElse(false);
  }

  /** Removes the container (in the background). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      box.ifPresent(sandbox::release);
    }
  }
}
