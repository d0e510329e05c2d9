package io.coderoom.runner.agent.sandbox;

/**
 * A program that is given its input while it runs. The sandbox attaches the run step's stdin, hands
 * it to the conversation before the program starts, and then passes every chunk of output (capped
 * and decoded, compiler output included) in order on one thread, so the conversation can answer
 * what the program said with its next input.
 */
public interface Conversation extends OutputListener {

  /** The run step is about to start; {@code input} is its stdin. */
  void started(Input input);

  /**
   * Asked when a {@link Input#deadline(long) deadline} passes, on the sandbox's timer thread:
   * whether the program is late with its answer, in which case the sandbox ends the run step as at
   * its time limit ({@code TIMEOUT}).
   */
  default boolean overdue() {
    return false;
  }

  /** The run step's stdin. */
  interface Input {
    /** Queues text for the program's stdin; never blocks. */
    void write(String text);

    /**
     * Marks the moment from which the program may know what must not be shown: the sandbox reads
     * the run's time, memory and output cap state now ({@link StepResult#sealed()}), which is all a
     * result may tell of the run. Call it before writing the secret input; later calls do nothing.
     */
    void seal();

    /**
     * Asks {@link Conversation#overdue()} once {@code ms} have passed, and ends the run step if it
     * says the program is late. A later call replaces the earlier deadline; the step's end cancels
     * it. So one slow answer (an endless loop in one test case) ends the run long before the whole
     * run's time limit.
     */
    void deadline(long ms);

    /**
     * Ends the run step as at its output cap ({@code OUTPUT_LIMIT}): the program printed more of
     * its own than it may, counted by the conversation, which knows its answers from the rest.
     */
    void overflow();
  }
}
