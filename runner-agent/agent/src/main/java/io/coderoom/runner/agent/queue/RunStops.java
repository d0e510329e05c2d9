package io.coderoom.runner.agent.queue;

import io.coderoom.runner.agent.sandbox.StopSignal;
import io.coderoom.runner.protocol.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the runs this agent executes when their room asks. A server sets {@link
 * RedisKeys#runStop(String)} and then announces the run id on {@link RedisKeys#STOP_CHANNEL}; this
 * agent listens on the channel (its own connection, as subscriptions need) and pulls the run's
 * {@link StopSignal} at once. The key is looked at when a run begins (a stop that came while the
 * job waited in the queue, or before another agent's job was reclaimed) and again at every refresh
 * of the run's fence, so a stop announced while this agent's subscription was down still lands.
 */
final class RunStops implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunStops.class);

  private final String agentId;
  private final RedisCommands<String, String> redis;
  private final StatefulRedisPubSubConnection<String, String> subscription;
  private final Map<String, StopSignal> live = new ConcurrentHashMap<>();

  /** Killing a container blocks; neither Lettuce's threads nor the fence timer may wait for it. */
  private final ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor();

  RunStops(RedisClient client, RedisCommands<String, String> redis, String agentId) {
    this.agentId = agentId;
    this.redis = redis;
    this.subscription = client.connectPubSub();
    subscription.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String runId) {
            StopSignal signal = live.get(runId);
            if (signal != null) {
              stop(runId, signal);
            }
          }
        });
  }

  /** Starts listening; Lettuce subscribes again by itself after a reconnect. */
  void start() {
    subscription.sync().subscribe(RedisKeys.STOP_CHANNEL);
  }

  /**
   * The stop signal of a run this agent begins executing, watched until {@link #forget}: pulled
   * already if the room asked for a stop before now.
   */
  StopSignal watch(String runId) {
    StopSignal signal = new StopSignal();
    live.put(runId, signal);
    // Nothing watches the signal yet, so pulling it here only marks it, on this thread: the run
    // then never starts (pulled on the stopping thread, it could start a container first).
    if (stopAsked(runId)) {
      log.info("{} stopping {} as its room asked", agentId, runId);
      signal.stop();
    }
    return signal;
  }

  /** Looks at the run's stop key, and stops the run if it is there. */
  void check(String runId) {
    StopSignal signal = live.get(runId);
    if (signal == null || signal.stopped()) {
      return;
    }
    if (stopAsked(runId)) {
      stop(runId, signal);
    }
  }

  private boolean stopAsked(String runId) {
    try {
      return redis.exists(RedisKeys.runStop(runId)) > 0;
    } catch (RuntimeException e) {
      log.warn("{} could not look for a stop of {}: {}", agentId, runId, e.toString());
      return false;
    }
  }

  /** The run ended here. */
  void forget(String runId) {
    live.remove(runId);
  }

  private void stop(String runId, StopSignal signal) {
    log.info("{} stopping {} as its room asked", agentId, runId);
    try {
      stopping.execute(signal::stop);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // The agent is closing: its runs end with it.
      log.debug("{} closing; {} ends with it", agentId, runId);
    }
  }

  @Override
  public void close() {
    subscription.close();
    stopping.shutdown();
  }
}
