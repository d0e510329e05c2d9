package io.coderoom.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentHeartbeatTest {
  private final AgentHeartbeat heartbeat =
      new AgentHeartbeat(
          "agent-1",
          "host-a",
          4,
          1,
          Instant.parse("2026-01-02T03:04:05Z"),
          Instant.parse("2026-01-02T03:05:00.123Z"));

  @Test
  void roundTripsThroughRedisHashFields() {
    assertThat(AgentHeartbeat.fromFields(heartbeat.toFields())).isEqualTo(heartbeat);
  }

  @Test
  void rejectsMissingField() {
    Map<String, String> fields = new HashMap<>(heartbeat.toFields());
    fields.remove("slots");
    assertThatThrownBy(() -> AgentHeartbeat.fromFields(fields))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing field slots");
  }

  @Test
  void rejectsMalformedNumber() {
    Map<String, String> fields = new HashMap<>(heartbeat.toFields());
    fields.put("busySlots", "many");
    assertThatThrownBy(() -> AgentHeartbeat.fromFields(fields))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed agent heartbeat");
  }

  @Test
  void rejectsMoreBusySlotsThanSlots() {
    assertThatThrownBy(() -> new AgentHeartbeat("a", "h", 1, 2, Instant.EPOCH, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
