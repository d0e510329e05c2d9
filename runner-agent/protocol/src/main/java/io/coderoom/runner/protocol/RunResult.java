package io.coderoom.runner.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The final result of a run, an entry of {@link RedisKeys#RESULTS_STREAM}; servers persist it and
 * announce it to the room.
 *
 * <p>Every field here may be shown to everyone in the room. A function-mode run that got to its
 * hidden cases is described as it was when the first hidden input was sent (status {@code OK}, exit
 * code 0, the time and memory at that moment, what was printed until then): how it went from there
 * is in {@link TestReport#hiddenPhase()}, which servers show to interviewers only.
 *
 * @param runId the run
 * @param agentId the agent that finished it (or gave up on it)
 * @param status how it ended
 * @param exitCode the program's exit status, -1 when it has none (not started, killed by us)
 * @param stdout the program's standard output up to the cap
 * @param stderr its standard error up to the cap
 * @param compileOutput the compiler's messages up to the cap
 * @param stdoutTruncated whether stdout passed the cap
 * @param stderrTruncated whether stderr (or the compile output) passed the cap
 * @param compileMs compilation time, 0 if the language compiles nothing
 * @param runMs the program's wall-clock time
 * @param memoryBytes the container's peak memory use, -1 if unknown
 * @param message a sentence for people when status says too little (timeouts, internal errors)
 * @param tests the comparison of a function-mode run
 * @param submittedAtMs when the job was queued
 * @param finishedAtMs when the agent finished it
 */
public record RunResult(
    String runId,
    String agentId,
    RunStatus status,
    int exitCode,
    String stdout,
    String stderr,
    String compileOutput,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    long compileMs,
    long runMs,
    long memoryBytes,
    String message,
    Optional<TestReport> tests,
    long submittedAtMs,
    long finishedAtMs) {

  public RunResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(compileOutput, "compileOutput");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(tests, "tests");
  }

  /** A run the agent could not execute at all. */
  public static RunResult internalError(
      String runId, String agentId, String message, long submittedAtMs) {
    return notRun(runId, agentId, RunStatus.INTERNAL_ERROR, message, submittedAtMs);
  }

  /** A run that ended without its program running: no output, no figures, only why. */
  public static RunResult notRun(
      String runId, String agentId, RunStatus status, String message, long submittedAtMs) {
    return new RunResult(
        runId,
        agentId,
        status,
        -1,
        "",
        "",
        "",
        false,
        false,
        0,
        0,
        -1,
        message,
        Optional.empty(),
        submittedAtMs,
        System.currentTimeMillis());
  }

  /** The same result with another message (the server names who stopped a run). */
  public RunResult withMessage(String message) {
    return new RunResult(
        runId,
        agentId,
        status,
        exitCode,
        stdout,
        stderr,
        compileOutput,
        stdoutTruncated,
        stderrTruncated,
        compileMs,
        runMs,
        memoryBytes,
        message,
        tests,
        submittedAtMs,
        finishedAtMs);
  }

  public Map<String, String> toFields() {
    Map<String, String> f = new HashMap<>();
    f.put("runId", runId);
    f.put("agentId", agentId);
    f.put("status", status.name());
    f.put("exitCode", Integer.toString(exitCode));
    f.put("stdout", stdout);
    f.put("stderr", stderr);
    f.put("compileOutput", compileOutput);
    f.put("stdoutTruncated", Boolean.toString(stdoutTruncated));
    f.put("stderrTruncated", Boolean.toString(stderrTruncated));
    f.put("compileMs", Long.toString(compileMs));
    f.put("runMs", Long.toString(runMs));
    f.put("memoryBytes", Long.toString(memoryBytes));
    f.put("message", message);
    tests.ifPresent(t -> f.put("tests", t.toJson()));
    f.put("submittedAtMs", Long.toString(submittedAtMs));
    f.put("finishedAtMs", Long.toString(finishedAtMs));
    return f;
  }

  /**
   * Reads a result back.
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  public static RunResult fromFields(Map<String, String> f) {
    try {
      String tests = f.get("tests");
      return new RunResult(
          Fields.required(f, "runId"),
          Fields.required(f, "agentId"),
          Fields.requiredEnum(f, "status", RunStatus.class),
          Integer.parseInt(Fields.required(f, "exitCode")),
          Fields.optional(f, "stdout", ""),
          Fields.optional(f, "stderr", ""),
          Fields.optional(f, "compileOutput", ""),
          Boolean.parseBoolean(Fields.optional(f, "stdoutTruncated", "false")),
          Boolean.parseBoolean(Fields.optional(f, "stderrTruncated", "false")),
          Fields.requiredLong(f, "compileMs"),
          Fields.requiredLong(f, "runMs"),
          Fields.requiredLong(f, "memoryBytes"),
          Fields.optional(f, "message", ""),
          tests == null ? Optional.empty() : Optional.of(TestReport.fromJson(tests)),
          Fields.requiredLong(f, "submittedAtMs"),
          Fields.requiredLong(f, "finishedAtMs"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed run result: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "RunResult[" + runId + " " + status + " exit=" + exitCode + " runMs=" + runMs + "]";
  }
}
