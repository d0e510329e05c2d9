package io.coderoom.server.sync;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.room.Principal;
import io.coderoom.server.run.RunKind;
import io.coderoom.server.store.DocumentLog.StoredDocument;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.RoomRemovals;
import io.coderoom.server.store.TokenRecord;
import io.coderoom.server.sync.protocol.ChatCommand;
import io.coderoom.server.sync.protocol.ClockCommand;
import io.coderoom.server.sync.protocol.ControlCodec;
import io.coderoom.server.sync.protocol.ControlCommand;
import io.coderoom.server.sync.protocol.HintsCommand;
import io.coderoom.server.sync.protocol.ModerationCommand;
import io.coderoom.server.sync.protocol.ProblemSummary;
import io.coderoom.server.sync.protocol.RoomInfo;
import io.coderoom.server.sync.protocol.RunsCommand;
import io.coderoom.server.sync.protocol.SessionCommand;
import io.coderoom.server.sync.protocol.SessionEvent;
import io.coderoom.server.sync.protocol.SetupCommand;
import io.coderoom.server.transport.CloseCode;
import io.netty.channel.EventLoop;
import io.opentelemetry.context.Context;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded room. It lives on one event loop: its documents, sockets, participants and features are
 * only touched there (its entry points check), so nothing in it needs a lock. Who is in the room,
 * and who may come in, is its {@link RoomPresence}. What happens in it is its features', each with
 * its own family of commands and events: {@link RoomModeration}, {@link RoomSetup}, {@link
 * RoomRuns}, {@link RoomClock}, {@link RoomChat} and {@link RoomHints}; the room decodes a command,
 * checks the sender holds the permission it needs (refusals are audited through {@link
 * DeniedCommands}) and routes it to its feature. The room's record, stored events and documents
 * load lazily (the database calls run off the loop), and the room unloads once it has been without
 * sockets and without a run for a while, however it was loaded.
 */
final class LiveRoom {
  private static final Logger log = LoggerFactory.getLogger(LiveRoom.class);

  /** How often outdated awareness states are looked for (y-protocols checks every 3 s). */
  private static final long AWARENESS_CHECK_SECONDS = 5;

  /**
   * How long the room stays loaded after a socket was admitted to it, for that socket to join: a
   * socket is admitted before its handshake ends, and one whose handshake never ends never joins.
   */
  static final long ARRIVAL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final String id;
  private final EventLoop loop;
  private final RoomRegistry registry;
  private final CompletableFuture<RoomRecord> ready;
  private final Map<DocumentName, CompletableFuture<SharedDocument>> documents =
      new EnumMap<>(DocumentName.class);
  private final RoomPresence presence;
  private final DeniedCommands deniedCommands;
  private final RoomContext context;
  private final RoomModeration moderation;
  private final RoomSetup setup;
  private final RoomRuns runs;
  private final RoomClock clock;
  private final RoomChat chat;
  private final RoomHints hints;
  private final ScheduledFuture<?> awarenessExpiry;
  private RoomRecord record;

  private boolean unloaded;

  /** Since when the room has had no socket ({@link System#nanoTime()}). */
  private long idleSince = System.nanoTime();

  /** When a socket or a run last asked for the room ({@link System#nanoTime()}). */
  private long lastArrival = System.nanoTime();

  /** The next look at whether the room can unload, if one is scheduled. */
  private ScheduledFuture<?> unloadCheck;

