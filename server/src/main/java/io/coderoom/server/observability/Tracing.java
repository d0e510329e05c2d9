package io.coderoom.server.observability;

import io.coderoom.server.ServerConfig;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;

/**
 * Builds the OpenTelemetry SDK with the exporter the configuration names. With {@code none} the SDK
 * has no processor, so it records nothing: its spans are the API's non-recording ones, which only
 * pass on a context a request brought (so a run's job carries a trace context only then). The code
 * paths are the same whatever the setting.
 */
public final class Tracing {
  /** The service the server's spans come from. */
  public static final String SERVICE_NAME = "coderoom-server";

  private Tracing() {}

  public static OpenTelemetrySdk create(ServerConfig.TracesExporter exporter, URI otlpEndpoint) {
    SdkTracerProviderBuilder tracerProvider = providerBuilder();
    switch (exporter) {
      case NONE -> {}
      case LOGGING ->
          tracerProvider.addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()));
      case OTLP ->
          tracerProvider.addSpanProcessor(
              batch(OtlpHttpSpanExporter.builder().setEndpoint(otlpEndpoint.toString()).build()));
    }
    return create(tracerProvider.build());
  }

  /** A tracer provider with the server's service name, for a caller that adds its own exporter. */
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

  private static SpanProcessor batch(SpanExporter exporter) {
    return BatchSpanProcessor.builder(exporter).build();
  }
}
