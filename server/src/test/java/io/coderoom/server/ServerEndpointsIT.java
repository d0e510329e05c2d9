package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server's own endpoints, over HTTP, against the real PostgreSQL and Redis. */
@ExtendWith(NettyLeakGuard.class)
class ServerEndpointsIT {
  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private static ServerConfig config;
  private static CoderoomServer server;
  private static Http http;

  @BeforeAll
  static void start() throws InterruptedException {
    config = TestServers.config();
    server = TestServers.start(config, spans);
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void forgetSpans() {
    spans.reset();
  }

  @Test
  void healthzAnswersWhileTheProcessLives() throws Exception {
    HttpResponse<String> response = http.get("/healthz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(Http.json(response).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void readyzReportsPostgresAndRedisReachable() throws Exception {
    HttpResponse<String> response = http.get("/readyz");
    JsonNode body = Http.json(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body.path("status").asText()).isEqualTo("ready");
    assertThat(body.path("checks").path("postgres").path("ok").asBoolean()).isTrue();
    assertThat(body.path("checks").path("redis").path("ok").asBoolean()).isTrue();
    assertThat(body.path("checks").path("redis").has("latencyMs")).isTrue();
  }

  @Test
  void metricsExposeJvmNettyAndRequestMeters() throws Exception {
    http.get("/healthz");
    HttpResponse<String> response = http.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(response.body())
        .contains("jvm_memory_used_bytes")
        .contains("jvm_gc_")
        .contains("netty_eventexecutor_tasks_pending")
        .contains("hikaricp_connections")
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*route=\"/healthz\"[^}]*status=\"200\"");
  }

  @Test
  void flywayMigratedTheRoomsTable() throws Exception {
    try (var connection =
            DriverManager.getConnection(
                config.databaseUrl(), config.databaseUser(), config.databasePassword());
        ResultSet columns =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_name = 'rooms' ORDER BY ordinal_position")) {
      var names = new java.util.ArrayList<String>();
      while (columns.next()) {
        names.add(columns.getString(1));
      }
      // Later migrations add columns; these are the first ones, in their order.
      assertThat(names)
          .startsWith(
              "id",
              "title",
              "language",
              "created_at",
              "ended_at",
              "candidate_locked",
              "problem_id",
              "team_id",
              "created_by");
    }
  }

  @Test
  void wrongMethodGets405WithJsonError() throws Exception {
    HttpResponse<String> response = http.send("POST", "/healthz");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).hasValue("GET");
    assertThat(Http.json(response).path("error").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void unknownApiPathGets404WithJsonError() throws Exception {
    HttpResponse<String> response = http.get("/api/nothing-here");
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = Http.json(response);
    assertThat(body.path("error").asText()).isEqualTo("not_found");
    assertThat(body.path("message").asText()).contains("/api/nothing-here");
  }

  @Test
  void everyRequestGetsAServerSpanJoiningTheCallersTrace() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    http.get("/healthz", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
    SpanData span = awaitOneSpan();
    assertThat(span.getName()).isEqualTo("GET /healthz");
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getTraceId()).isEqualTo(traceId);
    assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route")))
        .isEqualTo("/healthz");
  }

  @Test
  void securityHeadersOnEveryResponse() throws Exception {
    for (String path : new String[] {"/healthz", "/", "/api/missing"}) {
      HttpResponse<String> response = http.get(path);
      assertThat(response.headers().firstValue("content-security-policy").orElseThrow())
          .as(path)
          .contains("default-src 'self'")
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    }
  }

  private static SpanData awaitOneSpan() {
    // The span ends just before the response is written; the exporter may lag a moment behind.
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> !spans.getFinishedSpanItems().isEmpty());
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }
}
