package io.coderoom.runner.agent;

import static org.awaitility.Awaitility.await;

import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's side of the queue, as tests need it: submit jobs, read output and results.
 *
 * <p>A fixture starts from an empty queue and leaves one behind: it removes the job and result
 * streams, the consumer group, and every run's and agent's keys when it opens and when it closes,
 * so no job left by an earlier test class reaches this one's agents and no result of an earlier run
 * is taken for this one's. Test classes run one after another, each with its own fixture.
 */
public final class RedisFixture implements AutoCloseable {
  /** Every key the agents and this fixture write. */
  private static final List<String> QUEUE_PATTERNS =
      List.of("run:*", RedisKeys.AGENT_HEARTBEAT_PREFIX + "*");

  public static final String REDIS_URL =
      System.getenv().getOrDefault("CODEROOM_REDIS_URL", "redis://127.0.0.1:6379");

  private final String url;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  public final RedisCommands<String, String> redis;

  /** Results read so far, by run id, and where reading the results stream goes on. */
  private final Map<String, RunResult> results = new HashMap<>();

  private String resultsReadUpTo = "0-0";

  /** The agents this fixture started for its test class and stops when it closes. */
  private final List<RunnerAgent> ownAgents = new ArrayList<>();

  /** On the Redis that {@code ./coderoom test} starts. */
  public RedisFixture() {
    this(REDIS_URL);
  }

  public RedisFixture(String url) {
    this.url = url;
    client = RedisClient.create(url);
    connection = client.connect();
    redis = connection.sync();
    emptyQueue();
  }

  /** Removes the queue's streams, group, and every run's and agent's keys. */
  private void emptyQueue() {
    redis.del(RedisKeys.JOBS_STREAM, RedisKeys.RESULTS_STREAM);
    for (String pattern : QUEUE_PATTERNS) {
      ScanArgs match = ScanArgs.Builder.matches(pattern).limit(1_000);
      KeyScanCursor<String> cursor = redis.scan(match);
      while (true) {
        if (!cursor.getKeys().isEmpty()) {
          redis.del(cursor.getKeys().toArray(String[]::new));
        }
        if (cursor.isFinished()) {
          break;
        }
        cursor = redis.scan(cursor, match);
      }
    }
  }

  /**
   * Starts an agent with two slots on this fixture's Redis, its id {@code name-<pid>} so that test
   * runs side by side on one machine do not share an agent id.
   */
  public RunnerAgent startAgent(String name) {
    return RunnerAgent.start(
        AgentConfig.of(url, name + "-" + ProcessHandle.current().pid(), "test-host", 2));
  }

  /**
   * A fixture on the test Redis with one agent of two slots ({@link #startAgent}) serving it, which
   * {@link #close} stops before it empties the queue.
   */
  public static RedisFixture withAgent(String name) {
    RedisFixture fixture = new RedisFixture();
    try {
      fixture.ownAgents.add(fixture.startAgent(name));
    } catch (RuntimeException e) {
      fixture.close();
      throw e;
    }
    return fixture;
  }

  public static String newRunId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** Queues a job like the server does; returns the stream entry id. */
  public String submit(RunJob job) {
    return redis.xadd(RedisKeys.JOBS_STREAM, job.toFields());
  }

  /**
   * The result of one run, once published. Reads the whole results stream from where the last call
   * stopped, so no result is missed however many runs finished since; the stream holds only this
   * fixture's runs.
   */
  Optional<RunResult> result(String runId) {
    while (true) {
      List<StreamMessage<String, String>> entries =
          redis.xrange(
              RedisKeys.RESULTS_STREAM,
              Range.create("(" + resultsReadUpTo, "+"),
              io.lettuce.core.Limit.from(1_000));
      if (entries.isEmpty()) {
        break;
      }
      for (StreamMessage<String, String> entry : entries) {
        RunResult result = RunResult.fromFields(entry.getBody());
        RunResult earlier = results.putIfAbsent(result.runId(), result);
        if (earlier != null) {
          throw new AssertionError("two results for run " + result.runId());
        }
        resultsReadUpTo = entry.getId();
      }
    }
    return Optional.ofNullable(results.get(runId));
  }

  public RunResult awaitResult(String runId, Duration timeout) {
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
    ownAgents.forEach(RunnerAgent::close);
    emptyQueue();
    connection.close();
    client.shutdown();
  }
}
