package io.coderoom.runner.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run request, an entry of {@link RedisKeys#JOBS_STREAM}. The server fills it from the room's
 * {@code code} document (never from a client's request); the agent executes it.
 *
 * @param runId unique id of the run; names its output stream and its ownership fence
 * @param language a {@link Language#id()}
 * @param mode run (stdin to stdout) or test (function mode)
 * @param code the candidate's source, written to the language's file name
 * @param stdin input of a {@link RunMode#RUN} job (empty for tests)
 * @param tests the problem's function signature and cases, present exactly for {@link
 *     RunMode#TEST}; expected outputs stay in the agent
 * @param timeLimitMs wall-clock limit of the program (compilation has its own)
 * @param memoryLimitMb memory limit of the container (memory and swap together)
 * @param submittedAtMs when the server queued it, epoch milliseconds (latency measurements)
 * @param traceContext the W3C trace context of the server's span that queued it ({@code
 *     traceparent}, and {@code tracestate} when there is one), so the agent's spans join the run's
 *     trace; empty for a job from a server that sends none, which runs all the same
 */
public record RunJob(
    String runId,
    String language,
    RunMode mode,
    String code,
    String stdin,
    Optional<TestSuite> tests,
    long timeLimitMs,
    long memoryLimitMb,
    long submittedAtMs,
    Map<String, String> traceContext) {

  /** Limits when a job names none. */
  public static final long DEFAULT_TIME_LIMIT_MS = 5_000;

  /** The most time any job may ask for. */
  public static final long MAX_TIME_LIMIT_MS = 60_000;

  public static final long DEFAULT_MEMORY_LIMIT_MB = 256;

  private static final String RUN_ID = "runId";
  private static final String LANGUAGE = "language";
  private static final String MODE = "mode";
  private static final String CODE = "code";
  private static final String STDIN = "stdin";
  private static final String TESTS = "tests";
  private static final String TIME_LIMIT_MS = "timeLimitMs";
  private static final String MEMORY_LIMIT_MB = "memoryLimitMb";
  private static final String SUBMITTED_AT_MS = "submittedAtMs";

  /**
   * The W3C Trace Context fields, named as the HTTP headers are, so the carrier is the entry
   * itself.
   */
  public static final String TRACEPARENT = "traceparent";

  public static final String TRACESTATE = "tracestate";

  private static final List<String> TRACE_FIELDS = List.of(TRACEPARENT, TRACESTATE);

  public RunJob {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(tests, "tests");
    traceContext = Map.copyOf(traceContext);
    if (!TRACE_FIELDS.containsAll(traceContext.keySet())) {
      throw new IllegalArgumentException("traceContext holds only traceparent and tracestate");
    }
    if (runId.isEmpty() || !runId.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new IllegalArgumentException("runId must be 1-100 of [A-Za-z0-9_.-], was " + runId);
    }
    if ((mode == RunMode.TEST) != tests.isPresent()) {
      throw new IllegalArgumentException("tests must be given exactly for mode TEST");
    }
    if (timeLimitMs <= 0 || memoryLimitMb <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** A {@link RunMode#RUN} job with the default limits, submitted now. */
  public static RunJob run(String runId, String language, String code, String stdin) {
    return new RunJob(
        runId,
        language,
        RunMode.RUN,
        code,
        stdin,
        Optional.empty(),
        DEFAULT_TIME_LIMIT_MS,
        DEFAULT_MEMORY_LIMIT_MB,
        System.currentTimeMillis(),
        Map.of());
  }

  /**
   * A {@link RunMode#TEST} job, submitted now: its time is what its cases' deadlines add up to (at
   * least the default, at most {@link #MAX_TIME_LIMIT_MS}), so each case keeps its own limit
   * however many there are; the default memory.
   */
  public static RunJob test(String runId, String language, String code, TestSuite tests) {
    return new RunJob(
        runId,
        language,
        RunMode.TEST,
        code,
        "",
        Optional.of(tests),
        Math.min(MAX_TIME_LIMIT_MS, Math.max(DEFAULT_TIME_LIMIT_MS, CaseDeadlines.suiteMs(tests))),
        DEFAULT_MEMORY_LIMIT_MB,
        System.currentTimeMillis(),
        Map.of());
  }

  public RunJob withLimits(long timeLimitMs, long memoryLimitMb) {
    return new RunJob(
        runId,
        language,
        mode,
        code,
        stdin,
        tests,
        timeLimitMs,
        memoryLimitMb,
        submittedAtMs,
        traceContext);
  }

  /** The same job carrying this trace context (see {@link #traceContext}). */
  public RunJob withTraceContext(Map<String, String> context) {
    return new RunJob(
        runId,
        language,
        mode,
        code,
        stdin,
        tests,
        timeLimitMs,
        memoryLimitMb,
        submittedAtMs,
        context);
  }

  /** The stream entry's fields. */
  public Map<String, String> toFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put(RUN_ID, runId);
    fields.put(LANGUAGE, language);
    fields.put(MODE, mode.name());
    fields.put(CODE, code);
    fields.put(STDIN, stdin);
    tests.ifPresent(t -> fields.put(TESTS, t.toJson()));
    fields.put(TIME_LIMIT_MS, Long.toString(timeLimitMs));
    fields.put(MEMORY_LIMIT_MB, Long.toString(memoryLimitMb));
    fields.put(SUBMITTED_AT_MS, Long.toString(submittedAtMs));
    fields.putAll(traceContext);
    return fields;
  }

  /**
   * Reads a job back from its stream entry.
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  public static RunJob fromFields(Map<String, String> fields) {
    try {
      String tests = fields.get(TESTS);
      return new RunJob(
          Fields.required(fields, RUN_ID),
          Fields.required(fields, LANGUAGE),
          Fields.requiredEnum(fields, MODE, RunMode.class),
          Fields.required(fields, CODE),
          Fields.optional(fields, STDIN, ""),
          tests == null ? Optional.empty() : Optional.of(TestSuite.fromJson(tests)),
          Long.parseLong(
              Fields.optional(fields, TIME_LIMIT_MS, Long.toString(DEFAULT_TIME_LIMIT_MS))),
          Long.parseLong(
              Fields.optional(fields, MEMORY_LIMIT_MB, Long.toString(DEFAULT_MEMORY_LIMIT_MB))),
          Fields.requiredLong(fields, SUBMITTED_AT_MS),
          traceContextOf(fields));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed run job: " + e.getMessage(), e);
    }
  }

  /**
   * The W3C trace fields among {@code fields}, without empty ones: those of a stream entry (none in
   * a job from a server that traces nothing), or those a propagator wrote, which may hold more than
   * a job carries (baggage).
   */
  public static Map<String, String> traceContextOf(Map<String, String> fields) {
    Map<String, String> context = new HashMap<>();
    for (String name : TRACE_FIELDS) {
      String value = fields.get(name);
      if (value != null && !value.isEmpty()) {
        context.put(name, value);
      }
    }
    return context;
  }

  /** The run id of a malformed entry, if it has one, so the agent can still fail the run. */
  public static Optional<String> runIdOf(Map<String, String> fields) {
    return Optional.ofNullable(fields.get(RUN_ID));
  }

  @Override
  public String toString() {
    // Never the code or the input: they are the candidate's.
    return "RunJob[" + runId + " " + language + " " + mode + "]";
  }
}
