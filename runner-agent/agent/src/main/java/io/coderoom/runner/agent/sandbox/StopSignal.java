package io.coderoom.runner.agent.sandbox;

import java.util.Optional;

/**
 * Asks the sandbox to stop one run before it ends by itself: someone in the room stopped it. Pulled
 * from any thread, at any time: before the run has a container (it never gets one), while it
 * compiles or runs (its container is killed at once), or after it ended (nothing happens). Each run
 * has its own.
 */
public final class StopSignal {
  private boolean stopped;
  private Optional<Runnable> onStop = Optional.empty();

  /** A signal nobody pulls, for runs that cannot be stopped (benchmarks, direct sandbox use). */
  public static StopSignal never() {
    return new StopSignal();
  }

  /** Stops the run: the action watching it, if any, runs now on this thread. */
  public void stop() {
    Optional<Runnable> action;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      action = onStop;
    }
    action.ifPresent(Runnable::run);
  }

  public synchronized boolean stopped() {
    return stopped;
  }

  /**
   * Runs {@code action} when the signal is pulled, or now if it was already, until {@link
   * #unwatch()}. One action at a time: the step of the run going on now.
   */
  void watch(Runnable action) {
    boolean already;
    synchronized (this) {
      already = stopped;
      onStop = already ? Optional.empty() : Optional.of(action);
    }
    if (already) {
      action.run();
    }
  }

  synchronized void unwatch() {
    onStop = Optional.empty();
  }
}
