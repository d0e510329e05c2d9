package io.coderoom.runner.protocol;

/**
 * How long the agent waits on the wall clock for each test case, and so for a whole suite. A case's
 * own limit is what its program may use; these add what the agent cannot charge to the program (the
 * input's transfer, the runtime's start), so the server and the agent agree on how long a test run
 * may take.
 */
public final class CaseDeadlines {
  /**
   * Time beyond a case's limit a function-mode program gets to answer: moving and parsing input.
   */
  public static final long ANSWER_GRACE_MS = 1_000;

  /** Extra time for the first answer: the program starts (a JVM, the runtime) meanwhile. */
  public static final long STARTUP_ALLOWANCE_MS = 3_000;

  /**
   * A stdio case's limit is on the CPU time its program uses (the runtime's start included, as the
   * program needs it): a loaded machine stretches wall-clock time, not the work. The wall clock
   * still ends a program that waits, loops or is starved: at this many times its limit, plus {@link
   * #STDIO_WALL_ALLOWANCE_MS}, so an endless loop stops a few seconds after its limit (its CPU time
   * then shows it over the limit), not at many times it.
   */
  public static final long STDIO_WALL_FACTOR = 2;

  /** Wall-clock time a stdio case's run gets beyond {@link #STDIO_WALL_FACTOR} times its limit. */
  public static final long STDIO_WALL_ALLOWANCE_MS = 3_000;

  private CaseDeadlines() {}

  /** How long a function-mode case has to answer once its input is written. */
  public static long answerMs(TestSuite.Case c, boolean first) {
    return c.timeLimitMs() + ANSWER_GRACE_MS + (first ? STARTUP_ALLOWANCE_MS : 0);
  }

  /** How long a stdio case's program may run on the wall clock. */
  public static long stdioWallMs(TestSuite.Case c) {
    return STDIO_WALL_FACTOR * c.timeLimitMs() + STDIO_WALL_ALLOWANCE_MS;
  }

  /**
   * The longest a run of the whole suite may take, compiling aside: every case up to its deadline.
   * Cases normally end far sooner; this only bounds a program that uses all it is given.
   */
  public static long suiteMs(TestSuite suite) {
    long total = 0;
    boolean first = true;
    for (TestSuite.Case c : suite.cases()) {
      total += suite.ofKind(TestSuite.STDIO) ? stdioWallMs(c) : answerMs(c, first);
      first = false;
    }
    return total;
  }
}
