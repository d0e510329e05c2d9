package io.coderoom.runner.protocol;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a live agent publishes about itself, stored as a Redis hash under {@link
 * RedisKeys#agentHeartbeat(String)} with a TTL, so servers can list the agents that are alive.
 *
 * @param agentId unique id of the agent process
 * @param host host name the agent runs on
 * @param slots how many runs it executes at once
 * @param busySlots how many of them are in use
 * @param startedAt when the agent started
 * @param seenAt when it wrote this heartbeat
 */
public record AgentHeartbeat(
    String agentId, String host, int slots, int busySlots, Instant startedAt, Instant seenAt) {

  private static final String AGENT_ID = "agentId";
  private static final String HOST = "host";
  private static final String SLOTS = "slots";
  private static final String BUSY_SLOTS = "busySlots";
  private static final String STARTED_AT = "startedAt";
  private static final String SEEN_AT = "seenAt";

  public AgentHeartbeat {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(seenAt, "seenAt");
    if (slots < 0 || busySlots < 0 || busySlots > slots) {
      throw new IllegalArgumentException(
          "busySlots must be within 0.." + slots + " but was " + busySlots);
    }
  }

  /** The hash fields written to Redis. */
  public Map<String, String> toFields() {
    return Map.of(
        AGENT_ID, agentId,
        HOST, host,
        SLOTS, Integer.toString(slots),
        BUSY_SLOTS, Integer.toString(busySlots),
        STARTED_AT, startedAt.toString(),
        SEEN_AT, seenAt.toString());
  }

  /**
   * Reads a heartbeat back from its hash fields.
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  public static AgentHeartbeat fromFields(Map<String, String> fields) {
    try {
      return new AgentHeartbeat(
          required(fields, AGENT_ID),
          required(fields, HOST),
          Integer.parseInt(required(fields, SLOTS)),
          Integer.parseInt(required(fields, BUSY_SLOTS)),
          Instant.parse(required(fields, STARTED_AT)),
          Instant.parse(required(fields, SEEN_AT)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed agent heartbeat: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing field " + name);
    }
    return value;
  }
}
