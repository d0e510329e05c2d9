package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.Problems;
import io.coderoom.server.room.Principal;
import io.coderoom.server.run.RunKind;
import io.coderoom.server.store.DocumentLog.StoredDocument;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.store.TokenRecord;
import io.netty.channel.EventLoop;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded room. It lives on one event loop: its documents, sockets, participants and lock are only
 * touched there, so nothing in it needs a lock. Who is in the room, and who may come in, is its
 * {@link RoomPresence}; its runs are {@link RoomRuns}; refused commands are audited through {@link
 * DeniedCommands}. The room's record and documents load lazily (the database calls run off the
 * loop), and the room unloads once it has been without sockets and without a run for a while,
 * however it was loaded.
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
  private final RoomRuns runs;
  private final ScheduledFuture<?> awarenessExpiry;
  private RoomRecord record;

  private boolean candidateLocked;
  private boolean unloaded;

  /** Since when the room has had no socket ({@link System#nanoTime()}). */
  private long idleSince = System.nanoTime();

  /** When a socket or a run last asked for the room ({@link System#nanoTime()}). */
  private long lastArrival = System.nanoTime();

  /** The next look at whether the room can unload, if one is scheduled. */
  private ScheduledFuture<?> unloadCheck;

  /** The room's language and problem as they are now (interviewers change them). */
  private String language;

  private Optional<Problem> problem = Optional.empty();

  LiveRoom(String id, EventLoop loop, RoomRegistry registry) {
    this.id = id;
    this.loop = loop;
    this.registry = registry;
    this.presence =
        new RoomPresence(id, loop, registry.clock(), registry.metrics(), this::audit, this::idle);
    this.deniedCommands = new DeniedCommands(loop, this::audit);
    this.runs =
        new RoomRuns(
            id,
            loop,
            registry.runs(),
            presence,
            deniedCommands,
            this::audit,
            () ->
                open(DocumentName.CODE)
                    .thenApply(code -> new RoomRuns.Subject(code, language, problem)));
    this.awarenessExpiry =
        loop.scheduleAtFixedRate(
            this::expireAwareness,
            AWARENESS_CHECK_SECONDS,
            AWARENESS_CHECK_SECONDS,
            TimeUnit.SECONDS);
    record Stored(RoomRecord room, List<TokenRecord> links) {}
    this.ready =
        CompletableFuture.supplyAsync(
                () ->
                    new Stored(
                        registry
                            .directory()
                            .find(id)
                            .orElseThrow(() -> new IllegalStateException("no room " + id)),
                        registry.directory().links(id)),
                registry.blocking())
            .thenApplyAsync(
                stored -> {
                  RoomRecord found = stored.room();
                  record = found;
                  candidateLocked = found.candidateLocked();
                  language = found.language();
                  problem = found.problemId().flatMap(Problems.builtIn()::find);
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
    return candidateLocked;
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
    if (admit(socket)) {
      document.join(socket);
    }
  }

  void joinControl(ControlSocket socket) {
    if (admit(socket)) {
      Participant you = presence.participantOf(socket).orElseThrow();
      socket.send(
          ControlMessages.welcome(
              you, record, language, problem, candidateLocked, presence.participants()));
    }
  }

  private boolean admit(RoomSocket socket) {
    if (unloaded) {
      // Its handshake outlasted the room's grace: the room loads again when it reconnects.
      socket.close(1013, "The room was reloading; reconnecting joins it again.");
      return false;
    }
    return presence.join(socket);
  }

  /** A socket closed. */
  void leave(RoomSocket socket) {
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

  void command(ControlSocket socket, String text) {
    Participant from = presence.participantOf(socket).orElse(null);
    if (from == null) {
      return;
    }
    ControlMessages.Command command = ControlMessages.parse(text).orElse(null);
    if (command == null) {
      socket.send(ControlMessages.error("bad_command", "Send a JSON object with a string 'type'."));
      return;
    }
    switch (command.type()) {
      case "ping" -> socket.send("{\"v\":1,\"type\":\"pong\"}");
      case "lock", "unlock" -> {
        if (moderator(socket, from, command.type())) {
          setLock(from, command.type().equals("lock"));
        }
      }
      case "kick" -> {
        if (moderator(socket, from, "kick")) {
          kick(socket, from, command.body().path("participantId").asText(""));
        }
      }
      case "run", "run_examples", "submit", "stop" -> runs.command(socket, from, command);
      case "set_problem" -> {
        if (moderator(socket, from, "choose the problem")) {
          JsonNode id = command.body().path("problemId");
          if (!id.isNull() && !id.isMissingNode() && !id.isTextual()) {
            socket.send(
                ControlMessages.error("bad_command", "'problemId' must be a string or null."));
          } else if (id.isTextual() && Problems.builtIn().find(id.asText()).isEmpty()) {
            socket.send(
                ControlMessages.error(
                    "not_found",
                    "There is no problem " + id.asText() + "; see GET /api/problems."));
          } else {
            setProblem(
                from, id.isTextual() ? Problems.builtIn().find(id.asText()) : Optional.empty());
          }
        }
      }
      case "set_language" -> {
        if (moderator(socket, from, "change the language")) {
          String wanted = command.body().path("language").asText("");
          if (Languages.builtIn().find(wanted).isEmpty()) {
            socket.send(
                ControlMessages.error(
                    "bad_command",
                    "'language' must be one of "
                        + Languages.builtIn().all().stream().map(Language::id).toList()
                        + "."));
          } else {
            setLanguage(from, wanted);
          }
        }
      }
      case "end" -> {
        if (moderator(socket, from, "end")) {
          end(from);
        }
      }
      default ->
          socket.send(
              ControlMessages.error(
                  "unknown_command", "Unknown command '" + command.type() + "'."));
    }
  }

  /**
   * Starts a run of the room's code as it is now (see {@link RoomRuns#start}); completes with the
   * run id, or exceptionally with {@link RunRefused}.
   */
  CompletableFuture<String> startRun(
      Principal by, String participantId, String byName, String stdin, RunKind kind) {
    return runs.start(by, participantId, byName, stdin, kind);
  }

  private boolean moderator(ControlSocket socket, Participant from, String command) {
    if (from.principal().role().moderates()) {
      return true;
    }
    socket.send(ControlMessages.error("forbidden", "Only an interviewer may " + command + "."));
    deniedCommands.denied(socket, from.principal(), command);
    return false;
  }

  private void setLock(Participant by, boolean locked) {
    storeThenApply(
        "the editing lock",
        () -> registry.directory().setCandidateLocked(id, locked, by.principal()),
        () -> {
          candidateLocked = locked;
          broadcastControl(ControlMessages.lockChanged(locked, by), null);
        });
  }

  private void setProblem(Participant by, Optional<Problem> chosen) {
    storeThenApply(
        "the problem",
        () -> registry.directory().setProblem(id, chosen.map(Problem::id), by.principal()),
        () -> {
          problem = chosen;
          broadcastControl(ControlMessages.problemChanged(chosen, by), null);
        });
  }

  private void setLanguage(Participant by, String chosen) {
    storeThenApply(
        "the language",
        () -> registry.directory().setLanguage(id, chosen, by.principal()),
        () -> {
          language = chosen;
          broadcastControl(ControlMessages.languageChanged(chosen, by), null);
        });
  }

  /**
   * Stores a change of the room off the loop, then, back on the loop and only if the room took it
   * (an ended room takes none), applies and announces it.
   */
  private void storeThenApply(String what, Supplier<Boolean> store, Runnable apply) {
    CompletableFuture.supplyAsync(store, registry.blocking())
        .whenCompleteAsync(
            (changed, error) -> {
              if (error != null) {
                log.warn("{} could not store {}: {}", id, what, error.toString());
              } else if (changed) {
                apply.run();
              }
            },
            loop);
  }

  private void kick(ControlSocket socket, Participant by, String participantId) {
    Optional<Participant> found = presence.find(participantId);
    if (found.isEmpty()) {
      socket.send(
          ControlMessages.error(
              "not_found", "No participant " + participantId + " is in the room."));
      return;
    }
    Participant target = found.get();
    Optional<String> tokenId = target.principal().token().map(token -> token.tokenId());
    if (tokenId.isEmpty()) {
      socket.send(
          ControlMessages.error(
              "forbidden",
              "That participant came in with the API key, which has no link to revoke."));
      return;
    }
    // Removed here, on the loop, before anything else: a reconnect admitted meanwhile is refused
    // when it joins (as the database will refuse it once the revocation is stored), and the room
    // stays loaded until it is.
    presence.remove(target.actor(), CloseReason.KICKED, CloseReason.REVOKED);
    audit(
        by.principal(),
        "participant_kicked",
        Map.of("participantId", target.id(), "actor", target.actor()));
    presence.storing(
        CompletableFuture.runAsync(
                () -> registry.directory().revoke(id, tokenId.get(), by.principal()),
                registry.blocking())
            .whenComplete(
                (done, error) -> {
                  if (error != null) {
                    log.warn("{} could not store a kick's revocation: {}", id, error.toString());
                  }
                }));
  }

  /** A link of the room was revoked (stored already): its sockets close, it does not come back. */
  void linkRevoked(String tokenId) {
    presence.remove(Principal.tokenActor(tokenId), CloseReason.REVOKED);
  }

  private void end(Participant by) {
    CompletableFuture.supplyAsync(
            () -> registry.directory().end(id, by.principal()), registry.blocking())
        .whenCompleteAsync(
            (ended, error) -> {
              if (error != null) {
                log.warn("{} could not end the room: {}", id, error.toString());
                return;
              }
              end();
            },
            loop);
  }

  /**
   * The interview ended (stored already): tells everyone, closes every socket and refuses later
   * ones.
   */
  void end() {
    presence.end();
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

  private void broadcastControl(String json, RoomSocket except) {
    presence.broadcast(json, Optional.ofNullable(except));
  }

  /**
   * Sends interviewers one message and everyone else another (each encoded once, not per socket).
   */
  private void broadcastByAudience(String forInterviewers, String forOthers) {
    presence.broadcastByAudience(forInterviewers, forOthers);
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
        || presence.storing()
        || runs.inProgress()
        || documents.values().stream().anyMatch(document -> !document.isDone())) {
      // Unload only once every update and removal is in the database, so a reload finds them,
      // and once nothing started on the room (a run, a document loading) is still going.
      scheduleUnloadCheck(TimeUnit.SECONDS.toNanos(1));
      return;
    }
    unloaded = true;
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
