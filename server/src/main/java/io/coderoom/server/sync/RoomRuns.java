package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.room.Ids;
import io.coderoom.server.room.Principal;
import io.coderoom.server.run.RunKind;
import io.coderoom.server.run.RunLimits;
import io.coderoom.server.run.RunQueue;
import io.coderoom.server.run.RunRequest;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of a live room: the {@code run}, {@code run_examples}, {@code submit} and {@code stop}
 * commands (and runs started over REST), the checks and limits a run must pass, and everyone in the
 * room hearing its start, output and end. One run at a time per room. Lives on the room's loop.
 */
final class RoomRuns {
  private static final Logger log = LoggerFactory.getLogger(RoomRuns.class);

  /** The largest stdin a run takes. */
  static final int MAX_STDIN_CHARS = 64 * 1024;

  /** What a run takes from its room as it starts: the code document, the language, the problem. */
  record Subject(SharedDocument code, String language, Optional<Problem> problem) {}

  /** The run in progress, and who asked to stop it, once someone did. */
  private record Active(String runId, Optional<Participant> stoppedBy) {}

  private final String roomId;
  private final EventLoop loop;
  private final RunQueue queue;
  private final RoomPresence presence;
  private final DeniedCommands denied;
  private final AuditLog audit;
  private final Supplier<CompletableFuture<Subject>> subject;
  private final RunRateLimit rate = new RunRateLimit();
  private Optional<Active> active = Optional.empty();

  /**
   * @param subject the room's code, language and problem as they are now; completes on the loop
   */
  RoomRuns(
      String roomId,
      EventLoop loop,
      RunQueue queue,
      RoomPresence presence,
      DeniedCommands denied,
      AuditLog audit,
      Supplier<CompletableFuture<Subject>> subject) {
    this.roomId = roomId;
    this.loop = loop;
    this.queue = queue;
    this.presence = presence;
    this.denied = denied;
    this.audit = audit;
    this.subject = subject;
  }

  /** Whether a run is in progress (the room stays loaded until its end is announced). */
  boolean inProgress() {
    return active.isPresent();
  }

  /** A {@code run}, {@code run_examples}, {@code submit} or {@code stop} command. */
  void command(ControlSocket socket, Participant from, ControlMessages.Command command) {
    String type = command.type();
    if (!from.role().runsCode()) {
      denied.denied(socket, from.principal(), type);
      socket.send(
          ControlMessages.error(
              "forbidden",
              type.equals("stop") ? "Observers cannot stop runs." : "Observers cannot run code."));
      return;
    }
    if (type.equals("stop")) {
      stop(socket, from, command.body().path("runId"));
      return;
    }
    RunKind kind =
        switch (type) {
          case "run" -> RunKind.RUN;
          case "run_examples" -> RunKind.EXAMPLES;
          default -> RunKind.SUBMIT;
        };
    String stdin = kind == RunKind.RUN ? command.body().path("stdin").asText("") : "";
    start(from.principal(), from.id(), from.name(), stdin, kind)
        .whenComplete(
            (runId, error) -> {
              if (error != null) {
                socket.send(ControlMessages.refused(RunRefused.of(error)));
              }
            });
  }

  /**
   * Starts a run of the room's code as it is now (read from the code document, never from the
   * request). Completes with the run id once the run is stored and queued, or exceptionally with
   * {@link RunRefused}.
   *
   * @param participantId who started it, empty for a run over REST
   * @param byName their display name, empty when unknown
   */
  CompletableFuture<String> start(
      Principal by, String participantId, String byName, String stdin, RunKind kind) {
    return subject
        .get()
        .thenComposeAsync(now -> start(by, participantId, byName, stdin, kind, now), loop);
  }

