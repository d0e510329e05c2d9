package io.coderoom.server.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which server instance a room is live in. A room lives in one instance at a time, its owner, so
 * everything that must be single-valued (the update log's sequence numbers, one run at a time, the
 * lock, the clock, the participant list) stays as correct with several instances as with one; the
 * other instances forward the room's sockets to the owner (see {@link PeerRelay}).
 *
 * <p>Ownership is a session-level PostgreSQL advisory lock on the room, taken by the first instance
 * a socket of the room reaches. PostgreSQL, which already holds the room's update log, is the one
 * place that decides: an owner killed with kill -9 loses its locks as soon as its connection
 * closes, and the next socket of the room, wherever it arrives, takes the room over and loads it
 * from the log; clients resend what the log had not stored yet when they sync. {@code room_owners}
 * only tells the others the owner's address.
 *
 * <p>All of it runs on one thread with its own connection (a lock belongs to the session that took
 * it, so it cannot come from the pool). That connection is checked every second; when it is lost
 * (PostgreSQL restarted, or the network), the rooms keep serving their sockets and their locks are
 * taken again once PostgreSQL answers. A room whose lock another instance took meanwhile is
 * reported lost: its sockets close so that they reconnect to the new owner.
 */
public final class RoomOwnership implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RoomOwnership.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final int CONNECT_TIMEOUT_SECONDS = 2;

  /** An owner that took the lock a moment ago may not have written its address yet. */
  private static final int ADDRESS_ATTEMPTS = 20;

  private static final long ADDRESS_PAUSE_MS = 50;

  /** After a reconnect, how long a lock the old session still held may take to be freed. */
  private static final int RETAKE_ATTEMPTS = 10;

  private static final long RETAKE_PAUSE_MS = 300;

  /** Where a room's sockets go. */
  public sealed interface Owner permits Here, Elsewhere {}

  /** This instance holds the room. */
  public record Here() implements Owner {}

  /** Another instance holds it, at {@code address} (host:port). */
  public record Elsewhere(String address) implements Owner {}

  private final String url;
  private final Properties credentials;
  private final Supplier<String> address;
  private final ScheduledExecutorService thread;
  // Only the ownership thread touches these two.
  private final Set<String> held = new HashSet<>();
  private Connection connection;
  private boolean retakeNeeded;
  private final Set<String> heldView = ConcurrentHashMap.newKeySet();
  private volatile Consumer<String> onLost = roomId -> {};

  /**
   * @param address how the other instances reach this one (host:port); read once the server
   *     listens, before the first room is located
   */
  public RoomOwnership(String url, String user, String password, Supplier<String> address) {
    this.url = url;
    this.credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    credentials.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    credentials.setProperty("socketTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 5));
    credentials.setProperty("ApplicationName", "coderoom room ownership");
    this.address = address;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("room-ownership").daemon().unstarted(r));
    thread.scheduleWithFixedDelay(
        this::checkConnection,
        CHECK_EVERY.toMillis(),
        CHECK_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Called (on the ownership thread) with each room whose ownership went to another instance. */
  public void onLost(Consumer<String> listener) {
    this.onLost = listener;
  }

  /** Whether this instance holds the room now (as far as it knows; callable from any thread). */
  public boolean holds(String roomId) {
    return heldView.contains(roomId);
  }

  /**
   * Where the room lives: here (the lock taken now, or held already) or at another instance.
   * Completes exceptionally when PostgreSQL does not answer.
   */
  public CompletableFuture<Owner> locate(String roomId) {
    return CompletableFuture.supplyAsync(() -> locateNow(roomId), thread);
  }

  /**
   * Where the room lives, without taking it: here when it is held here or nowhere (a record left by
   * a killed owner is forgotten), elsewhere when another instance holds it.
   */
  public CompletableFuture<Owner> lookup(String roomId) {
    return CompletableFuture.supplyAsync(
        () -> {
          if (held.contains(roomId)) {
            return new Here();
          }
          try {
            Connection c = connected();
            String owner = ownerAddress(c, roomId);
            if (owner == null || owner.equals(address.get())) {
              return new Here();
            }
            if (tryLock(c, roomId)) {
              // Nobody holds it: the record is a killed owner's. Forget it, and the lock.
              unlock(c, roomId);
              forget(c, roomId, owner);
              return new Here();
            }
            return new Elsewhere(owner);
          } catch (SQLException e) {
            dropConnection();
            throw new IllegalStateException("PostgreSQL did not answer: " + e.getMessage(), e);
          }
        },
        thread);
  }

  /**
   * Who is connected to the room, as the instance holding it last published them (a JSON array),
   * when another instance holds it; empty when it is held here or nowhere.
   */
  public CompletableFuture<Optional<String>> participantsElsewhere(String roomId) {
    return lookup(roomId)
        .thenApplyAsync(
            owner -> {
              if (!(owner instanceof Elsewhere)) {
                return Optional.<String>empty();
              }
              try (PreparedStatement query =
                  connected()
                      .prepareStatement(
                          "SELECT participants::text FROM room_owners WHERE room_id = ?")) {
                query.setString(1, roomId);
                try (ResultSet result = query.executeQuery()) {
                  return result.next()
                      ? Optional.of(result.getString(1))
                      : Optional.<String>empty();
                }
              } catch (SQLException e) {
                dropConnection();
                throw new IllegalStateException("PostgreSQL did not answer: " + e.getMessage(), e);
              }
            },
            thread);
  }

  /**
   * Publishes who is connected to a room held here (a JSON array), for the other instances to list;
   * the latest list wins, and one lost while PostgreSQL is away is sent again with the next change.
   */
  public void publishParticipants(String roomId, String participants) {
    thread.execute(
        () -> {
          if (!held.contains(roomId)) {
            return;
          }
          try (PreparedStatement update =
              connected()
                  .prepareStatement(
                      "UPDATE room_owners SET participants = ?::jsonb"
                          + " WHERE room_id = ? AND address = ?")) {
            update.setString(1, participants);
            update.setString(2, roomId);
            update.setString(3, address.get());
            update.executeUpdate();
          } catch (SQLException e) {
            dropConnection();
            log.debug("publishing the participants of {} failed: {}", roomId, e.toString());
          }
        });
  }

  /**
   * Gives the room up (it unloaded here); the next socket of it may go anywhere. The caller removes
   * the room and calls this under one guard that its loading checks {@link #holds} under too, so a
   * room is never loaded with its lock about to go.
   */
  public void release(String roomId) {
    // At once, not on the thread: a socket that reloads the room meanwhile must take the lock again
    // (its locate queues behind this release) rather than find it held and lose it to the release.
    heldView.remove(roomId);
    thread.execute(
        () -> {
          if (!held.remove(roomId)) {
            return;
          }
          try {
            Connection c = connected();
            unlock(c, roomId);
            forget(c, roomId, address.get());
          } catch (SQLException e) {
            // The session is gone, and its locks with it; the stale row is overwritten by the
            // next owner.
            log.debug("releasing room {} failed: {}", roomId, e.toString());
          }
        });
  }

  private Owner locateNow(String roomId) {
    if (held.contains(roomId)) {
      return new Here();
    }
    try {
      Connection c = connected();
      for (int attempt = 0; attempt < ADDRESS_ATTEMPTS; attempt++) {
        if (tryLock(c, roomId)) {
          held.add(roomId);
          heldView.add(roomId);
          recordAddress(c, roomId);
          return new Here();
        }
        String owner = ownerAddress(c, roomId);
        if (owner != null && !owner.equals(address.get())) {
          return new Elsewhere(owner);
        }
        Thread.sleep(ADDRESS_PAUSE_MS);
      }
      throw new IllegalStateException("room " + roomId + " is locked but its owner is unknown");
    } catch (SQLException e) {
      dropConnection();
      throw new IllegalStateException("PostgreSQL did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static boolean tryLock(Connection c, String roomId) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
      lock.setString(1, roomId);
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection c, String roomId) throws SQLException {
    try (PreparedStatement unlock =
        c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
      unlock.setString(1, roomId);
      unlock.execute();
    }
  }

  /** Deletes the room's record if it still names {@code owner}. */
  private static void forget(Connection c, String roomId, String owner) throws SQLException {
    try (PreparedStatement forget =
        c.prepareStatement("DELETE FROM room_owners WHERE room_id = ? AND address = ?")) {
      forget.setString(1, roomId);
      forget.setString(2, owner);
      forget.executeUpdate();
    }
  }

  private void recordAddress(Connection c, String roomId) throws SQLException {
    try (PreparedStatement record =
        c.prepareStatement(
            "INSERT INTO room_owners (room_id, address) VALUES (?, ?)"
                + " ON CONFLICT (room_id) DO UPDATE SET address = EXCLUDED.address, since = now()")) {
      record.setString(1, roomId);
      record.setString(2, address.get());
      record.executeUpdate();
    } catch (SQLException e) {
      if ("23503".equals(e.getSQLState())) {
        // The room is not (or no longer) in the database: nothing to tell the others.
        return;
      }
      throw e;
    }
  }

  private static String ownerAddress(Connection c, String roomId) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT address FROM room_owners WHERE room_id = ?")) {
      query.setString(1, roomId);
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? result.getString(1) : null;
      }
    }
  }

  private Connection connected() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(url, credentials);
      connection.setAutoCommit(true);
    }
    return connection;
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        // Closing tells PostgreSQL at once, so the old session's locks are free for the retake.
        connection.close();
      } catch (SQLException e) {
        log.debug("closing the ownership connection: {}", e.toString());
      }
      connection = null;
    }
    retakeNeeded = !held.isEmpty();
  }

  /** Every second: is the session (and so every lock) still there? If not, take them again. */
  private void checkConnection() {
    try {
      if (connection != null && !connection.isValid(CONNECT_TIMEOUT_SECONDS)) {
        log.warn("the room ownership connection to PostgreSQL was lost; rooms keep serving");
        dropConnection();
      }
      if (connection == null && retakeNeeded) {
        retake(connected());
      }
    } catch (SQLException e) {
      dropConnection();
      log.debug("PostgreSQL does not answer yet: {}", e.toString());
    } catch (RuntimeException e) {
      log.error("checking room ownership failed", e);
    }
  }

  private void retake(Connection c) throws SQLException {
    for (String roomId : List.copyOf(held)) {
      if (retakeOne(c, roomId)) {
        recordAddress(c, roomId);
      } else {
        log.warn("room {} was taken over by another instance; its sockets move there", roomId);
        held.remove(roomId);
        heldView.remove(roomId);
        onLost.accept(roomId);
      }
    }
    retakeNeeded = false;
    log.info("room ownership restored in PostgreSQL for {} rooms", held.size());
  }

  private static boolean retakeOne(Connection c, String roomId) throws SQLException {
    for (int attempt = 0; attempt < RETAKE_ATTEMPTS; attempt++) {
      if (tryLock(c, roomId)) {
        return true;
      }
      try {
        Thread.sleep(RETAKE_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Gives every room up: their next sockets may go to any other instance at once. */
  @Override
  public void close() {
    thread.execute(
        () -> {
          held.clear();
          heldView.clear();
          if (connection != null) {
            try (PreparedStatement forget =
                connection.prepareStatement("DELETE FROM room_owners WHERE address = ?")) {
              forget.setString(1, address.get());
              forget.executeUpdate();
            } catch (SQLException e) {
              log.debug("forgetting this instance's rooms: {}", e.toString());
            }
          }
          dropConnection();
        });
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
