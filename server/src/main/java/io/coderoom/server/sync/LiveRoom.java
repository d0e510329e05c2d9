package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunMode;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.Problems;
import io.coderoom.server.room.Ids;
import io.coderoom.server.room.Principal;
import io.coderoom.server.run.RunLimits;
import io.coderoom.server.run.RunQueue;
import io.coderoom.server.store.DocumentLog.StoredDocument;
import io.coderoom.server.store.RoomRecord;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded room. It lives on one event loop: its documents, sockets, participants and lock are only
 * touched there, so nothing in it needs a lock. The room's record and documents load lazily (the
 * database calls run off the loop), and the room unloads after its last socket has been gone for a
 * while.
 */
final class LiveRoom {
  private static final Logger log = LoggerFactory.getLogger(LiveRoom.class);

  /** Sockets one room may have open at once (tabs of interviewers, candidate and observers). */
  static final int MAX_SOCKETS = 64;

  private static final String ROOM_FULL = "room_full: The room has too many connections.";

  /** Runs a room may start per minute. */
  static final int RUNS_PER_MINUTE = 10;

  /** The largest stdin a run takes. */
  static final int MAX_STDIN_CHARS = 64 * 1024;

  /** How often outdated awareness states are looked for (y-protocols checks every 3 s). */
  private static final long AWARENESS_CHECK_SECONDS = 5;

  private final String id;
  private final EventLoop loop;
  private final RoomRegistry registry;
  private final CompletableFuture<RoomRecord> ready;
  private final Map<DocumentName, CompletableFuture<SharedDocument>> documents =
      new EnumMap<>(DocumentName.class);
  private final Map<ControlSocket, Participant> participants = new LinkedHashMap<>();
  private final ScheduledFuture<?> awarenessExpiry;
  private RoomRecord record;

  /** The run in progress, if any: one at a time per room. */
  private String activeRun;

  /** When recent runs started, for the per-minute limit. */
  private final Deque<Long> recentRuns = new ArrayDeque<>();

  private boolean candidateLocked;
  private boolean unloaded;

  /** The room's language and problem as they are now (interviewers change them). */
  private String language;

  private Optional<Problem> problem = Optional.empty();

  /** Every open socket of the room, documents and control alike. */
  private final Set<Object> sockets = Collections.newSetFromMap(new IdentityHashMap<>());

  LiveRoom(String id, EventLoop loop, RoomRegistry registry) {
    this.id = id;
    this.loop = loop;
    this.registry = registry;
    this.awarenessExpiry =
        loop.scheduleAtFixedRate(
            this::expireAwareness,
            AWARENESS_CHECK_SECONDS,
            AWARENESS_CHECK_SECONDS,
            TimeUnit.SECONDS);
    this.ready =
        CompletableFuture.supplyAsync(
                () ->
                    registry
                        .directory()
                        .find(id)
                        .orElseThrow(() -> new IllegalStateException("no room " + id)),
                registry.blocking())
            .thenApplyAsync(
                found -> {
                  record = found;
                  candidateLocked = found.candidateLocked();
                  language = found.language();
                  problem = found.problemId().flatMap(Problems.builtIn()::find);
                  return found;
                },
                loop);
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
    if (admit(socket, socket.principal())) {
      document.join(socket);
    } else {
      socket.close(4429, ROOM_FULL);
    }
  }

  void leave(SharedDocument document, DocumentSocket socket) {
    if (release(socket, socket.principal())) {
      document.leave(socket);
      socketGone();
    }
  }

  private boolean admit(Object socket, Principal principal) {
    if (sockets.size() >= MAX_SOCKETS) {
      metrics().roomFull();
      return false;
    }
    metrics().socketOpened(principal.role());
    return sockets.add(socket);
  }

  private boolean release(Object socket, Principal principal) {
    if (!sockets.remove(socket)) {
      return false;
    }
    metrics().socketClosed(principal.role());
    return true;
  }

