package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.observability.BearerCredential;
import io.coderoom.observability.MetricsToken;
import io.coderoom.observability.TracesConfig;
import io.coderoom.runner.agent.sandbox.SandboxUser;
import io.coderoom.runner.agent.sandbox.WorkFolder;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  @Test
  void defaultsToLoopbackRedisAndTwoSlots() {
    AgentConfig config = AgentConfig.fromEnv(Map.of());
    assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(config.slots()).isEqualTo(2);
    assertThat(config.agentId()).endsWith("-" + ProcessHandle.current().pid());
  }

  @Test
  void readsEnvironment() {
    AgentConfig config =
        AgentConfig.fromEnv(
            Map.of(
                "CODEROOM_REDIS_URL", "redis://10.0.0.1:7000",
                "CODEROOM_AGENT_ID", "runner-7",
                "CODEROOM_RUNNER_SLOTS", " 8 "));
    assertThat(config.redisUrl()).isEqualTo("redis://10.0.0.1:7000");
    assertThat(config.agentId()).isEqualTo("runner-7");
    assertThat(config.slots()).isEqualTo(8);
  }

  @Test
  void explainsBadSlotCount() {
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("CODEROOM_RUNNER_SLOTS", "lots")))
        .hasMessageContaining("CODEROOM_RUNNER_SLOTS must be a whole number");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("CODEROOM_RUNNER_SLOTS", "0")))
        .hasMessageContaining("at least 1");
  }

  @Test
  void tracesAreReadLikeTheServersAndOffByDefault() {
    AgentConfig defaults = AgentConfig.fromEnv(Map.of());
    assertThat(defaults.traces().exporter()).isEqualTo(TracesConfig.Exporter.NONE);
    assertThat(defaults.traces().otlpEndpoint())
        .isEqualTo(URI.create("http://127.0.0.1:4318/v1/traces"));

    AgentConfig otlp =
        AgentConfig.fromEnv(
            Map.of(
                "CODEROOM_TRACES_EXPORTER", "OTLP",
                "CODEROOM_OTLP_ENDPOINT", "http://collector:4318/v1/traces"));
    assertThat(otlp.traces().exporter()).isEqualTo(TracesConfig.Exporter.OTLP);
    assertThat(otlp.traces().otlpEndpoint())
        .isEqualTo(URI.create("http://collector:4318/v1/traces"));

    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("CODEROOM_TRACES_EXPORTER", "jaeger")))
        .hasMessageContaining("CODEROOM_TRACES_EXPORTER must be none, logging or otlp");
  }

  @Test
  void sandboxUidAndWorkFolderDefaultsAndOverrides() {
    AgentConfig defaults = AgentConfig.fromEnv(Map.of());
    assertThat(defaults.sandboxUid()).isEqualTo(65530);
    assertThat(defaults.workDir()).isEqualTo(WorkFolder.defaultPath());

    AgentConfig set =
        AgentConfig.fromEnv(
            Map.of("CODEROOM_SANDBOX_UID", "70000", "CODEROOM_RUNNER_WORK_DIR", "/srv/runs"));
    assertThat(set.sandboxUser()).isEqualTo(new SandboxUser(70000));
    assertThat(set.sandboxUser().gid()).isEqualTo(70000);
    assertThat(set.workDir()).isEqualTo(java.nio.file.Path.of("/srv/runs"));

    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("CODEROOM_SANDBOX_UID", "0")))
        .hasMessageContaining("CODEROOM_SANDBOX_UID must be a positive uid (not root)");
  }

  @Test
  void metricsEndpointDefaultsOverridesAndMistakes() {
    AgentConfig defaults = AgentConfig.fromEnv(Map.of());
    assertThat(defaults.metrics().host()).isEqualTo("127.0.0.1");
    assertThat(defaults.metrics().port()).isEqualTo(9464);
    assertThat(defaults.metrics().enabled()).isTrue();
    assertThat(defaults.metrics().token().required()).isFalse();

    String token = "a-metrics-token-of-32-characters";
    AgentConfig set =
        AgentConfig.fromEnv(
            Map.of(
                "CODEROOM_AGENT_METRICS_HOST", "0.0.0.0",
                "CODEROOM_AGENT_METRICS_PORT", "9500",
                "CODEROOM_METRICS_TOKEN", token));
    assertThat(set.metrics().host()).isEqualTo("0.0.0.0");
    assertThat(set.metrics().port()).isEqualTo(9500);
    assertThat(set.metrics().token().required()).isTrue();
    // Read from the Authorization header as the endpoint reads it.
    MetricsToken read = set.metrics().token();
    assertThat(read.admits(BearerCredential.of("Bearer " + token))).isTrue();
    assertThat(read.admits(BearerCredential.of(token))).isFalse();
    assertThat(read.admits(BearerCredential.of(null))).isFalse();
    // The configuration's text, which may reach a log, never holds the token.
    assertThat(set.toString()).doesNotContain(token);

    assertThat(AgentConfig.fromEnv(Map.of("CODEROOM_AGENT_METRICS_PORT", "-1")).metrics().enabled())
        .isFalse();
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("CODEROOM_AGENT_METRICS_PORT", "70000")))
        .hasMessageContaining("CODEROOM_AGENT_METRICS_PORT must be -1 (off), 0");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("CODEROOM_METRICS_TOKEN", "short")))
        .hasMessageContaining("at least 16 characters");
  }
}
