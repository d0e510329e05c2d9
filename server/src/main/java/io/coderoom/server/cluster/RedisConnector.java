package io.coderoom.server.cluster;

import io.coderoom.server.api.ReadinessCheck;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The shared, non-blocking Redis connection. It connects lazily and again after a failed attempt,
 * so the server starts (and reports not ready) while Redis is down; once connected, Lettuce
 * reconnects by itself. Blocking reads (XREAD BLOCK) must open their own connection.
 */
public final class RedisConnector implements AutoCloseable {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

  private final RedisClient client;
  private final RedisURI uri;
  private CompletableFuture<StatefulRedisConnection<String, String>> connection;

  public RedisConnector(String url) {
    this.uri = RedisURI.create(url);
    this.uri.setTimeout(COMMAND_TIMEOUT);
    this.client = RedisClient.create();
    this.client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // While disconnected, fail commands at once instead of queueing them without bound.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .build());
  }

  /** The connection, connecting first if there is none or the last attempt failed. */
  public synchronized CompletableFuture<StatefulRedisConnection<String, String>> connection() {
    if (connection == null || connection.isCompletedExceptionally()) {
      connection = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
    }
    return connection;
  }

  /**
   * A connection of its own for blocking reads (XREAD BLOCK), which must never hold up the shared
   * one. Connects synchronously: call it off the event loops.
   */
  public StatefulRedisConnection<String, String> dedicatedConnection() {
    return client.connect(StringCodec.UTF8, uri);
  }

  /**
   * A connection of its own for pub/sub (a subscribed connection takes no other commands). Connects
   * synchronously: call it off the event loops.
   */
  public StatefulRedisPubSubConnection<String, String> pubSubConnection() {
    return client.connectPubSub(StringCodec.UTF8, uri);
  }

  /** Ready when PING is answered. */
  public ReadinessCheck readinessCheck() {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return "redis";
      }

      @Override
      public CompletionStage<?> check() {
        return connection().thenCompose(c -> c.async().ping());
      }
    };
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.thenAccept(StatefulRedisConnection::close);
    }
    client.shutdown(Duration.ZERO, COMMAND_TIMEOUT);
  }
}