  LiveRoom(String id, EventLoop loop, RoomRegistry registry) {
    this.id = id;
    this.loop = loop;
    this.registry = registry;
    this.presence =
        new RoomPresence(
            id,
            loop,
            registry.clock(),
            registry.metrics(),
            this::audit,
            registry.permissions(),
            this::idle,
            participants -> registry.participantsChanged(id, participants));
    this.deniedCommands = new DeniedCommands(loop, this::audit);
    RoomEventLog events = RoomEventLog.of(registry.roomEvents(), id);
    this.context =
        new RoomContext(
            id,
            loop,
            registry.blocking(),
            registry.clock(),
            registry.permissions(),
            presence::announce,
            this::audit,
            events);
    RoomSettings settings = RoomSettings.of(registry.directory(), id);
    this.moderation = new RoomModeration(context, settings, presence);
    this.setup =
        new RoomSetup(
            context,
            settings,
            problemId -> registry.problems().findForRoom(id, problemId),
            this::problemChanged);
    this.runs =
        new RoomRuns(
            context,
            registry.runs(),
            () ->
                open(DocumentName.CODE)
                    .thenApply(
                        code -> new RoomRuns.Subject(code, setup.language(), setup.problem())));
    this.clock = new RoomClock(context, setup::problem);
    this.chat = new RoomChat(context, presence::participants);
    this.hints = new RoomHints(context, setup::problem);
    this.awarenessExpiry =
        loop.scheduleAtFixedRate(
            this::expireAwareness,
            AWARENESS_CHECK_SECONDS,
            AWARENESS_CHECK_SECONDS,
            TimeUnit.SECONDS);
    record Stored(
        RoomRecord room,
        Optional<Problem> problem,
        List<TokenRecord> links,
        List<StoredEvent> events) {}
    this.ready =
        CompletableFuture.supplyAsync(
                () -> {
                  RoomRecord room =
                      registry
                          .directory()
                          .find(id)
                          .orElseThrow(() -> new IllegalStateException("no room " + id));
                  return new Stored(
                      room,
                      room.problem().flatMap(registry.problems()::find),
                      registry.directory().links(id),
                      events.list());
                },
                registry.blocking())
            .thenApplyAsync(
                stored -> {
                  RoomRecord found = stored.room();
                  record = found;
                  moderation.loaded(found.candidateLocked());
                  setup.loaded(found.language(), stored.problem());
                  clock.loaded(stored.events());
                  chat.loaded(stored.events());
                  hints.loaded(stored.events());
                  presence.loaded(found, stored.links());
                  // Loaded for a socket that never joined, or for a run over REST: unload anyway.
                  idle();
                  return found;
                },
                loop);
    ready.whenComplete(
        (loaded, error) -> {
          if (error != null) {
            awarenessExpiry.cancel(false);
          }
        });
  }

  String id() {
    return id;
  }

  SyncMetrics metrics() {
    return registry.metrics();
  }

