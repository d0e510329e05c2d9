package io.coderoom.runner.agent.queue;

import io.coderoom.runner.agent.sandbox.OutputListener;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunResult;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's events to its output stream as they happen (pipelined, never waiting on the
 * sandbox's threads) and its result to {@link RedisKeys#RESULTS_STREAM}, which it trims to about
 * {@link RedisKeys#RESULTS_MAX_LEN} entries.
 */
final class RunPublisher {
  private static final Logger log = LoggerFactory.getLogger(RunPublisher.class);

  private final RedisAsyncCommands<String, String> redis;

  RunPublisher(RedisAsyncCommands<String, String> redis) {
    this.redis = redis;
  }

  void started(String runId, String agentId) {
    send(new RunEvent.Started(runId, agentId, System.currentTimeMillis()));
  }

  /** A listener publishing each chunk of output. */
  OutputListener output(String runId) {
    return (stream, text) -> send(new RunEvent.Output(runId, stream, text));
  }

  /** Ends the output stream and publishes the result; waits until Redis has both. */
  void finished(RunResult result) throws Exception {
    String out = RedisKeys.runOutput(result.runId());
    CompletableFuture.allOf(
            redis
                .xadd(out, new RunEvent.Ended(result.runId(), result.status()).toFields())
                .toCompletableFuture(),
            redis.pexpire(out, RedisKeys.RUN_KEY_TTL.toMillis()).toCompletableFuture(),
            redis
                .xadd(
                    RedisKeys.RESULTS_STREAM,
                    XAddArgs.Builder.maxlen(RedisKeys.RESULTS_MAX_LEN).approximateTrimming(),
                    result.toFields())
                .toCompletableFuture())
        .get(10, TimeUnit.SECONDS);
  }

  private void send(RunEvent event) {
    redis
        .xadd(RedisKeys.runOutput(event.runId()), event.toFields())
        .whenComplete(
            (id, error) -> {
              if (error != null) {
                log.warn("{} output event lost: {}", event.runId(), error.toString());
              }
            });
  }
}
