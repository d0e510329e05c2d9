package io.coderoom.server.run;

import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server's spans of a run, one trace from the command to the room hearing its end: {@code run}
 * (from the command to the end announced), under it {@code runs:jobs XADD} (queueing the job, whose
 * context the job carries to the agent, whose spans are its children) and {@code run deliver}
 * (announcing the result to the room's sockets). Attributes name the room, the run, its language,
 * kind and status; never the code, its input, its output or a token. The agent's spans use the same
 * attribute names.
 */
public final class RunTracing {
  static final AttributeKey<String> ROOM_ID = AttributeKey.stringKey("coderoom.room.id");
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("coderoom.run.id");
  static final AttributeKey<String> LANGUAGE = AttributeKey.stringKey("coderoom.run.language");
  static final AttributeKey<String> KIND = AttributeKey.stringKey("coderoom.run.kind");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("coderoom.run.status");
  static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public RunTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("io.coderoom.server");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** Spans that go nowhere. */
  public static RunTracing none() {
    return new RunTracing(OpenTelemetry.noop());
  }

  /**
   * Starts the {@code run} span of a room's run.
   *
   * @param parent the request's span for a run started over REST, {@link Context#root()} for a
   *     command of a control socket
   */
  public Span started(String roomId, RunJob job, RunKind kind, Context parent) {
    return tracer
        .spanBuilder("run")
        .setParent(parent)
        .setAttribute(ROOM_ID, roomId)
        .setAttribute(RUN_ID, job.runId())
        .setAttribute(LANGUAGE, job.language())
        .setAttribute(KIND, kind.name().toLowerCase(Locale.ROOT))
        .startSpan();
  }

  /** Starts the {@code runs:jobs XADD} span, a child of the current context. */
  Span queueing(RunJob job) {
    return tracer
        .spanBuilder("runs:jobs XADD")
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute(MESSAGING_SYSTEM, "redis")
        .setAttribute(DESTINATION, "runs:jobs")
        .setAttribute(RUN_ID, job.runId())
        .setAttribute(LANGUAGE, job.language())
        .startSpan();
  }

  /** The job carrying {@code span}'s context, so the agent's spans are its children. */
  RunJob carrying(RunJob job, Span span) {
    Map<String, String> fields = new HashMap<>();
    propagator.inject(Context.current().with(span), fields, MapSetter.INSTANCE);
    // Only what the job may carry: a propagator configured with more (baggage) adds nothing.
    return job.withTraceContext(RunJob.traceContextOf(fields));
  }

  /** Starts the {@code run deliver} span: the run's end announced to the room's sockets. */
  public Span delivering(Span run, RunResult result) {
    return tracer
        .spanBuilder("run deliver")
        .setParent(Context.root().with(run))
        .setAttribute(RUN_ID, result.runId())
        .setAttribute(STATUS, status(result))
        .startSpan();
  }

  /** Ends the {@code run} span with how the run ended. */
  public static void ended(Span run, RunResult result) {
    run.setAttribute(STATUS, status(result));
    run.end();
  }

  /** Marks a span failed by {@code error} and ends it. */
  static void failed(Span span, Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR);
    span.end();
  }

  private static String status(RunResult result) {
    return result.status().name().toLowerCase(Locale.ROOT);
  }

  private enum MapSetter implements TextMapSetter<Map<String, String>> {
    INSTANCE;

    @Override
    public void set(Map<String, String> carrier, String key, String value) {
      if (carrier != null) {
        carrier.put(key, value);
      }
    }
  }
}
