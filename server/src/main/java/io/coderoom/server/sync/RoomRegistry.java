package io.coderoom.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.Futures;
import io.coderoom.server.cluster.RoomOwnership;
import io.coderoom.server.cluster.RoomSignals;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.run.RunKind;
import io.coderoom.server.run.RunQueue;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.DocumentLogWriter;
import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.store.RoomRemovals;
import io.coderoom.server.store.RoomTables;
import io.coderoom.server.sync.protocol.RolePermissions;
import io.coderoom.server.transport.HeldElsewhere;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rooms loaded in this server, each pinned to one event loop of the worker group. */
public final class RoomRegistry {
  private static final Logger log = LoggerFactory.getLogger(RoomRegistry.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConcurrentMap<String, LiveRoom> rooms = new ConcurrentHashMap<>();

  /**
   * Held while a room is put in {@link #rooms} or taken out of it, so that "loaded here" and "held
   * here" ({@link RoomOwnership#holds}) change together; reading the map needs nothing.
   */
  private final Object loadedAndHeld = new Object();

  private final EventLoopGroup loops;
  private final DocumentLog documentLog;
  private final DocumentLogWriter logWriter;
  private final Jdbi jdbi;
  private final RoomDirectory directory;
  private final RunQueue runs;
  private final ProblemLibrary problems;
  private final Executor blocking;
  private final Clock clock;
  private final Duration idleUnload;
  private final SyncMetrics metrics;
  private final RoomEvents roomEvents;
  private final RoomOwnership ownership;
  private final RoomSignals signals;

  public RoomRegistry(
      EventLoopGroup loops,
      DocumentLog documentLog,
      DocumentLogWriter logWriter,
      Jdbi jdbi,
      RoomDirectory directory,
      RunQueue runs,
      ProblemLibrary problems,
      Executor blocking,
      Clock clock,
      Duration idleUnload,
      RoomOwnership ownership,
      RoomSignals signals,
      MeterRegistry meters) {
    this.loops = loops;
    this.documentLog = documentLog;
    this.logWriter = logWriter;
    this.jdbi = jdbi;
    this.directory = directory;
    this.runs = runs;
    this.problems = problems;
    this.blocking = blocking;
    this.clock = clock;
    this.idleUnload = idleUnload;
    this.metrics = new SyncMetrics(meters);
    this.roomEvents = new RoomEvents(jdbi);
    this.ownership = ownership;
    ownership.onLost(this::ownershipLost);
    this.signals = signals;
    signals.listen(this::signalled);
    // A signal published while this instance was not subscribed is lost: catch up from PostgreSQL.
    signals.onSubscribed(this::reconcile);
    Gauge.builder("coderoom.rooms.loaded", rooms, ConcurrentMap::size)
        .description("Rooms loaded in memory")
        .register(meters);
    Gauge.builder("coderoom.document.log.pending", logWriter, DocumentLogWriter::pending)
        .description("Document updates not yet in PostgreSQL (persistence lag)")
        .register(meters);
  }

  /** A socket's view of a room document: the room and the loaded document. */
  record Opened(LiveRoom room, SharedDocument document) {}

  /**
   * Loads the room (on its event loop) and the document if needed; fails with {@link HeldElsewhere}
   * when another instance holds the room.
   */
  CompletableFuture<Opened> open(String roomId, DocumentName name) {
    return live(roomId)
        .thenCompose(room -> room.open(name).thenApply(document -> new Opened(room, document)))
        .exceptionallyCompose(error -> retryIfUnloaded(error, () -> open(roomId, name)));
  }

  /**
   * Loads the room (on its event loop) if needed; fails with {@link HeldElsewhere} when another
   * instance holds the room.
   */
  CompletableFuture<LiveRoom> openRoom(String roomId) {
    return live(roomId)
        .thenCompose(LiveRoom::whenReady)
        .exceptionallyCompose(error -> retryIfUnloaded(error, () -> openRoom(roomId)));
  }

  /**
   * The room in this instance: the one loaded here, or a new one once this instance holds the room
   * (taking it now unless another instance holds it, which fails with {@link HeldElsewhere}).
   */
  private CompletableFuture<LiveRoom> live(String roomId) {
    LiveRoom room = loadIfHeld(roomId);
    if (room != null) {
      return CompletableFuture.completedFuture(room);
    }
    return ownership
        .locate(roomId)
        .thenComposeAsync(
            owner ->
                switch (owner) {
                  case RoomOwnership.Elsewhere elsewhere ->
                      CompletableFuture.failedFuture(new HeldElsewhere(elsewhere.address()));
                  // Held here now; if the room unloaded and gave it back meanwhile, take it again.
                  case RoomOwnership.Here here -> live(roomId);
                },
            blocking);
  }

  /**
   * The participants of a live room: read here, or as the instance holding it published them (none
   * when it is live nowhere).
   */
  public CompletableFuture<List<Map<String, Object>>> participants(String roomId) {
    LiveRoom room = rooms.get(roomId);
    if (room == null) {
      return ownership
          .participantsElsewhere(roomId)
          .thenApply(published -> published.map(RoomRegistry::parseParticipants).orElse(List.of()));
    }
    return room.participants()
        .thenApply(list -> list.stream().map(RoomRegistry::participantJson).toList())
        .exceptionally(error -> List.of());
  }

  /** Someone joined or left a room live here: the other instances list them from PostgreSQL. */
  void participantsChanged(String roomId, List<Participant> participants) {
    try {
      ownership.publishParticipants(
          roomId,
          JSON.writeValueAsString(
              participants.stream().map(RoomRegistry::participantJson).toList()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, Object>> parseParticipants(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("participants that do not read: " + e.getMessage(), e);
    }
  }

  /** A participant as the REST API lists it: the fields of the control socket's. */
  private static Map<String, Object> participantJson(Participant participant) {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("id", participant.id());
    json.put("role", participant.role().wireName());
    json.put("name", participant.name());
    json.put("color", participant.color());
    json.put("joinedAt", participant.joinedAt().toString());
    return json;
  }

  /**
   * The room loaded here, else a new one if this instance holds the room, else null.
   *
   * <p>A room is loaded here only while this instance holds its lock. Loading it (when held) and
   * removing it with its release both happen under {@link #loadedAndHeld}, so a socket that arrives
   * as the room unloads either finds it still loaded, or finds it gone and not held, and then takes
   * the lock again before loading it. It can never load the room in between, while its lock is
   * being given back and another instance could take the room as well.
   */
  private LiveRoom loadIfHeld(String roomId) {
    LiveRoom loaded = rooms.get(roomId);
    if (loaded != null) {
      // In the map, so held: its lock goes only once it has left the map.
      return loaded;
    }
    LiveRoom room;
    synchronized (loadedAndHeld) {
      loaded = rooms.get(roomId);
      if (loaded != null) {
        return loaded;
      }
      if (!ownership.holds(roomId)) {
        return null;
      }
      room = new LiveRoom(roomId, loops.next(), this);
      rooms.put(roomId, room);
    }
    // A room whose record failed to load is forgotten, so the next socket tries again.
    room.whenReady()
        .whenComplete(
            (r, error) -> {
              if (error != null && !(Futures.cause(error) instanceof LiveRoom.RoomUnloaded)) {
                remove(room);
              }
            });
    return room;
  }

  /**
   * The room left this instance: it leaves the map, then gives its lock back, so the lock is never
   * free while the room is still in the map.
   */
  private void remove(LiveRoom room) {
    synchronized (loadedAndHeld) {
      if (rooms.remove(room.id(), room)) {
        ownership.release(room.id());
      }
    }
  }

  private static <T> CompletableFuture<T> retryIfUnloaded(
      Throwable error, Supplier<CompletableFuture<T>> retry) {
    return Futures.cause(error) instanceof LiveRoom.RoomUnloaded
        ? retry.get()
        : CompletableFuture.failedFuture(error);
  }

  /**
   * The room ended (stored already): where it is live (here, or at the instance holding it),
   * everyone is told, every socket closes (4410) and later ones are refused.
   */
  public void roomEnded(String roomId) {
    LiveRoom room = rooms.get(roomId);
    if (room != null) {
      room.execute(room::end);
    } else {
      signals.publish(RoomSignals.Kind.ENDED, roomId, "");
    }
  }

  /**
   * A link of the room was revoked (stored already): where the room is live, the link's sockets
   * close (4401) and later ones are refused.
   */
  public void linkRevoked(String roomId, String tokenId) {
    LiveRoom room = rooms.get(roomId);
    if (room != null) {
      room.execute(() -> room.linkRevoked(tokenId));
    } else {
      signals.publish(RoomSignals.Kind.LINK_REVOKED, roomId, tokenId);
    }
  }

  /** Another instance changed a room: if it is live here, it acts on it. */
  private void signalled(RoomSignals.Kind kind, String[] arguments) {
    LiveRoom room = rooms.get(arguments[0]);
    if (room == null) {
      return;
    }
    switch (kind) {
      case ENDED -> room.execute(room::end);
      case LINK_REVOKED -> room.execute(() -> room.linkRevoked(arguments[1]));
    }
  }

  /**
   * Checks every room live here against PostgreSQL and acts on an end or a revocation it has not
   * acted on yet, as its signal would have. Signals are the fast path; this is how one that was
   * lost still takes effect: published while Redis was down or this instance's subscription was
   * cut, or never published because the instance that stored the change could not reach Redis. It
   * runs whenever the subscription to the signals is (re)established, here off the caller's thread,
   * and periodically as housekeeping ({@link #reconcileNow}).
   */
  private void reconcile() {
    blocking.execute(
        () -> {
          try {
            reconcileNow();
          } catch (RuntimeException e) {
            // PostgreSQL is away: the periodic check, or the next resubscription, catches up.
            log.warn("could not check the live rooms against PostgreSQL: {}", e.toString());
          }
        });
  }

  /**
   * {@link #reconcile} on the calling thread, which may block (one query for all the rooms); fails
   * when PostgreSQL does not answer.
   */
  public void reconcileNow() {
    List<String> live = List.copyOf(rooms.keySet());
    if (live.isEmpty()) {
      return;
    }
    for (RoomRemovals stored : directory.removals(live)) {
      LiveRoom room = rooms.get(stored.roomId());
      if (room != null) {
        room.reconcile(stored);
      }
    }
  }

  /** Appends to the room's audit log, off the event loop. */
  void audit(String roomId, Principal principal, String action, Map<String, ?> detail) {
    blocking.execute(
        () ->
            jdbi.useHandle(
                h ->
                    RoomTables.audit(
                        h, roomId, principal.actor(), principal.role(), action, detail)));
  }

  public int loadedRooms() {
    return rooms.size();
  }

  /** The room, if it is loaded in this instance now. */
  Optional<LiveRoom> loaded(String roomId) {
    return Optional.ofNullable(rooms.get(roomId));
  }

  void unloaded(LiveRoom room) {
    remove(room);
  }

  /** Another instance holds the room now: if it is loaded here, its sockets move there. */
  private void ownershipLost(String roomId) {
    LiveRoom room = rooms.get(roomId);
    if (room != null) {
      room.execute(room::moved);
    }
  }

  SyncMetrics metrics() {
    return metrics;
  }

  DocumentLog documentLog() {
    return documentLog;
  }

  DocumentLogWriter logWriter() {
    return logWriter;
  }

  RoomDirectory directory() {
    return directory;
  }

  RunQueue runs() {
    return runs;
  }

  /** The problem library: the problems rooms pick and the versions they recorded. */
  ProblemLibrary problems() {
    return problems;
  }

  /**
   * Starts a run in the room (loading it if needed); completes with the run id.
   *
   * @param trace the context the run's span is a child of (the request's)
   */
  public CompletableFuture<String> startRun(
      String roomId, Principal by, String stdin, RunKind kind, Context trace) {
    // Over REST there is no participant: the link's name, if it carries one, says who.
    String name = by.token().map(token -> token.name()).orElse("");
    return openRoom(roomId).thenCompose(room -> room.startRun(by, "", name, stdin, kind, trace));
  }

  RoomEvents roomEvents() {
    return roomEvents;
  }

  /** Which permissions each role holds in this server's rooms. */
  RolePermissions permissions() {
    return RolePermissions.DEFAULT;
  }

  Executor blocking() {
    return blocking;
  }

  Clock clock() {
    return clock;
  }

  Duration idleUnload() {
    return idleUnload;
  }
}
