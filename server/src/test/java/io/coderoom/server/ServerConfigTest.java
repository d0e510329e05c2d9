package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.observability.TracesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  @Test
  void defaultsStayOnLoopback() {
    ServerConfig config = ServerConfig.fromEnv(Map.of());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/coderoom");
    assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(config.webDirectory()).isEqualTo(Path.of("web-client/dist"));
    assertThat(config.traces().exporter()).isEqualTo(TracesConfig.Exporter.NONE);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.metricsToken().required()).isFalse();
    assertThat(config.retention()).isEqualTo(Duration.ofDays(90));
    assertThat(config.roomsPerMinute()).isEqualTo(60);
    assertThat(config.authFailuresPerMinute()).isEqualTo(10);
    assertThat(config.trustedProxies().nobody()).isTrue();
  }

  @Test
  void readsEveryVariable() {
    ServerConfig config =
        ServerConfig.fromEnv(
            Map.ofEntries(
                Map.entry("CODEROOM_HOST", "0.0.0.0"),
                Map.entry("CODEROOM_PORT", "9090"),
                Map.entry("CODEROOM_DB_URL", "jdbc:postgresql://db:5432/x"),
                Map.entry("CODEROOM_DB_USER", "u"),
                Map.entry("CODEROOM_DB_PASSWORD", "p"),
                Map.entry("CODEROOM_REDIS_URL", "redis://cache:6380"),
                Map.entry("CODEROOM_WEB_DIR", "/srv/web"),
                Map.entry("CODEROOM_TRACES_EXPORTER", "OTLP"),
                Map.entry("CODEROOM_OTLP_ENDPOINT", "http://collector:4318/v1/traces"),
                Map.entry("CODEROOM_SHUTDOWN_GRACE_SECONDS", "3"),
                Map.entry("CODEROOM_ROOM_IDLE_SECONDS", "5"),
                Map.entry("CODEROOM_ROOM_CHECK_SECONDS", "0"),
                Map.entry("CODEROOM_PUBLIC_URL", "https://rooms.example.org/"),
                Map.entry("CODEROOM_METRICS_TOKEN", "scrape-token-0123456789"),
                Map.entry("CODEROOM_RETENTION_DAYS", "0"),
                Map.entry("CODEROOM_ROOMS_PER_MINUTE", "5"),
                Map.entry("CODEROOM_AUTH_FAILURES_PER_MINUTE", "0"),
                Map.entry("CODEROOM_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::7"),
                Map.entry("CODEROOM_EVENT_LOOPS", "3")));
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.databaseUser()).isEqualTo("u");
    assertThat(config.redisUrl()).isEqualTo("redis://cache:6380");
    assertThat(config.webDirectory()).isEqualTo(Path.of("/srv/web"));
    assertThat(config.traces().exporter()).isEqualTo(TracesConfig.Exporter.OTLP);
    assertThat(config.traces().otlpEndpoint().getHost()).isEqualTo("collector");
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.roomIdleUnload()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.roomCheck()).isZero();
    assertThat(config.publicUrl()).contains(java.net.URI.create("https://rooms.example.org"));
    assertThat(config.metricsToken().admits(Optional.of("scrape-token-0123456789"))).isTrue();
    assertThat(config.metricsToken().admits(Optional.of("scrape-token-012345678"))).isFalse();
    assertThat(config.metricsToken().admits(Optional.empty())).isFalse();
    assertThat(config.retention()).isZero();
    assertThat(config.roomsPerMinute()).isEqualTo(5);
    assertThat(config.authFailuresPerMinute()).isZero();
    assertThat(config.eventLoops()).isEqualTo(3);
    assertThat(config.trustedProxies()).hasToString("10.0.0.0/8,2001:db8::7/128");
  }

  @Test
  void withChangesOnlyWhatItIsTold() {
    ServerConfig config = ServerConfig.fromEnv(Map.of());
    ServerConfig changed = config.with(c -> c.port = 0);
    assertThat(changed.port()).isZero();
    assertThat(changed).isEqualTo(config.with(c -> {}).with(c -> c.port = 0));
    assertThat(changed.auth()).isSameAs(config.auth());
  }

  @Test
  void errorsNameTheVariable() {
    assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("CODEROOM_PORT", "http")))
        .hasMessageContaining("CODEROOM_PORT must be a whole number");
    assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("CODEROOM_PORT", "70000")))
        .hasMessageContaining("CODEROOM_PORT must be within 0..65535");
    assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("CODEROOM_TRACES_EXPORTER", "zipkin")))
        .hasMessageContaining("none, logging or otlp");
    assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("CODEROOM_RETENTION_DAYS", "-1")))
        .hasMessageContaining("CODEROOM_RETENTION_DAYS must be 0 or more");
    assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("CODEROOM_METRICS_TOKEN", "short")))
        .hasMessageContaining("CODEROOM_METRICS_TOKEN must be at least 16 characters");
    assertThatThrownBy(() -> ServerConfig.fromEnv(Map.of("CODEROOM_EVENT_LOOPS", "0")))
        .hasMessageContaining("CODEROOM_EVENT_LOOPS must be at least 1");
    assertThatThrownBy(
            () -> ServerConfig.fromEnv(Map.of("CODEROOM_TRUSTED_PROXIES", "10.0.0.0/8,lb.local")))
        .hasMessageContaining("CODEROOM_TRUSTED_PROXIES: 'lb.local' is not an IP address");
  }
}