  void execute(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException stopping) {
      // The server is shutting down: sockets closing now have no room left to tell.
      log.debug("{} dropped a task while stopping", id);
    }
  }

  boolean candidateLocked() {
    return moderation.candidateLocked();
  }

  /** The room, loaded; completes on the room's loop, or with {@link RoomUnloaded}. */
  CompletableFuture<LiveRoom> whenReady() {
    return ready.thenApplyAsync(
        loaded -> {
          if (unloaded) {
            throw new RoomUnloaded();
          }
          lastArrival = System.nanoTime();
          return this;
        },
        loop);
  }

  /** The document, loaded if needed; completes on the room's loop. */
  CompletableFuture<SharedDocument> open(DocumentName name) {
    // Async on the loop: the callback must never run on the thread that asked.
    return whenReady()
        .thenComposeAsync(
            room ->
                documents.computeIfAbsent(
                    name,
                    n ->
                        load(n)
                            .whenCompleteAsync(
                                (doc, error) -> {
                                  if (error != null) {
                                    documents.remove(n);
                                  }
                                },
                                loop)),
            loop);
  }

  private CompletableFuture<SharedDocument> load(DocumentName name) {
    return CompletableFuture.supplyAsync(
            () -> registry.documentLog().load(id, name.wireName()), registry.blocking())
        .thenApplyAsync(stored -> build(name, stored), loop);
  }

  private SharedDocument build(DocumentName name, StoredDocument stored) {
    Doc doc = new Doc();
    stored.snapshot().ifPresent(state -> applyStored(doc, name, state));
    stored.updates().forEach(update -> applyStored(doc, name, update));
    long bytes = stored.loggedBytes();
    return new SharedDocument(
        id, name, doc, stored.lastSeq(), bytes, registry.logWriter(), registry.clock(), metrics());
  }

  private void applyStored(Doc doc, DocumentName name, byte[] update) {
    try {
      doc.applyUpdate(update);
    } catch (UpdateException e) {
      // Only validated updates are logged; one that fails now is skipped so the rest still load.
      log.error(
          "{} skipped a stored {} update that no longer applies: {}",
          id,
          name.wireName(),
          e.getMessage());
    }
  }

  void join(SharedDocument document, DocumentSocket socket) {
    context.checkLoop();
    if (admit(socket)) {
      document.join(socket);
    }
  }

  void joinControl(ControlSocket socket) {
    context.checkLoop();
    if (admit(socket)) {
      socket.send(welcome(presence.participantOf(socket).orElseThrow()));
    }
  }

  /** The first message of a control socket: each feature contributes its part. */
  private SessionEvent.Welcome welcome(Participant you) {
    return new SessionEvent.Welcome(
        you.wire(),
        new RoomInfo(
            id,
            record.title(),
            setup.language(),
            moderation.candidateLocked(),
            setup.problem().map(ProblemSummary::of)),
        presence.participants().stream().map(Participant::wire).toList(),
        clock.state(),
        context.now().toEpochMilli(),
        chat.welcome(you),
        hints.welcome(you));
  }

  private boolean admit(RoomSocket socket) {
    if (unloaded) {
      // Its handshake outlasted the room's grace: the room loads again when it reconnects.
      socket.close(
          CloseCode.TRY_AGAIN_LATER, "The room was reloading; reconnecting joins it again.");
      return false;
    }
    return presence.join(socket);
  }

  /** A socket closed. */
  void leave(RoomSocket socket) {
    context.checkLoop();
    if (socket instanceof ControlSocket control) {
      deniedCommands.closed(control);
    }
    presence.leave(socket);
  }

  /** The room has no socket (any more): it unloads after the idle period. */
  private void idle() {
    idleSince = System.nanoTime();
    scheduleUnloadCheck(registry.idleUnload().toNanos());
  }

  /** Who is in the room now, read on the room's loop. */
  CompletableFuture<List<Participant>> participants() {
    return CompletableFuture.supplyAsync(presence::participants, loop);
  }

  /**
   * A text message of a control socket: decoded, checked against the permission its command needs,
   * and routed to the feature whose family it belongs to.
   */
  void command(ControlSocket socket, String text) {
    context.checkLoop();
    Participant from = presence.participantOf(socket).orElse(null);
    if (from == null) {
      return;
    }
    switch (ControlCodec.decode(text)) {
      case ControlCodec.Refused refused -> socket.send(refused.error());
      case ControlCodec.Command(ControlCommand command) -> {
        if (!context.permissions().allows(from.role(), command.permission())) {
          socket.send(SessionEvent.Refusal.of("forbidden", command.forbidden()));
          deniedCommands.denied(
              socket, from.principal(), ControlCodec.typeName(command.getClass()));
          return;
        }
        Sender sender = new Sender(from, socket::send);
        switch (command) {
          case SessionCommand.Ping ping ->
              socket.send(new SessionEvent.Pong(context.now().toEpochMilli()));
          case ModerationCommand moderating -> moderation.command(sender, moderating);
          case SetupCommand choosing -> setup.command(sender, choosing);
          case RunsCommand running -> runs.command(sender, running);
          case ClockCommand timing -> clock.command(sender, timing);
          case ChatCommand talking -> chat.command(sender, talking);
          case HintsCommand hinting -> hints.command(sender, hinting);
        }
      }
    }
  }

  /**
   * Starts a run of the room's code as it is now (see {@link RoomRuns#start}); completes with the
   * run id, or exceptionally with {@link RunRefused}.
   */
  CompletableFuture<String> startRun(
      Principal by,
      String participantId,
      String byName,
      String stdin,
      RunKind kind,
      Context trace) {
    return runs.start(by, participantId, byName, stdin, kind, trace);
  }

  /** The room's problem changed (announced already): the features that follow it catch up. */
  private void problemChanged() {
    hints.problemChanged();
  }

  /** A link of the room was revoked (stored already): its sockets close, it does not come back. */
  void linkRevoked(String tokenId) {
    context.checkLoop();
    presence.remove(Principal.tokenActor(tokenId), CloseReason.REVOKED);
  }

  /**
   * The interview ended (stored already): tells everyone, closes every socket and refuses later
   * ones.
   */
  void end() {
    context.checkLoop();
    presence.end();
  }

  /**
   * Catches up with what PostgreSQL says of the room, for changes whose signal this instance missed
   * (see {@link RoomRegistry#reconcileNow}): an end or a revocation not acted on yet is acted on
   * exactly as its signal would have been, and the rest is left alone. A room still loading reads
   * the stored state itself, and this waits until it has. Any thread may call it: it runs on the
   * room's loop.
   */
  void reconcile(RoomRemovals stored) {
    ready.thenRunAsync(
        () -> {
          if (unloaded || presence.ended()) {
            return;
          }
          if (stored.ended()) {
            end();
            return;
          }
          stored.revokedLinks().stream()
              .filter(tokenId -> !presence.revoked(Principal.tokenActor(tokenId)))
              .forEach(this::linkRevoked);
        },
        loop);
  }

  private void expireAwareness() {
    loadedDocuments().forEach(SharedDocument::expireAwareness);
  }

  private List<SharedDocument> loadedDocuments() {
    return documents.values().stream()
        .filter(d -> d.isDone() && !d.isCompletedExceptionally())
        .map(CompletableFuture::join)
        .toList();
  }

  private void scheduleUnloadCheck(long delayNanos) {
    if (unloadCheck != null) {
      unloadCheck.cancel(false);
    }
    unloadCheck = loop.schedule(this::unloadIfIdle, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  /**
   * Unloads the room once it has had no socket for the idle period (and no socket was admitted for
   * a few seconds), nothing of it waits to be stored, and nothing started on it is still going (a
   * run's end is announced by the room).
   */
  private void unloadIfIdle() {
    if (!presence.isEmpty() || unloaded) {
      return;
    }
    long now = System.nanoTime();
    long wait =
        Math.max(
            registry.idleUnload().toNanos() - (now - idleSince),
            ARRIVAL_GRACE_NANOS - (now - lastArrival));
    if (wait > 0) {
      scheduleUnloadCheck(wait);
      return;
    }
    if (registry.logWriter().pending() > 0
        || context.storing()
        || runs.inProgress()
        || documents.values().stream().anyMatch(document -> !document.isDone())) {
      // Unload only once every update and removal is in the database, so a reload finds them,
      // and once nothing started on the room (a run, a document loading) is still going.
      scheduleUnloadCheck(TimeUnit.SECONDS.toNanos(1));
      return;
    }
    unload();
  }

  /**
   * Another instance took the room over while this one had lost PostgreSQL (see {@link
   * io.coderoom.server.cluster.RoomOwnership}): every socket closes to reconnect there, and what
   * this instance had not stored of the room is dropped, since its clients send it again to the new
   * owner when they sync.
   */
  void moved() {
    context.checkLoop();
    if (unloaded) {
      return;
    }
    presence.moved();
    registry.logWriter().discard(id);
    unload();
  }

  private void unload() {
    unloaded = true;
    if (unloadCheck != null) {
      unloadCheck.cancel(false);
    }
    awarenessExpiry.cancel(false);
    presence.unloaded();
    documents.clear();
    registry.unloaded(this);
  }

  void audit(Principal principal, String action, Map<String, ?> detail) {
    registry.audit(id, principal, action, detail);
  }

  /** This room object was unloaded; ask the registry again. */
  static final class RoomUnloaded extends RuntimeException {
    RoomUnloaded() {
      super("room unloaded", null, false, false);
    }
  }
}
