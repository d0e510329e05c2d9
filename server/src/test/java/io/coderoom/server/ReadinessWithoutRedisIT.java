package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server whose Redis is unreachable starts, stays alive, and says it is not ready and why. */
@ExtendWith(NettyLeakGuard.class)
class ReadinessWithoutRedisIT {
  @Test
  void readyzIs503NamingRedis() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ServerConfig config =
        TestServers.config().with(c -> c.redisUrl = "redis://127.0.0.1:" + closedPort);
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);

      HttpResponse<String> response = http.get("/readyz");
      JsonNode body = Http.json(response);
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(body.path("status").asText()).isEqualTo("not_ready");
      assertThat(body.path("checks").path("postgres").path("ok").asBoolean()).isTrue();
      assertThat(body.path("checks").path("redis").path("ok").asBoolean()).isFalse();
      assertThat(body.path("checks").path("redis").path("detail").asText()).isNotBlank();
    }
  }
}
