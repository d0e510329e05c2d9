package io.coderoom.runner.agent;

import static org.awaitility.Awaitility.await;

import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** The server's side of the queue, as tests need it: submit jobs, read output and results. */
public final class RedisFixture implements AutoCloseable {
  public static final String REDIS_URL =
      System.getenv().getOrDefault("CODEROOM_REDIS_URL", "redis://127.0.0.1:6379");

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  public final RedisCommands<String, String> redis;

  /** On the Redis that {@code ./coderoom test} starts. */
  public RedisFixture() {
    this(REDIS_URL);
  }

  public RedisFixture(String url) {
    client = RedisClient.create(url);
    connection = client.connect();
    redis = connection.sync();
  }

  static String newRunId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** Queues a job like the server does; returns the stream entry id. */
  String submit(RunJob job) {
    return redis.xadd(RedisKeys.JOBS_STREAM, job.toFields());
  }

  Optional<RunResult> result(String runId) {
    // Newest first: the result of a run just finished is near the end.
    List<StreamMessage<String, String>> entries =
        redis.xrevrange(
            RedisKeys.RESULTS_STREAM, Range.create("-", "+"), io.lettuce.core.Limit.from(500));
    for (StreamMessage<String, String> entry : entries) {
      if (runId.equals(entry.getBody().get("runId"))) {
        return Optional.of(RunResult.fromFields(entry.getBody()));
      }
    }
    return Optional.empty();
  }

  RunResult awaitResult(String runId, Duration timeout) {
    AtomicReference<RunResult> found = new AtomicReference<>();
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              result(runId).ifPresent(found::set);
              return found.get() != null;
            });
    return found.get();
  }

  List<RunEvent> events(String runId) {
    return redis.xrange(RedisKeys.runOutput(runId), Range.create("-", "+")).stream()
        .map(StreamMessage::getBody)
        .map(RunEvent::fromFields)
        .toList();
  }

  /** The text of one output stream as the room would see it. */
  String streamed(String runId, RunEvent.OutputStream stream) {
    StringBuilder text = new StringBuilder();
    for (RunEvent event : events(runId)) {
      if (event instanceof RunEvent.Output output && output.stream() == stream) {
        text.append(output.data());
      }
    }
    return text.toString();
  }

  Map<String, String> heartbeat(String agentId) {
    return redis.hgetall(RedisKeys.agentHeartbeat(agentId));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
