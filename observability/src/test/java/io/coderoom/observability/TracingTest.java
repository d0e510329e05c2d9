package io.coderoom.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingTest {

  @Test
  void anExportingSettingRecordsSpansAndNoneRecordsNothing() {
    for (TracesConfig.Exporter exporter : TracesConfig.Exporter.values()) {
      try (OpenTelemetrySdk sdk =
          Tracing.create(
              Tracing.SERVER, new TracesConfig(exporter, TracesConfig.none().otlpEndpoint()))) {
        // Not ended: an ended span would be exported, and nothing listens for otlp here.
        Span span = sdk.getTracer("test").spanBuilder("probe").startSpan();
        assertThat(span.isRecording())
            .as("%s", exporter)
            .isEqualTo(exporter != TracesConfig.Exporter.NONE);
      }
    }
  }

  @Test
  void spansNameTheirServiceAndPassTheirContextOnAsW3cTraceContext() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (OpenTelemetrySdk sdk =
        Tracing.create(
            Tracing.providerBuilder(Tracing.RUNNER_AGENT)
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build())) {
      Span span = sdk.getTracer("test").spanBuilder("probe").startSpan();
      Map<String, String> carrier = new HashMap<>();
      TextMapSetter<Map<String, String>> setter = Map::put;
      sdk.getPropagators()
          .getTextMapPropagator()
          .inject(Context.root().with(span), carrier, setter);
      span.end();

      // Version 00, the trace and the parent span, then the flags (sampled, and maybe random).
      assertThat(carrier.get("traceparent"))
          .startsWith(
              "00-"
                  + span.getSpanContext().getTraceId()
                  + "-"
                  + span.getSpanContext().getSpanId()
                  + "-");
      assertThat(spans.getFinishedSpanItems())
          .singleElement()
          .satisfies(
              finished ->
                  assertThat(
                          finished
                              .getResource()
                              .getAttribute(AttributeKey.stringKey("service.name")))
                      .isEqualTo("coderoom-runner-agent"));
    }
  }

  @Test
  void theSettingsAreReadWithTheirDefaultsAndAWrongExporterIsNamed() {
    assertThat(TracesConfig.fromEnv(Map.of())).isEqualTo(TracesConfig.none());
    assertThat(TracesConfig.none().otlpEndpoint())
        .isEqualTo(URI.create("http://127.0.0.1:4318/v1/traces"));
    assertThat(
            TracesConfig.fromEnv(
                Map.of(
                    "CODEROOM_TRACES_EXPORTER", " Logging ",
                    "CODEROOM_OTLP_ENDPOINT", "http://collector:4318/v1/traces ")))
        .isEqualTo(
            new TracesConfig(
                TracesConfig.Exporter.LOGGING, URI.create("http://collector:4318/v1/traces")));
    assertThatThrownBy(() -> TracesConfig.fromEnv(Map.of("CODEROOM_TRACES_EXPORTER", "zipkin")))
        .hasMessage("CODEROOM_TRACES_EXPORTER must be none, logging or otlp, was 'zipkin'");
  }
}
