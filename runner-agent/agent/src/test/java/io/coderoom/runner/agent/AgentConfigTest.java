package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
