package io.coderoom.runner.protocol;

import java.time.Duration;

/** Redis key and stream names shared by the server and the runner agents. */
public final class RedisKeys {
  /** Stream of run jobs; agents read it through the {@link #AGENT_GROUP} consumer group. */
  public static final String JOBS_STREAM = "runs:jobs";

  /** Stream of final run results, read by servers. */
  public static final String RESULTS_STREAM = "runs:results";

  /** Consumer group of all agents on {@link #JOBS_STREAM}. */
  public static final String AGENT_GROUP = "agents";

  /** Prefix of the per-agent heartbeat hashes; the rest of the key is the agent id. */
  public static final String AGENT_HEARTBEAT_PREFIX = "runner:agent:";

  /** How long a heartbeat stays visible; an agent that stops refreshing it vanishes after this. */
  public static final Duration HEARTBEAT_TTL = Duration.ofSeconds(15);

  /** How often a live agent refreshes its heartbeat: well inside {@link #HEARTBEAT_TTL}. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

  private RedisKeys() {}

  /** The heartbeat hash of one agent. */
  public static String agentHeartbeat(String agentId) {
    return AGENT_HEARTBEAT_PREFIX + agentId;
  }

  /** The output stream of one run. */
  public static String runOutput(String runId) {
    return "run:" + runId + ":out";
  }
}
