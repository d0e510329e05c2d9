package io.coderoom.server.run;

import io.coderoom.runner.protocol.RunMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a run is for, as the room, the API and the {@code runs} table name it: a plain run of the
 * program with its input, a run of the problem's examples (its public tests, shown in full to
 * everyone), or a submission (every test, hidden ones included).
 */
public enum RunKind {
  /** The program on the Input tab's text ({@code run}). */
  RUN("run", RunMode.RUN),
  /** The problem's public tests only ({@code run_examples}). */
  EXAMPLES("examples", RunMode.TEST),
  /** Every test of the problem ({@code submit}); stored and sent as {@code test}, as always. */
  SUBMIT("test", RunMode.TEST);

  private final String wireName;
  private final RunMode jobMode;

  RunKind(String wireName, RunMode jobMode) {
    this.wireName = wireName;
    this.jobMode = jobMode;
  }

  /** The {@code mode} of the run in events, the API and the {@code runs} table. */
  public String wireName() {
    return wireName;
  }

  /** What the agent is asked to do. */
  public RunMode jobMode() {
    return jobMode;
  }

  /** The kind a {@code mode} names. */
  public static Optional<RunKind> fromWire(String mode) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(mode)).findFirst();
  }
}
