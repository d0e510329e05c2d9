package io.coderoom.server;

import io.coderoom.observability.MetricsToken;
import io.coderoom.observability.Tracing;
import io.coderoom.server.auth.AuthConfig;
import io.coderoom.server.auth.TokenKeys;
import io.coderoom.server.transport.TrustedProxies;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Starts servers for integration tests against the PostgreSQL and Redis that {@code ./coderoom
 * test} runs; their addresses come from the same environment variables the server reads.
 */
public final class TestServers {
  public static final String API_KEY = "test-api-key-0123456789";

  /** The token keys in their configuration form, for servers started as processes. */
  public static final String TOKEN_KEYS_SPEC =
      "test:" + Base64.getEncoder().encodeToString(new byte[32]);

  public static final TokenKeys TOKEN_KEYS = TokenKeys.parse(TOKEN_KEYS_SPEC);

  private TestServers() {}

  /**
   * The configuration from the environment, on a free port, with known credentials, no metrics
   * token, no rate limits and no trusted proxies (tests that need them set their own).
   */
  public static ServerConfig config() {
    // Link lifetimes are the defaults an operator gets.
    AuthConfig auth =
        AuthConfig.fromEnv(
            Map.of("CODEROOM_API_KEY", API_KEY, "CODEROOM_TOKEN_KEYS", TOKEN_KEYS_SPEC));
    return ServerConfig.fromEnv(System.getenv())
        .with(
            c -> {
              c.port = 0;
              c.webDirectory = builtWebClient();
              c.auth = auth;
              // Tests read /metrics and create rooms freely, whatever an operator's settings are.
              c.metricsToken = MetricsToken.none();
              c.roomsPerMinute = 0;
              c.authFailuresPerMinute = 0;
              c.signInsPerMinute = 0;
              c.accountRoomsPerMinute = 0;
              c.trustedProxies = TrustedProxies.none();
            });
  }

  /** The web client the reactor built before this module's tests. */
  public static Path builtWebClient() {
    return Path.of(System.getProperty("coderoom.test.webDist", "../web-client/dist"));
  }

  public static CoderoomServer start(ServerConfig config, InMemorySpanExporter spans)
      throws InterruptedException {
    OpenTelemetrySdk sdk =
        Tracing.create(
            Tracing.providerBuilder(Tracing.SERVER)
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build());
    return CoderoomServer.start(config, sdk);
  }
}
