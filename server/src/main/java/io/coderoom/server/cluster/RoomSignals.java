package io.coderoom.server.cluster;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every server instance about a change to a room made through one that does not hold it: an
 * interview ended or a link revoked over REST on any instance must close the sockets at the room's
 * owner (and with them, the relayed ones everywhere). The change is stored first; the signal only
 * says "act on it if the room is live here". Pub/sub keeps nothing for a subscriber that is away,
 * so a signal can be lost (Redis down, the owner's subscription cut, the publisher cut from Redis):
 * the owner then finds the change in PostgreSQL, when its subscription is back ({@link
 * #onSubscribed}) and at its periodic check of its live rooms.
 *
 * <p>Redis pub/sub on one channel; a signal is {@code KIND ROOM [ARGUMENT]}.
 */
public final class RoomSignals implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RoomSignals.class);
  private static final String CHANNEL = "coderoom:room-signals";
  private static final Duration RETRY = Duration.ofSeconds(1);

  /** What happened to a room. */
  public enum Kind {
    ENDED,
    LINK_REVOKED
  }

  private final RedisConnector redis;
  private volatile BiConsumer<Kind, String[]> listener = (kind, arguments) -> {};
  private volatile Runnable subscribed = () -> {};
  private final Thread subscriber;
  private volatile StatefulRedisPubSubConnection<String, String> subscription;
  private volatile boolean closed;

  public RoomSignals(RedisConnector redis) {
    this.redis = redis;
    // Redis may be down at start: subscribe once it answers (Lettuce resubscribes after that).
    this.subscriber = Thread.ofVirtual().name("room-signals").start(this::subscribeWhenReachable);
  }

  /** Called with each signal's kind, then its room id and argument, on Redis's thread. */
  public void listen(BiConsumer<Kind, String[]> listener) {
    this.listener = listener;
  }

  /**
   * Called, on Redis's thread, each time the subscription is established: at first, and again after
   * Lettuce reconnected and resubscribed. Signals published in between were lost; from this moment
   * on none is, so whatever is stored now is what to catch up with.
   */
  public void onSubscribed(Runnable subscribed) {
    this.subscribed = subscribed;
  }

  /** Sends a signal to every instance (this one included). */
  public void publish(Kind kind, String roomId, String argument) {
    String message = kind.name() + " " + roomId + (argument.isEmpty() ? "" : " " + argument);
    redis
        .connection()
        .thenCompose(c -> c.async().publish(CHANNEL, message))
        .exceptionally(
            error -> {
              // The user's call did not wait for this, and the owner finds the change in
              // PostgreSQL. Nothing of the message but the room and the kind is logged.
              log.warn(
                  "{} could not signal {} to the other instances, which catch up from PostgreSQL:"
                      + " {}",
                  roomId,
                  kind,
                  error.toString());
              return null;
            });
  }

  private void subscribeWhenReachable() {
    while (!closed) {
      try {
        StatefulRedisPubSubConnection<String, String> connection = redis.pubSubConnection();
        connection.addListener(
            new RedisPubSubAdapter<>() {
              @Override
              public void message(String channel, String message) {
                deliver(message);
              }

              @Override
              public void subscribed(String channel, long count) {
                log.debug("room signals: subscribed");
                subscribed.run();
              }
            });
        connection.sync().subscribe(CHANNEL);
        subscription = connection;
        if (closed) {
          connection.close();
        }
        return;
      } catch (RuntimeException e) {
        log.debug("room signals: Redis does not answer yet: {}", e.toString());
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void deliver(String message) {
    String[] parts = message.split(" ");
    try {
      Kind kind = Kind.valueOf(parts[0]);
      String[] rest = new String[parts.length - 1];
      System.arraycopy(parts, 1, rest, 0, rest.length);
      listener.accept(kind, rest);
    } catch (RuntimeException e) {
      log.warn("ignored a room signal that does not read: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    subscriber.interrupt();
    StatefulRedisPubSubConnection<String, String> connection = subscription;
    if (connection != null) {
      connection.close();
    }
  }
}