  private CompletableFuture<String> start(
      Principal by, String participantId, String byName, String stdin, RunKind kind, Subject now) {
    String command =
        switch (kind) {
          case RUN -> "run";
          case EXAMPLES -> "run_examples";
          case SUBMIT -> "submit";
        };
    if (!by.role().runsCode()) {
      audit.write(by, "command_denied", Map.of("command", command));
      throw new RunRefused("forbidden", "Observers cannot run code.");
    }
    if (kind != RunKind.RUN && now.problem().isEmpty()) {
      throw new RunRefused(
          "no_problem", "The room has no problem to test against; an interviewer can choose one.");
    }
    if (active.isPresent()) {
      throw new RunRefused("run_in_progress", "A run is in progress; wait for it to finish.");
    }
    long startedAt = System.nanoTime();
    OptionalLong wait = rate.refusal(startedAt);
    if (wait.isPresent()) {
      throw RunRefused.rateLimited(wait.getAsLong());
    }
    if (stdin.length() > MAX_STDIN_CHARS) {
      throw new RunRefused("stdin_too_large", "Input is limited to 64 KiB.");
    }
    String source = now.code().text();
    if (RunLimits.codeTooLarge(source)) {
      throw new RunRefused("code_too_large", RunLimits.CODE_TOO_LARGE);
    }
    rate.started(startedAt);
    Optional<Problem> judgedBy = kind != RunKind.RUN ? now.problem() : Optional.empty();
    // The examples are the public tests: the hidden ones never leave the server for them.
    Optional<TestSuite> suite =
        judgedBy.map(p -> kind == RunKind.EXAMPLES ? p.suite().publicOnly() : p.suite());
    RunJob job =
        suite.isPresent()
            ? RunJob.test(Ids.random(), now.language(), source, suite.get())
            : RunJob.run(Ids.random(), now.language(), source, stdin);
    active = Optional.of(new Active(job.runId(), Optional.empty()));
    presence.broadcast(
        ControlMessages.runStarted(job, kind, participantId, byName), Optional.empty());
    return queue
        .submit(
            new RunRequest(roomId, by, byName, kind, judgedBy.map(Problem::id)),
            job,
            new RunQueue.Listener() {
              @Override
              public void event(RunEvent event) {
                if (event instanceof RunEvent.Output output) {
                  relay(
                      () ->
                          presence.broadcast(ControlMessages.runOutput(output), Optional.empty()));
                }
              }

              @Override
              public void finished(RunResult result) {
                relay(() -> announceEnd(result, suite));
              }
            })
        .thenApply(queued -> job.runId());
  }

  private void announceEnd(RunResult result, Optional<TestSuite> suite) {
    Optional<Participant> stoppedBy = Optional.empty();
    if (active.isPresent() && active.get().runId().equals(result.runId())) {
      stoppedBy = active.get().stoppedBy();
      active = Optional.empty();
    }
    presence.broadcastByAudience(
        ControlMessages.runFinished(result, suite, true, stoppedBy),
        ControlMessages.runFinished(result, suite, false, stoppedBy));
  }

  /**
   * Stops the room's run (the one named, which must be the one in progress). Everyone hears {@code
   * run_stopping} at once, then {@code run_finished} with status {@code stopped}. A second stop of
   * a run already stopping changes nothing.
   */
  private void stop(ControlSocket socket, Participant from, JsonNode named) {
    if (!named.isMissingNode() && !named.isNull() && !named.isTextual()) {
      socket.send(ControlMessages.error("bad_command", "'runId' must be a string."));
      return;
    }
    Optional<String> asked = named.isTextual() ? Optional.of(named.asText()) : Optional.empty();
    if (active.isEmpty() || (asked.isPresent() && !asked.get().equals(active.get().runId()))) {
      socket.send(
          ControlMessages.error(
              "not_running",
              asked
                  .map(id -> "Run " + id + " is not in progress in this room; it may have ended.")
                  .orElse("No run is in progress.")));
      return;
    }
    Active current = active.get();
    if (current.stoppedBy().isPresent()) {
      return;
    }
    String runId = current.runId();
    active = Optional.of(new Active(runId, Optional.of(from)));
    // Announced before the stop goes out, so it always comes before the run's end.
    presence.broadcast(ControlMessages.runStopping(runId, from), Optional.empty());
    queue
        .stop(runId, from.name(), from.id())
        .whenCompleteAsync(
            (followed, error) -> {
              if (error == null) {
                audit.write(
                    from.principal(),
                    "run_stopped",
                    Map.of("runId", runId, "participantId", from.id()));
                return;
              }
              log.warn("{} could not stop run {}: {}", roomId, runId, error.toString());
              if (active.isPresent() && active.get().runId().equals(runId)) {
                active = Optional.of(new Active(runId, Optional.empty()));
              }
              socket.send(
                  ControlMessages.error(
                      "stop_failed", "The run could not be stopped just now; try again."));
            },
            loop);
  }

  private void relay(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException stopping) {
      // The server is shutting down: sockets closing now have no room left to tell.
      log.debug("{} dropped a run event while stopping", roomId);
    }
  }
}