  void joinControl(ControlSocket socket) {
    if (!admit(socket, socket.participant().principal())) {
      socket.close(4429, ROOM_FULL);
      return;
    }
    Participant joined = socket.participant();
    participants.put(socket, joined);
    socket.send(
        ControlMessages.welcome(
            joined, record, language, problem, candidateLocked, participants.values()));
    broadcastControl(ControlMessages.joined(joined), socket);
    audit(
        joined.principal(), "joined", Map.of("participantId", joined.id(), "name", joined.name()));
  }

  void leaveControl(ControlSocket socket) {
    if (!release(socket, socket.participant().principal())) {
      return;
    }
    Participant left = participants.remove(socket);
    if (left != null) {
      broadcastControl(ControlMessages.left(left), null);
      audit(left.principal(), "left", Map.of("participantId", left.id()));
    }
    socketGone();
  }

  /** Who is in the room now, read on the room's loop. */
  CompletableFuture<List<Participant>> participants() {
    return CompletableFuture.supplyAsync(() -> List.copyOf(participants.values()), loop);
  }

  void command(ControlSocket socket, String text) {
    Participant from = participants.get(socket);
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
      case "run", "submit" -> {
        String stdin = command.body().path("stdin").asText("");
        RunMode mode = command.type().equals("run") ? RunMode.RUN : RunMode.TEST;
        startRun(from.principal(), from.id(), mode == RunMode.RUN ? stdin : "", mode)
            .whenComplete(
                (runId, error) -> {
                  if (error != null) {
                    RunRefused refused = RunRefused.of(error);
                    socket.send(ControlMessages.error(refused.code(), refused.getMessage()));
                  }
                });
      }
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
   * Starts a run of the room's code as it is now (read from the code document, never from the
   * request). Completes with the run id once the run is stored and queued, or exceptionally with
   * {@link RunRefused}.
   */
  CompletableFuture<String> startRun(
      Principal by, String participantId, String stdin, RunMode mode) {
    return open(DocumentName.CODE)
        .thenComposeAsync(code -> startRun(by, participantId, stdin, mode, code), loop);
  }

  private CompletableFuture<String> startRun(
      Principal by, String participantId, String stdin, RunMode mode, SharedDocument code) {
    String command = mode == RunMode.RUN ? "run" : "submit";
    if (!by.role().runsCode()) {
      audit(by, "command_denied", Map.of("command", command));
      throw new RunRefused("forbidden", "Observers cannot run code.");
    }
    if (mode == RunMode.TEST && problem.isEmpty()) {
      throw new RunRefused(
          "no_problem", "The room has no problem to test against; an interviewer can choose one.");
    }
    if (activeRun != null) {
      throw new RunRefused("run_in_progress", "A run is in progress; wait for it to finish.");
    }
    long now = System.nanoTime();
    while (!recentRuns.isEmpty() && now - recentRuns.peekFirst() > TimeUnit.MINUTES.toNanos(1)) {
      recentRuns.removeFirst();
    }
    if (recentRuns.size() >= RUNS_PER_MINUTE) {
      throw new RunRefused("rate_limited", "Too many runs this minute; wait a little.");
    }
    if (stdin.length() > MAX_STDIN_CHARS) {
      throw new RunRefused("stdin_too_large", "Input is limited to 64 KiB.");
    }
    String source = code.text();
    if (RunLimits.codeTooLarge(source)) {
      throw new RunRefused("code_too_large", RunLimits.CODE_TOO_LARGE);
    }
    recentRuns.addLast(now);
    Optional<Problem> judgedBy = mode == RunMode.TEST ? problem : Optional.empty();
    Optional<TestSuite> suite = judgedBy.map(Problem::suite);
    RunJob job =
        suite.isPresent()
            ? RunJob.test(Ids.random(), language, source, suite.get())
            : RunJob.run(Ids.random(), language, source, stdin);
    activeRun = job.runId();
    broadcastControl(ControlMessages.runStarted(job, participantId), null);
    return registry
        .runs()
        .submit(
            id,
            by,
            job,
            judgedBy.map(Problem::id),
            new RunQueue.Listener() {
              @Override
              public void event(RunEvent event) {
                if (event instanceof RunEvent.Output output) {
                  execute(() -> broadcastControl(ControlMessages.runOutput(output), null));
                }
              }

              @Override
              public void finished(RunResult result) {
                execute(
                    () -> {
                      if (result.runId().equals(activeRun)) {
                        activeRun = null;
                      }
                      broadcastByAudience(
                          ControlMessages.runFinished(result, suite, true),
                          ControlMessages.runFinished(result, suite, false));
                    });
              }
            })
        .thenApply(queued -> job.runId());
  }

