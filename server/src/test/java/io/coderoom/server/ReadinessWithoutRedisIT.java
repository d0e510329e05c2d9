package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server whose Redis is unreachable starts, stays alive, and says it is degraded and why. */
@ExtendWith(NettyLeakGuard.class)
class ReadinessWithoutRedisIT {
  @Test
  void readyzIsDegradedNamingRedis() throws Exception {
    // A port this test holds without listening on it: connecting to it is refused, and nothing
    // else can bind it while the test runs (a port picked free and let go could be taken).
    try (Socket reserved = new Socket()) {
      reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String unreachable = "redis://127.0.0.1:" + reserved.getLocalPort();
      assertRedisIsReportedUnreachable(TestServers.config().with(c -> c.redisUrl = unreachable));
    }
  }

  private static void assertRedisIsReportedUnreachable(ServerConfig config) throws Exception {
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);

      HttpResponse<String> response = http.get("/readyz");
      JsonNode body = Http.json(response);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(body.path("status").asText()).isEqualTo("degraded");
      assertThat(body.path("checks").path("postgres").path("ok").asBoolean()).isTrue();
      assertThat(body.path("checks").path("redis").path("ok").asBoolean()).isFalse();
      assertThat(body.path("checks").path("redis").path("detail").asText()).isNotBlank();
    }
  }
}
