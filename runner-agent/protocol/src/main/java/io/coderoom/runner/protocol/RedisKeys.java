package io.coderoom.runner.protocol;

import java.time.Duration;

/** Redis key and stream names shared by the server and the runner agents. */
public final class RedisKeys {
  /**
   * Stream of run jobs; agents read it through the {@link #AGENT_GROUP} consumer group and delete
   * each entry when they acknowledge it, so a finished job's code and tests leave Redis.
   */
  public static final String JOBS_STREAM = "runs:jobs";

  /** Stream of final run results, read by servers. */
  public static final String RESULTS_STREAM = "runs:results";

  /**
   * About how many entries {@link #RESULTS_STREAM} keeps: agents trim it approximately ({@code XADD
   * MAXLEN ~}) as a safety net for when no server reads and deletes results. Several minutes of
   * results of a busy fleet, a few MiB of typical results.
   */
  public static final long RESULTS_MAX_LEN = 10_000;

  /** Consumer group of all agents on {@link #JOBS_STREAM}. */
  public static final String AGENT_GROUP = "agents";

  /** Prefix of the per-agent heartbeat hashes; the rest of the key is the agent id. */
  public static final String AGENT_HEARTBEAT_PREFIX = "runner:agent:";

  /** How long a heartbeat stays visible; an agent that stops refreshing it vanishes after this. */
  public static final Duration HEARTBEAT_TTL = Duration.ofSeconds(15);

  /** How often a live agent refreshes its heartbeat: well inside {@link #HEARTBEAT_TTL}. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

  /** Deliveries of a job after which the janitor fails it instead of handing it out again. */
  public static final int MAX_DELIVERIES = 3;

  /** How long output streams and ownership fences of finished runs stay in Redis. */
  public static final Duration RUN_KEY_TTL = Duration.ofHours(1);

  /**
   * Channel on which servers announce a stop: the message is the run id, and the stop itself is
   * {@link #runStop(String)}, set first. Every agent listens; the one executing the run kills its
   * container at once. The channel makes a stop prompt, the key makes it certain: an agent that
   * missed the message (its connection was down, or it had not taken the job yet) finds the key.
   */
  public static final String STOP_CHANNEL = "runs:stop";

  private RedisKeys() {}

  /** The heartbeat hash of one agent. */
  public static String agentHeartbeat(String agentId) {
    return AGENT_HEARTBEAT_PREFIX + agentId;
  }

  /** The output stream of one run. */
  public static String runOutput(String runId) {
    return "run:" + runId + ":out";
  }

  /**
   * The stop request of one run, set by the server of its room (the value is who asked, for logs)
   * for {@link #RUN_KEY_TTL}: an agent executing the run, or about to, stops it and reports {@link
   * RunStatus#STOPPED}.
   */
  public static String runStop(String runId) {
    return "run:" + runId + ":stop";
  }

  /**
   * The ownership fence of one run: the agent executing it holds {@code SET NX PX} on this key and
   * refreshes it while the run lasts, so a reclaimed job is never executed twice at once. Once the
   * run has ended its value is {@link #OWNER_DONE_PREFIX} and who ended it.
   */
  public static String runOwner(String runId) {
    return "run:" + runId + ":owner";
  }

  /**
   * The start of a fence's value once its run has ended: an agent that gets the job (again) only
   * acknowledges it. Agents set it when they publish a result; a server sets it ({@code NX}) when
   * it stops a run no agent has taken yet, and then ends the run itself.
   */
  public static final String OWNER_DONE_PREFIX = "done:";
}
