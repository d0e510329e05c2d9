package io.coderoom.observability;

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
 * Builds a process's OpenTelemetry SDK: the exporter the settings name, W3C Trace Context to pass a
 * context on (in a run's job) and to read it back. With {@code none} the SDK has no processor, so
 * it records nothing: its spans are the API's non-recording ones, which only pass on a context a
 * request or a job brought. The code paths are the same whatever the setting, and cost next to
 * nothing.
 */
public final class Tracing {
  /** The service the server's spans come from. */
  public static final String SERVER = "coderoom-server";

  /** The service a runner agent's spans come from. */
  public static final String RUNNER_AGENT = "coderoom-runner-agent";

  private Tracing() {}

  /** The SDK of service {@code serviceName}, exporting where {@code config} says. */
  public static OpenTelemetrySdk create(String serviceName, TracesConfig config) {
    SdkTracerProviderBuilder tracerProvider = providerBuilder(serviceName);
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

  /** A tracer provider naming the service, for a caller that adds its own exporter. */
  public static SdkTracerProviderBuilder providerBuilder(String serviceName) {
    return SdkTracerProvider.builder()
        .setResource(
            Resource.getDefault()
                .merge(
                    Resource.create(
                        Attributes.builder().put("service.name", serviceName).build())));
  }

  /** The SDK around a given tracer provider (tests pass one with an in-memory exporter). */
  public static OpenTelemetrySdk create(SdkTracerProvider tracerProvider) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
