package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.runner.protocol.AgentHeartbeat;
import io.coderoom.runner.protocol.RedisKeys;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs an agent against the real Redis that {@code ./coderoom test} starts. */
class RunnerAgentIT {
  private final RedisFixture fixture = new RedisFixture();
  private final RedisCommands<String, String> redis = fixture.redis;

  @AfterEach
  void disconnect() {
    fixture.close();
  }

  @Test
  void publishesHeartbeatWithTtlAndRemovesItOnClose() {
    String agentId = "it-" + UUID.randomUUID();
    String key = RedisKeys.agentHeartbeat(agentId);
    AgentConfig config =
        AgentConfig.of(RedisFixture.REDIS_URL, agentId, "test-host", 3).withWarmPerLanguage(0);

    try (RunnerAgent agent = RunnerAgent.start(config)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> redis.exists(key) == 1);
      Map<String, String> fields = redis.hgetall(key);
      AgentHeartbeat heartbeat = AgentHeartbeat.fromFields(fields);
      assertThat(heartbeat.agentId()).isEqualTo(agentId);
      assertThat(heartbeat.host()).isEqualTo("test-host");
      assertThat(heartbeat.slots()).isEqualTo(3);
      assertThat(heartbeat.busySlots()).isZero();
      assertThat(redis.pttl(key)).isBetween(1L, RedisKeys.HEARTBEAT_TTL.toMillis());
      assertThat(agent.config()).isEqualTo(config);
    }

    assertThat(redis.exists(key)).isZero();
  }
}
