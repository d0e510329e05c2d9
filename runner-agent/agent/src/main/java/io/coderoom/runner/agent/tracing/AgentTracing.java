package io.coderoom.runner.agent.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * Builds the agent's OpenTelemetry SDK, as the server builds its own: the exporter the settings
 * name, W3C Trace Context to read the context a job carries. With {@code none} the SDK has no
 * processor, so it records nothing (its spans are the API's non-recording ones): the code paths
 * stay the same and cost next to nothing.
 */
public final class AgentTracing {
  /** The service the agent's spans come from. */
  public static final String SERVICE_NAME = "coderoom-runner-agent";

  private AgentTracing() {}

  public static OpenTelemetrySdk create(TracesConfig config) {
    SdkTracerProviderBuilder tracerProvider = providerBuilder();
    switch (config.exporter()) {
      case NONE -> {}
      case LOGGING ->
          tracerProvider.addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()));
      case OTLP ->
          tracerProvider.addSpanProcessor(
              BatchSpanProcessor.builder(
                      OtlpHttpSpanExporter.builder()
                          .setEndpoint(config.otlpEndpoint().toString())
                          .build())
                  .build());
    }
    return create(tracerProvider.build());
  }

  /** A tracer provider with the agent's service name, for a caller that adds its own exporter. */
  public static SdkTracerProviderBuilder providerBuilder() {
    return SdkTracerProvider.builder()
        .setResource(
            Resource.getDefault()
                .merge(
                    Resource.create(
                        Attributes.builder().put("service.name", SERVICE_NAME).build())));
  }

  /** The SDK around a given tracer provider (tests pass one with an in-memory exporter). */
  public static OpenTelemetrySdk create(SdkTracerProvider tracerProvider) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
