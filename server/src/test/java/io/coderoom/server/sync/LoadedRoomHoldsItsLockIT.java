package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestDatabase;
import io.coderoom.server.TestServers;
import io.coderoom.server.auth.RoomTokenCodec;
import io.coderoom.server.cluster.RedisConnector;
import io.coderoom.server.cluster.RoomOwnership;
import io.coderoom.server.cluster.RoomSignals;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.ProblemReader;
import io.coderoom.server.room.Ids;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.run.RunQueue;
import io.coderoom.server.run.RunStore;
import io.coderoom.server.run.RunTracing;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.DocumentLogWriter;
import io.coderoom.server.transport.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A room is loaded in an instance only while that instance holds the room's ownership lock. Sockets
 * that arrive as their room unloads either reach it before it goes or load it again with the lock
 * taken again; none may load it without the lock, which a second instance could then take as well,
 * giving the room two owners.
 *
 * <p>Several threads open a handful of rooms through the registry as fast as they can, while
 * another unloads each room as soon as it is ready, so loads and unloads of the same room keep
 * meeting. Meanwhile, and again at the end, PostgreSQL is asked who holds the lock of each room the
 * registry has loaded.
 */
class LoadedRoomHoldsItsLockIT {
  private static final int ROOMS = 3;
  private static final int OPENERS = 3;

  /** Enough loads for sockets to meet unloads many times; on a busy machine, the time runs out. */
  private static final int LOADS = 200;

  private static final Duration HAMMERING = Duration.ofSeconds(8);

  /** Fewer loads than this and the test did not test much. */
  private static final int MIN_LOADS = 30;