  private boolean moderator(ControlSocket socket, Participant from, String command) {
    if (from.principal().role().moderates()) {
      return true;
    }
    socket.send(ControlMessages.error("forbidden", "Only an interviewer may " + command + "."));
    audit(from.principal(), "command_denied", Map.of("command", command));
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
    Participant target =
        participants.values().stream()
            .filter(p -> p.id().equals(participantId))
            .findFirst()
            .orElse(null);
    if (target == null) {
      socket.send(
          ControlMessages.error(
              "not_found", "No participant " + participantId + " is in the room."));
      return;
    }
    Principal kicked = target.principal();
    // Revoke their link too, so reconnecting with it does not bring them back.
    kicked
        .token()
        .ifPresent(
            token ->
                registry
                    .blocking()
                    .execute(
                        () -> registry.directory().revoke(id, token.tokenId(), by.principal())));
    audit(
        by.principal(),
        "participant_kicked",
        Map.of("participantId", target.id(), "actor", kicked.actor()));
    closeSocketsOf(kicked.actor(), 4403, "kicked: The interviewer removed you from the room.");
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
              closeAll(4410, "room_ended: The interview has ended; the room is closed.");
            },
            loop);
  }

  private void closeSocketsOf(String actor, int code, String reason) {
    participants.keySet().stream()
        .filter(s -> s.participant().principal().actor().equals(actor))
        .toList()
        .forEach(s -> s.close(code, reason));
    documentSockets().stream()
        .filter(s -> s.principal().actor().equals(actor))
        .forEach(s -> s.close(code, reason));
  }

  /** Tells everyone and closes every socket, for instance when the interview ends. */
  void closeAll(int code, String reason) {
    if (code == 4410) {
      broadcastControl(ControlMessages.roomEnded(), null);
    }
    List.copyOf(participants.keySet()).forEach(s -> s.close(code, reason));
    documentSockets().forEach(s -> s.close(code, reason));
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

  private List<DocumentSocket> documentSockets() {
    return loadedDocuments().stream().flatMap(SharedDocument::sockets).toList();
  }

  private void broadcastControl(String json, ControlSocket except) {
    for (ControlSocket socket : participants.keySet()) {
      if (socket != except) {
        socket.send(json);
      }
    }
  }

  /**
   * Sends interviewers one message and everyone else another (each encoded once, not per socket).
   */
  private void broadcastByAudience(String forInterviewers, String forOthers) {
    for (Map.Entry<ControlSocket, Participant> entry : participants.entrySet()) {
      entry
          .getKey()
          .send(entry.getValue().principal().role().moderates() ? forInterviewers : forOthers);
    }
  }

  private void socketGone() {
    if (sockets.isEmpty()) {
      loop.schedule(this::unloadIfIdle, registry.idleUnload().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void unloadIfIdle() {
    if (!sockets.isEmpty() || unloaded) {
      return;
    }
    if (registry.logWriter().pending() > 0) {
      // Unload only once every update is in the database, so a reload finds all of them.
      loop.schedule(this::unloadIfIdle, 1, TimeUnit.SECONDS);
      return;
    }
    unloaded = true;
    awarenessExpiry.cancel(false);
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
