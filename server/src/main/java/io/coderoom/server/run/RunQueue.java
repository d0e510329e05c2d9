package io.coderoom.server.run;

import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.server.cluster.RedisConnector;
import io.coderoom.server.room.Principal;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues run jobs on {@code runs:jobs} and follows each run on a virtual thread with its own Redis
 * connection (blocking reads never share the server's connection): output events as they come, then
 * the result, which is stored before the listener hears of it.
 */
public final class RunQueue {
  private static final Logger log = LoggerFactory.getLogger(RunQueue.class);

  /** Shorter than the connection's command timeout, so a blocking read returns in time. */
  private static final long BLOCK_MS = 1000;

  /** No agent took the run this long after it was queued: it is failed with a clear reason. */
  static final Duration START_DEADLINE = Duration.ofSeconds(30);

  private final RedisConnector redis;
  private final RunStore store;
  private final Executor blocking;
  private final Clock clock;

  public RunQueue(RedisConnector redis, RunStore store, Executor blocking, Clock clock) {
    this.redis = redis;
    this.store = store;
    this.blocking = blocking;
    this.clock = clock;
  }

  /** Hears about one run, on the run's own thread. */
  public interface Listener {
    void event(RunEvent event);

    void finished(RunResult result);
  }

  /** Stores and queues the job, then follows it; returns at once. */
  public void submit(
      String roomId, Principal by, RunJob job, Optional<String> problemId, Listener listener) {
    blocking.execute(() -> follow(roomId, by, job, problemId, listener));
  }

  private void follow(
      String roomId, Principal by, RunJob job, Optional<String> problemId, Listener listener) {
    RunResult result;
    try (StatefulRedisConnection<String, String> connection = redis.dedicatedConnection()) {
      RedisCommands<String, String> commands = connection.sync();
      store.insert(roomId, by, job, problemId);
      String resultsFrom = lastId(commands, RedisKeys.RESULTS_STREAM);
      commands.xadd(RedisKeys.JOBS_STREAM, job.toFields());
      result = await(commands, job, resultsFrom, listener);
    } catch (RuntimeException e) {
      log.warn("{} run {} could not be followed: {}", roomId, job.runId(), e.toString());
      result =
          RunResult.internalError(
              job.runId(),
              "",
              "The run was interrupted before it finished; try again.",
              job.submittedAtMs());
    }
    try {
      store.finish(result);
    } catch (RuntimeException e) {
      log.warn("{} run {} result not stored: {}", roomId, job.runId(), e.toString());
    }
    listener.finished(result);
  }

  private RunResult await(
      RedisCommands<String, String> commands, RunJob job, String resultsFrom, Listener listener) {
    String outputKey = RedisKeys.runOutput(job.runId());
    String outputFrom = "0";
    boolean started = false;
    boolean ended = false;
    long deadline =
        clock.millis()
            + START_DEADLINE.toMillis()
            + job.timeLimitMs()
            + Duration.ofSeconds(30).toMillis();
    while (clock.millis() < deadline) {
      if (!ended) {
        for (StreamMessage<String, String> entry : read(commands, outputKey, outputFrom)) {
          outputFrom = entry.getId();
          RunEvent event = RunEvent.fromFields(entry.getBody());
          started |= event instanceof RunEvent.Started;
          ended |= event instanceof RunEvent.Ended;
          listener.event(event);
        }
        if (!started && clock.millis() - job.submittedAtMs() > START_DEADLINE.toMillis()) {
          return RunResult.internalError(
              job.runId(),
              "",
              "No runner agent took the run; is one running?",
              job.submittedAtMs());
        }
      } else {
        for (StreamMessage<String, String> entry :
            read(commands, RedisKeys.RESULTS_STREAM, resultsFrom)) {
          resultsFrom = entry.getId();
          if (job.runId().equals(entry.getBody().get("runId"))) {
            return RunResult.fromFields(entry.getBody());
          }
        }
      }
    }
    return RunResult.internalError(
        job.runId(), "", "The run did not finish in time.", job.submittedAtMs());
  }

  private static List<StreamMessage<String, String>> read(
      RedisCommands<String, String> commands, String key, String from) {
    return commands.xread(
        XReadArgs.Builder.block(BLOCK_MS).count(100), XReadArgs.StreamOffset.from(key, from));
  }

  private static String lastId(RedisCommands<String, String> commands, String key) {
    List<StreamMessage<String, String>> last =
        commands.xrevrange(
            key, io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.from(1));
    return last.isEmpty() ? "0" : last.get(0).getId();
  }
}