  /** How long a thread with no loaded room to act on waits before it looks again. */
  private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  /** The sessions holding a room's advisory lock (a bigint key: its two halves, objsubid 1). */
  private static final String LOCK_HOLDERS =
      "SELECT l.pid FROM pg_locks l, (SELECT hashtextextended(?, 0) AS k) AS room"
          + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
          + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND l.classid::text::bigint = (room.k >> 32) & 4294967295"
          + " AND l.objid::text::bigint = room.k & 4294967295";

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aRoomLoadedHereIsLockedByThisInstanceWhileItLoadsAndUnloads() throws Exception {
    ServerConfig config = TestServers.config();
    EventLoopGroup loops = HttpServer.newWorkerGroup(2);
    ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    Clock clock = Clock.systemUTC();
    try (TestDatabase database = TestDatabase.open();
        RoomOwnership here = ownership(config, "127.0.0.1:1");
        RoomOwnership second = ownership(config, "127.0.0.2:2");
        DocumentLogWriter logWriter =
            new DocumentLogWriter(new DocumentLog(database.jdbi()), here::holds);
        RedisConnector redis = new RedisConnector(config.redisUrl());
        RoomSignals signals = new RoomSignals(redis);
        Connection check =
            DriverManager.getConnection(
                config.databaseUrl(), config.databaseUser(), config.databasePassword())) {
      Jdbi jdbi = database.jdbi();
      RoomRegistry registry =
          new RoomRegistry(
              loops,
              new DocumentLog(jdbi),
              logWriter,
              jdbi,
              new RoomDirectory(
                  jdbi, new RoomTokenCodec(TestServers.TOKEN_KEYS, clock), config.auth(), clock),
              new RunQueue(redis, new RunStore(jdbi), blocking, clock, RunTracing.none()),
              new ProblemLibrary(jdbi, new ProblemReader(Languages.builtIn()), clock),
              blocking,
              clock,
              // Rooms unload when the test says, not on their own.
              Duration.ofHours(1),
              here,
              signals,
              new SimpleMeterRegistry());
      List<String> rooms = createRooms(jdbi);
      registry.openRoom(rooms.get(0)).get(10, TimeUnit.SECONDS);
      List<Integer> firstHolders = lockHolders(check, rooms.get(0));
      assertThat(firstHolders).as("sessions holding the first room's lock").hasSize(1);
      int ownershipSession = firstHolders.get(0);

      AtomicBoolean stop = new AtomicBoolean();
      Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
      Queue<String> unlocked = new ConcurrentLinkedQueue<>();
      // Each load of a room is a LiveRoom of its own: how many the openers were given.
      Set<LiveRoom> generations =
          Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
      AtomicLong opens = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < OPENERS; i++) {
        threads.add(
            Thread.ofPlatform()
                .name("opener-" + i)
                .start(
                    () -> {
                      while (!stop.get()) {
                        String room = rooms.get(ThreadLocalRandom.current().nextInt(ROOMS));
                        try {
                          generations.add(registry.openRoom(room).get(10, TimeUnit.SECONDS));
                          opens.incrementAndGet();
                        } catch (Exception e) {
                          errors.add(e);
                          return;
                        }
                      }
                    }));
      }
      // Moving a room away unloads it exactly as idleness does (LiveRoom.unload), only at once.
      threads.add(
          Thread.ofPlatform()
              .name("unloader")
              .start(
                  () -> {
                    while (!stop.get()) {
                      boolean none = true;
                      for (String room : rooms) {
                        Optional<LiveRoom> live = registry.loaded(room);
                        if (live.isEmpty()) {
                          continue;
                        }
                        none = false;
                        try {
                          live.get()
                              .whenReady()
                              .thenAccept(LiveRoom::moved)
                              .get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                          // Unloaded already: the next pass finds the room loaded again.
                        }
                      }
                      if (none) {
                        LockSupport.parkNanos(PAUSE_NANOS);
                      }
                    }
                  }));

      long checks = 0;
      long start = System.nanoTime();
      long end = start + HAMMERING.toNanos();
      try {
        while (System.nanoTime() < end && generations.size() < LOADS && errors.isEmpty()) {
          boolean none = true;
          for (String room : rooms) {
            if (registry.loaded(room).isEmpty()) {
              continue;
            }
            none = false;
            if (!lockedWhileLoaded(registry, check, room, ownershipSession)) {
              unlocked.add(room);
            }
            checks++;
          }
          if (none) {
            LockSupport.parkNanos(PAUSE_NANOS);
          }
        }
      } finally {
        stop.set(true);
        for (Thread thread : threads) {
          thread.join(TimeUnit.SECONDS.toMillis(15));
        }
      }
      System.out.printf(
          "loaded room holds its lock: in %d ms, %d opens, %d loads, %d lock checks, %d unlocked%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          opens.get(),
          generations.size(),
          checks,
          unlocked.size());

      assertThat(errors).as("errors opening rooms").isEmpty();
      // The hammering did hammer: rooms were loaded and unloaded many times over.
      assertThat(generations.size())
          .as("times a room was loaded")
          .isGreaterThanOrEqualTo(MIN_LOADS);
      assertThat(unlocked).as("rooms seen loaded here without this instance's lock").isEmpty();
      // Settled, every room loaded here is locked here, so another instance cannot take it.
      for (String room : rooms) {
        assertThat(lockedWhileLoaded(registry, check, room, ownershipSession))
            .as("room %s locked here while loaded here", room)
            .isTrue();
        if (registry.loaded(room).isPresent()) {
          assertThat(second.locate(room).get(10, TimeUnit.SECONDS))
              .as("room %s, loaded here, located by a second instance", room)
              .isEqualTo(new RoomOwnership.Elsewhere("127.0.0.1:1"));
        }
      }
    } finally {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
      blocking.close();
    }
  }

  /**
   * False only when the same generation of the room was loaded here before and after PostgreSQL
   * said that this instance's session did not hold its lock: it was loaded throughout.
   */
  private static boolean lockedWhileLoaded(
      RoomRegistry registry, Connection check, String room, int ownershipSession)
      throws SQLException {
    Optional<LiveRoom> before = registry.loaded(room);
    if (before.isEmpty()) {
      return true;
    }
    boolean locked = lockHolders(check, room).contains(ownershipSession);
    return locked || !registry.loaded(room).equals(before);
  }

  private static List<Integer> lockHolders(Connection check, String room) throws SQLException {
    try (PreparedStatement query = check.prepareStatement(LOCK_HOLDERS)) {
      query.setString(1, room);
      try (ResultSet result = query.executeQuery()) {
        List<Integer> pids = new ArrayList<>();
        while (result.next()) {
          pids.add(result.getInt(1));
        }
        return pids;
      }
    }
  }

  private static RoomOwnership ownership(ServerConfig config, String address) {
    return new RoomOwnership(
        config.databaseUrl(), config.databaseUser(), config.databasePassword(), () -> address);
  }

  private static List<String> createRooms(Jdbi jdbi) {
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < ROOMS; i++) {
      String room = Ids.random();
      jdbi.useHandle(
          h -> h.execute("INSERT INTO rooms (id, title, language) VALUES (?, 'race', 'go')", room));
      rooms.add(room);
    }
    return rooms;
  }
}
