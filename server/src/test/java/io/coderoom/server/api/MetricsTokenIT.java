package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.observability.MetricsToken;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With a metrics token set, metrics and readiness need it; liveness stays open. */
@ExtendWith(NettyLeakGuard.class)
class MetricsTokenIT {
  private static final String TOKEN = "metrics-token-0123456789";

  /** The readiness probe of the Kubernetes manifests: an exec probe, since it sends the token. */
  private static final Path READYZ_PROBE =
      Path.of("..", "deploy", "kubernetes", "base", "server", "readyz.sh");

  @Test
  void metricsAndReadinessNeedTheTokenAndLivenessDoesNot() throws Exception {
    ServerConfig config = TestServers.config().with(c -> c.metricsToken = MetricsToken.of(TOKEN));
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      for (String path : new String[] {"/metrics", "/readyz"}) {
        assertUnauthorized(http.get(path));
        assertUnauthorized(http.get(path, "Authorization", "Bearer " + TestServers.API_KEY));
        HttpResponse<String> allowed = http.get(path, "Authorization", "Bearer " + TOKEN);
        assertThat(allowed.statusCode()).as(path + " " + allowed.body()).isEqualTo(200);
      }
      assertThat(http.get("/metrics", "Authorization", "Bearer " + TOKEN).body())
          .contains("jvm_memory_used_bytes");
      assertThat(http.get("/readyz", "Authorization", "Bearer " + TOKEN).body())
          .contains("\"status\":\"ready\"");
      HttpResponse<String> live = http.get("/healthz");
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void withoutATokenTheyStayOpen() throws Exception {
    try (CoderoomServer server =
        TestServers.start(TestServers.config(), InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
      assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theKubernetesReadinessProbePassesWithTheTokenOnly() throws Exception {
    ServerConfig config = TestServers.config().with(c -> c.metricsToken = MetricsToken.of(TOKEN));
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      assertThat(probe(server, TOKEN)).isZero();
      assertThat(probe(server, "another-token-0123456789")).isNotZero();
      assertThat(probe(server, "")).isNotZero();
    }
  }

  /** Runs the probe script as the kubelet does in the server's container; its exit code. */
  private static int probe(CoderoomServer server, String token) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", READYZ_PROBE.toString()).redirectErrorStream(true);
    builder.environment().put("CODEROOM_PORT", String.valueOf(server.baseUri().getPort()));
    builder.environment().put("CODEROOM_METRICS_TOKEN", token);
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the probe answered in time").isTrue();
    return process.exitValue();
  }

  private static void assertUnauthorized(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(Http.json(response).path("error").asText()).isEqualTo("unauthorized");
    assertThat(Http.json(response).path("message").asText())
        .isEqualTo("This endpoint needs the metrics token as 'Authorization: Bearer <token>'.");
    assertThat(response.headers().firstValue("www-authenticate"))
        .hasValue("Bearer realm=\"coderoom\"");
    assertThat(response.body()).doesNotContain("jvm_").doesNotContain("postgres");
  }
}
