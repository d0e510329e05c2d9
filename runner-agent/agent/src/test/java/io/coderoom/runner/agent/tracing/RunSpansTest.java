package io.coderoom.runner.agent.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.observability.Tracing;
import io.coderoom.runner.protocol.RunJob;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.junit.jupiter.api.Test;

class RunSpansTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @Test
  void aJobsSpansContinueItsTraceAndNameTheAgentsService() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (OpenTelemetrySdk sdk =
        Tracing.create(
            Tracing.providerBuilder(Tracing.RUNNER_AGENT)
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build())) {
      RunSpans runSpans = new RunSpans(sdk);
      RunJob job =
          RunJob.run("r-1", "go", "package main", "")
              .withTraceContext(Map.of(RunJob.TRACEPARENT, PARENT));
      try (RunSpans.Execution execution =
          runSpans.executing(job, "agent-1", job.submittedAtMs() + 5)) {
        runSpans.step("compile").end();
      }
      assertSpansOf(spans.getFinishedSpanItems());
    }
  }

  private static void assertSpansOf(List<SpanData> finished) {
    assertThat(finished)
        .extracting(SpanData::getName)
        .containsExactlyInAnyOrder("runs:jobs wait", "run execute", "step compile");
    assertThat(finished)
        .allSatisfy(
            span -> {
              assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
              assertThat(span.getResource().getAttribute(AttributeKey.stringKey("service.name")))
                  .isEqualTo("coderoom-runner-agent");
              assertThat(span.getAttributes().get(RunSpans.LANGUAGE)).isEqualTo("go");
            });
    SpanData waited = named(finished, "runs:jobs wait");
    assertThat(waited.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(waited.getEndEpochNanos() - waited.getStartEpochNanos()).isEqualTo(5_000_000);
    assertThat(named(finished, "run execute").getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(named(finished, "step compile").getParentSpanId())
        .isEqualTo(named(finished, "run execute").getSpanId());
    // Nothing of the candidate's code in any attribute.
    assertThat(finished)
        .flatExtracting(span -> span.getAttributes().asMap().entrySet())
        .extracting(Entry::getValue)
        .noneMatch(value -> String.valueOf(value).contains("package main"));
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }
}
