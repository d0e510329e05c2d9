package io.coderoom.runner.agent.queue;

import io.coderoom.runner.protocol.RedisKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/**
 * The ownership fence of runs, {@link RedisKeys#runOwner(String)}: {@code SET NX PX} by the agent
 * that executes a run, refreshed while it runs, and turned into {@code done:<agent>} when its
 * result is published, so a job delivered again (reclaimed after a crash between publishing and
 * acknowledging) is acknowledged instead of executed twice.
 */
final class RunFence {
  /** How long a fence outlives its agent's last refresh. */
  static final Duration TTL = Duration.ofSeconds(8);

  static final String DONE_PREFIX = RedisKeys.OWNER_DONE_PREFIX;

  private static final String REFRESH =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then "
          + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";

  /** What claiming a run found. */
  enum Claim {
    /** This agent owns the run now. */
    OWNED,
    /** Another live agent executes it. */
    HELD_ELSEWHERE,
    /** It was finished already; only the acknowledgement is missing. */
    DONE
  }

  private final RedisCommands<String, String> redis;
  private final String agentId;
  private final Duration ttl;

  RunFence(RedisCommands<String, String> redis, String agentId) {
    this(redis, agentId, TTL);
  }

  /** A fence with another lifetime, so an expiry can be watched without waiting {@link #TTL}. */
  RunFence(RedisCommands<String, String> redis, String agentId, Duration ttl) {
    this.redis = redis;
    this.agentId = agentId;
    this.ttl = ttl;
  }

  Claim claim(String runId) {
    String key = RedisKeys.runOwner(runId);
    if ("OK".equals(redis.set(key, agentId, SetArgs.Builder.nx().px(ttl.toMillis())))) {
      return Claim.OWNED;
    }
    String owner = redis.get(key);
    if (owner == null) {
      // Expired between the two commands: try once more.
      return "OK".equals(redis.set(key, agentId, SetArgs.Builder.nx().px(ttl.toMillis())))
          ? Claim.OWNED
          : Claim.HELD_ELSEWHERE;
    }
    if (owner.startsWith(DONE_PREFIX)) {
      return Claim.DONE;
    }
    return owner.equals(agentId) ? Claim.OWNED : Claim.HELD_ELSEWHERE;
  }

  /** Extends this agent's fence; false if it lost it. */
  boolean refresh(String runId) {
    Long ok =
        redis.eval(
            REFRESH,
            ScriptOutputType.INTEGER,
            new String[] {RedisKeys.runOwner(runId)},
            agentId,
            Long.toString(ttl.toMillis()));
    return ok != null && ok == 1;
  }

  void markDone(String runId) {
    redis.set(
        RedisKeys.runOwner(runId),
        DONE_PREFIX + agentId,
        SetArgs.Builder.px(RedisKeys.RUN_KEY_TTL.toMillis()));
  }
}
