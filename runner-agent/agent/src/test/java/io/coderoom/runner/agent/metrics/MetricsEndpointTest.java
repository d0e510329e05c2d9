package io.coderoom.runner.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.observability.MetricsToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's paths: {@code /healthz} answers without the token (container healthchecks and load
 * balancers carry none), while {@code /metrics} still asks for it, and nothing else is served.
 */
class MetricsEndpointTest {
  private static final String TOKEN = "metrics-endpoint-test-" + UUID.randomUUID();

  private final HttpClient http = HttpClient.newHttpClient();
  private AgentMetrics metrics;
  private MetricsEndpoint endpoint;

  @BeforeEach
  void start() {
    metrics = new AgentMetrics("endpoint-test");
    endpoint =
        MetricsEndpoint.start(
            MetricsEndpointConfig.anyLocalPort().withToken(MetricsToken.of(TOKEN)), metrics);
  }

  @AfterEach
  void stop() {
    endpoint.close();
    metrics.close();
  }

  @Test
  void healthzAnswersWithoutTheToken() throws Exception {
    HttpResponse<String> health = send("GET", "/healthz", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
    assertThat(send("HEAD", "/healthz", null).statusCode()).isEqualTo(200);
  }

  @Test
  void healthzTellsNothingOfTheMetrics() throws Exception {
    assertThat(send("GET", "/healthz", "Bearer " + TOKEN).body()).doesNotContain("coderoom_agent");
  }

  @Test
  void metricsStillNeedTheToken() throws Exception {
    assertThat(send("GET", "/metrics", null).statusCode()).isEqualTo(401);
    HttpResponse<String> scraped = send("GET", "/metrics", "Bearer " + TOKEN);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("jvm_");
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertThat(send("GET", "/healthz/more", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/", null).statusCode()).isEqualTo(404);
    HttpResponse<String> post = send("POST", "/healthz", null);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  private HttpResponse<String> send(String method, String path, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
