package io.coderoom.server;

import io.coderoom.runner.protocol.RedisKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the runs' part of Redis to itself. Test classes run one after another against
 * the Redis database the suite was given; before a class starts, and again when it ends, this
 * deletes every key of the run protocol ({@link RedisKeys}): the job stream with its consumer group
 * and pending jobs, results, output streams, ownership fences, stops and agent heartbeats. So no
 * job an earlier class left waiting (or half-run by an agent it stopped) reaches this class's
 * agents, and no result of it reaches this class's servers.
 */
public final class FreshRunQueue implements BeforeAllCallback, AfterAllCallback {
  /** Every key the server and the agents use: the two streams, per-run keys, heartbeats. */
  private static final List<String> PATTERNS =
      List.of(
          RedisKeys.JOBS_STREAM,
          RedisKeys.RESULTS_STREAM,
          RedisKeys.runOutput("*"),
          RedisKeys.runOwner("*"),
          RedisKeys.runStop("*"),
          RedisKeys.agentHeartbeat("*"));

  @Override
  public void beforeAll(ExtensionContext context) {
    clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    clear();
  }

  /** Deletes every run-protocol key in the suite's Redis database. */
  public static void clear() {
    RedisClient client = RedisClient.create(TestServers.config().redisUrl());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> redis = connection.sync();
      for (String pattern : PATTERNS) {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
          KeyScanCursor<String> page =
              redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
          if (!page.getKeys().isEmpty()) {
            redis.del(page.getKeys().toArray(String[]::new));
          }
          cursor = page;
        } while (!cursor.isFinished());
      }
    } finally {
      client.shutdown();
    }
  }
}
