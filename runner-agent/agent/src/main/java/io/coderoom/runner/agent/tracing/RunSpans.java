package io.coderoom.runner.agent.tracing;

import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The spans of a job on the agent, children of the server's span that queued it (the context the
 * job carries): {@code runs:jobs wait} (from queueing to the claim), {@code run execute} (the whole
 * run here, from the claim to the result) and under it {@code container acquire} (warm or cold) and
 * one {@code step compile} or {@code step run} per step (each stdio case is one). Attributes name
 * the run, its language, mode and status, and how each step ended; never the code, its input or its
 * output.
 */
public final class RunSpans {
  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("coderoom.run.id");
  public static final AttributeKey<String> LANGUAGE =
      AttributeKey.stringKey("coderoom.run.language");
  public static final AttributeKey<String> MODE = AttributeKey.stringKey("coderoom.run.mode");
  public static final AttributeKey<String> STATUS = AttributeKey.stringKey("coderoom.run.status");
  public static final AttributeKey<String> AGENT = AttributeKey.stringKey("coderoom.agent.id");
  public static final AttributeKey<Boolean> WARM =
      AttributeKey.booleanKey("coderoom.container.warm");
  public static final AttributeKey<String> IMAGE = AttributeKey.stringKey("container.image.name");
  public static final AttributeKey<String> STEP = AttributeKey.stringKey("coderoom.step.kind");
  public static final AttributeKey<String> EXIT_REASON =
      AttributeKey.stringKey("coderoom.step.exit_reason");
  public static final AttributeKey<Long> EXIT_CODE = AttributeKey.longKey("process.exit.code");
  public static final AttributeKey<Long> CASE = AttributeKey.longKey("coderoom.step.case");
  public static final AttributeKey<String> CASE_STATUS =
      AttributeKey.stringKey("coderoom.case.status");
  public static final AttributeKey<Boolean> CASE_HIDDEN =
      AttributeKey.booleanKey("coderoom.case.hidden");
  public static final AttributeKey<Double> CASE_TIME_MS =
      AttributeKey.doubleKey("coderoom.case.time_ms");
  public static final AttributeKey<Long> TESTS_PASSED =
      AttributeKey.longKey("coderoom.tests.passed");
  public static final AttributeKey<Long> TESTS_TOTAL = AttributeKey.longKey("coderoom.tests.total");

  /** The run's language, for the spans of its steps, which the sandbox makes without knowing it. */
  private static final ContextKey<String> LANGUAGE_OF_RUN = ContextKey.named("coderoom-language");

  /** The stdio case a step runs, when it runs one. */
  private static final ContextKey<Long> CASE_OF_STEP = ContextKey.named("coderoom-case");

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public RunSpans(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("io.coderoom.runner.agent");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** Spans that go nowhere (tests and benchmarks that drive the sandbox alone). */
  public static RunSpans none() {
    return new RunSpans(OpenTelemetry.noop());
  }

  /**
   * Starts the run on this agent and makes it current, so the sandbox's spans are its children;
   * records the job's wait in {@code runs:jobs}, from the server queueing it to this agent claiming
   * it ({@code claimedAtMs}), beside it. A job that carries no context starts a trace of its own,
   * with the wait under the run. Close the execution on the same thread once the result is known.
   */
  public Execution executing(RunJob job, String agentId, long claimedAtMs) {
    Context queued = parentOf(job);
    boolean traced = Span.fromContext(queued).getSpanContext().isValid();
    Span span =
        tracer
            .spanBuilder("run execute")
            .setParent(queued)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(RUN_ID, job.runId())
            .setAttribute(LANGUAGE, job.language())
            .setAttribute(MODE, lower(job.mode().name()))
            .setAttribute(AGENT, agentId)
            .startSpan();
    tracer
        .spanBuilder("runs:jobs wait")
        .setParent(traced ? queued : Context.root().with(span))
        .setSpanKind(SpanKind.CONSUMER)
        .setStartTimestamp(Math.min(job.submittedAtMs(), claimedAtMs), TimeUnit.MILLISECONDS)
        .setAttribute(RUN_ID, job.runId())
        .setAttribute(LANGUAGE, job.language())
        .setAttribute(AGENT, agentId)
        .startSpan()
        .end(claimedAtMs, TimeUnit.MILLISECONDS);
    Scope scope = Context.current().with(span).with(LANGUAGE_OF_RUN, job.language()).makeCurrent();
    return new Execution(span, scope);
  }

  /** A run in progress on this agent. */
  public static final class Execution implements AutoCloseable {
    private final Span span;
    private final Scope scope;

    private Execution(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
    }

    /**
     * How the run ended; a test run's cases as events, each with its index, status, time and
     * whether it is hidden (function-mode cases run in one step, so this is where each one shows).
     */
    public void finished(RunResult result) {
      span.setAttribute(STATUS, lower(result.status().name()));
      result
          .tests()
          .ifPresent(
              report -> {
                span.setAttribute(TESTS_PASSED, (long) report.passed());
                span.setAttribute(TESTS_TOTAL, (long) report.total());
                for (TestReport.CaseResult c : report.cases()) {
                  span.addEvent(
                      "case",
                      Attributes.of(
                          CASE,
                          (long) c.index(),
                          CASE_STATUS,
                          lower(c.status().name()),
                          CASE_HIDDEN,
                          c.hidden(),
                          CASE_TIME_MS,
                          c.timeMs()));
                }
              });
    }

    @Override
    public void close() {
      scope.close();
      span.end();
    }
  }

  /** Taking a container for the current run; the caller says whether it was warm, then ends it. */
  public Span acquiring(String image) {
    return inRun(tracer.spanBuilder("container acquire").setAttribute(IMAGE, image).startSpan());
  }

  /** One step of the current run ({@code compile} or {@code run}); ended by {@link #stepEnded}. */
  public Span step(String kind) {
    Span span = tracer.spanBuilder("step " + kind).setAttribute(STEP, kind).startSpan();
    Long index = Context.current().get(CASE_OF_STEP);
    if (index != null) {
      span.setAttribute(CASE, index);
    }
    return inRun(span);
  }

  /** Ends a step's span with how it ended. */
  public static void stepEnded(Span span, RunStatus status, String exitReason, int exitCode) {
    span.setAttribute(STATUS, lower(status.name()));
    span.setAttribute(EXIT_REASON, lower(exitReason));
    span.setAttribute(EXIT_CODE, (long) exitCode);
    span.end();
  }

  /** Marks a span failed by {@code error} (the sandbox's, never the program's) and ends it. */
  public static void failed(Span span, Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR);
    span.end();
  }

  /** Marks the steps started in this scope as running stdio case {@code index}. */
  public static Scope inCase(int index) {
    return Context.current().with(CASE_OF_STEP, (long) index).makeCurrent();
  }

  private static Span inRun(Span span) {
    String language = Context.current().get(LANGUAGE_OF_RUN);
    if (language != null) {
      span.setAttribute(LANGUAGE, language);
    }
    return span;
  }

  private Context parentOf(RunJob job) {
    return propagator.extract(Context.root(), job.traceContext(), FieldsGetter.INSTANCE);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Reads the job's trace fields. */
  private enum FieldsGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
