package io.coderoom.server;

import io.coderoom.server.observability.Tracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;

/**
 * Starts servers for integration tests against the PostgreSQL and Redis that {@code ./coderoom
 * test} runs; their addresses come from the same environment variables the server reads.
 */
final class TestServers {
  private TestServers() {}

  /** The configuration from the environment, on a free port. */
  static ServerConfig config() {
    return ServerConfig.fromEnv(System.getenv()).withPort(0).withWebDirectory(builtWebClient());
  }

  /** The web client the reactor built before this module's tests. */
  static Path builtWebClient() {
    return Path.of(System.getProperty("coderoom.test.webDist", "../web-client/dist"));
  }

  static CoderoomServer start(ServerConfig config, InMemorySpanExporter spans)
      throws InterruptedException {
    OpenTelemetrySdk sdk =
        Tracing.create(
            SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build());
    return CoderoomServer.start(config, sdk);
  }
}
