package io.coderoom.server.sync;

import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.Updates;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.problem.TestResults;
import io.coderoom.server.room.Ids;
import io.coderoom.server.room.Principal;
import io.coderoom.server.run.RunKind;
import io.coderoom.server.run.RunLimits;
import io.coderoom.server.run.RunQueue;
import io.coderoom.server.run.RunRequest;
import io.coderoom.server.run.RunTracing;
import io.coderoom.server.sync.protocol.Permission;
import io.coderoom.server.sync.protocol.RunsCommand;
import io.coderoom.server.sync.protocol.RunsEvent;
import io.coderoom.server.sync.protocol.SessionEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

  /** How long a run waits for the edits its sender had made to reach the room's code. */
  static final Duration EDITS_WAIT = Duration.ofSeconds(5);

  /** The largest stdin a run takes. */
  static final int MAX_STDIN_CHARS = 64 * 1024;

  /** What a run takes from its room as it starts: the code document, the language, the problem. */
  record Subject(SharedDocument code, String language, Optional<Problem> problem) {}

  /** A run asked for: by whom, of which kind, with what input, and in which trace. */
  private record Ask(
      Principal by,
      String participantId,
      String byName,
      String stdin,
      RunKind kind,
      Context trace) {}

  /** The run in progress, and who asked to stop it, once someone did. */
  private record Active(String runId, Optional<Participant> stoppedBy) {}

  private final RoomContext room;
  private final RunQueue queue;
  private final Supplier<CompletableFuture<Subject>> subject;
  private final RunRateLimit rate = new RunRateLimit();
  private Optional<Active> active = Optional.empty();

  /** Whether a run is waiting for its sender's edits to reach the room's code. */
  private boolean waiting;

  /**
   * @param subject the room's code, language and problem as they are now; completes on the loop
   */
  RoomRuns(RoomContext room, RunQueue queue, Supplier<CompletableFuture<Subject>> subject) {
    this.room = room;
    this.queue = queue;
    this.subject = subject;
  }

  /**
   * Whether a run is in progress or waiting for its code (the room stays loaded until its end is
   * announced).
   */
  boolean inProgress() {
    return active.isPresent() || waiting;
  }

  /** A {@code run}, {@code run_examples}, {@code submit} or {@code stop} command. */
  void command(Sender from, RunsCommand command) {
    room.checkLoop();
    switch (command) {
      case RunsCommand.Run run -> startFor(from, run, run.input(), RunKind.RUN);
      case RunsCommand.RunExamples examples -> startFor(from, examples, "", RunKind.EXAMPLES);
      case RunsCommand.Submit submit -> startFor(from, submit, "", RunKind.SUBMIT);
      case RunsCommand.Stop stop -> stop(from, stop.run());
    }
  }

  private void startFor(Sender from, RunsCommand.Start command, String stdin, RunKind kind) {
    Participant by = from.participant();
    // A control socket's command starts a trace of its own.
    start(
            new Ask(by.principal(), by.id(), by.name(), stdin, kind, Context.root()),
            command.sendersCode())
        .whenComplete(
            (runId, error) -> {
              if (error != null) {
                from.reply(refusal(RunRefused.of(error)));
              }
            });
  }

  /** A run refused, as the error its sender gets. */
  private static SessionEvent.Refusal refusal(RunRefused refused) {
    return refused.retryAfterMs().isPresent()
        ? SessionEvent.Refusal.rateLimited(refused.getMessage(), refused.retryAfterMs().getAsLong())
        : SessionEvent.Refusal.of(refused.code(), refused.getMessage());
  }

  /**
   * Starts a run of the room's code as it is now (read from the code document, never from the
   * request). Completes with the run id once the run is stored and queued, or exceptionally with
   * {@link RunRefused}.
   *
   * @param participantId who started it, empty for a run over REST
   * @param byName their display name, empty when unknown
   * @param trace the context the run's {@code run} span is a child of (the request's, over REST)
   */
  CompletableFuture<String> start(
      Principal by,
      String participantId,
      String byName,
      String stdin,
      RunKind kind,
      Context trace) {
    return start(new Ask(by, participantId, byName, stdin, kind, trace), Optional.empty());
  }

  /**
   * @param sendersCode the state vector of the code as its sender had it (base64url), which the run
   *     waits for; empty to take the room's code as it is
   */
  private CompletableFuture<String> start(Ask ask, Optional<String> sendersCode) {
    return subject
        .get()
        .thenComposeAsync(
            now -> {
              check(ask, now);
              return holding(now.code(), sendersCode).thenCompose(held -> begin(ask, now));
            },
            room.loop());
  }

  /**
   * Completes on the loop once the room's code holds the sender's edits (at once without a state
   * vector); exceptionally with {@code code_not_synced} if they do not arrive within {@link
   * #EDITS_WAIT}. Meanwhile the room takes no other run.
   */
  private CompletableFuture<Void> holding(SharedDocument code, Optional<String> sendersCode) {
    if (sendersCode.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Map<Long, Long> state;
    try {
      state = Updates.decodeStateVector(Base64.getUrlDecoder().decode(sendersCode.get()));
    } catch (IllegalArgumentException | UpdateException e) {
      throw new RunRefused("bad_command", "'codeState' must be a Yjs state vector in base64url.");
    }
    CompletableFuture<Void> held = code.whenHolds(state);
    if (held.isDone()) {
      return held;
    }
    waiting = true;
    ScheduledFuture<?> giveUp =
        room.loop()
            .schedule(
                () -> held.completeExceptionally(RunRefused.codeNotSynced()),
                EDITS_WAIT.toMillis(),
                TimeUnit.MILLISECONDS);
    // Onto the loop's next task: the document completes it from inside the change that held it.
    return held.whenCompleteAsync(
        (done, error) -> {
          giveUp.cancel(false);
          waiting = false;
        },
        room.loop());
  }

  /** Throws the refusal for a run asked for now, if it has one that its code does not decide. */
  private void check(Ask ask, Subject now) {
    RunKind kind = ask.kind();
    String command =
        switch (kind) {
          case RUN -> "run";
          case EXAMPLES -> "run_examples";
          case SUBMIT -> "submit";
        };
    if (!room.permissions().allows(ask.by().role(), Permission.RUN_CODE)) {
      room.audit(ask.by(), "command_denied", Map.of("command", command));
      throw new RunRefused("forbidden", "Observers cannot run code.");
    }
    if (kind != RunKind.RUN && now.problem().isEmpty()) {
      throw new RunRefused(
          "no_problem", "The room has no problem to test against; an interviewer can choose one.");
    }
    if (active.isPresent() || waiting) {
      throw new RunRefused("run_in_progress", "A run is in progress; wait for it to finish.");
    }
    OptionalLong wait = rate.refusal(System.nanoTime());
    if (wait.isPresent()) {
      throw RunRefused.rateLimited(wait.getAsLong());
    }
    if (ask.stdin().length() > MAX_STDIN_CHARS) {
      throw new RunRefused("stdin_too_large", "Input is limited to 64 KiB.");
    }
  }

  /** Starts the run asked for, of the room's code now. */
  private CompletableFuture<String> begin(Ask ask, Subject now) {
    // Again: while it waited for its code, the room may have started another run, or the sender
    // lost the right to run.
    check(ask, now);
    RunKind kind = ask.kind();
    long startedAt = System.nanoTime();
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
            : RunJob.run(Ids.random(), now.language(), source, ask.stdin());
    active = Optional.of(new Active(job.runId(), Optional.empty()));
    room.announce(
        new RunsEvent.RunStarted(
            job.runId(), job.language(), kind, ask.participantId(), ask.byName()));
    Span run = queue.tracing().started(room.roomId(), job, kind, ask.trace());
    try (Scope ignored = run.makeCurrent()) {
      return submit(ask, judgedBy, suite, job, run);
    }
  }

  /** Queues the run; its {@code run} span ends once the room has heard its end. */
  private CompletableFuture<String> submit(
      Ask ask, Optional<Problem> judgedBy, Optional<TestSuite> suite, RunJob job, Span run) {
    return queue
        .submit(
            new RunRequest(
                room.roomId(), ask.by(), ask.byName(), ask.kind(), judgedBy.map(ProblemRef::of)),
            job,
            new RunQueue.Listener() {
              @Override
              public void event(RunEvent event) {
                if (event instanceof RunEvent.Output output) {
                  relay(
                      () ->
                          room.announce(
                              new RunsEvent.RunOutput(
                                  output.runId(), output.stream().wireName(), output.data())));
                }
              }

              @Override
              public void finished(RunResult result) {
                relay(() -> announceEnd(result, suite, run), () -> RunTracing.ended(run, result));
              }
            })
        .thenApply(queued -> job.runId());
  }

  private void announceEnd(RunResult result, Optional<TestSuite> suite, Span run) {
    Span delivery = queue.tracing().delivering(run, result);
    try {
      announceEnd(result, suite);
    } finally {
      delivery.end();
      RunTracing.ended(run, result);
    }
  }

  private void announceEnd(RunResult result, Optional<TestSuite> suite) {
    Optional<Participant> stoppedBy = Optional.empty();
    if (active.isPresent() && active.get().runId().equals(result.runId())) {
      stoppedBy = active.get().stoppedBy();
      active = Optional.empty();
    }
    room.announce(
        Permission.SEE_HIDDEN_TESTS,
        finished(result, suite, true, stoppedBy),
        finished(result, suite, false, stoppedBy));
  }

  /**
   * The end of a run. A test run's {@code tests} differ by audience: {@code withHidden} for those
   * who may see hidden tests, in full; everyone else gets their counts only. A stopped run says who
   * stopped it.
   */
  private static RunsEvent.RunFinished finished(
      RunResult result,
      Optional<TestSuite> suite,
      boolean withHidden,
      Optional<Participant> stoppedBy) {
    return new RunsEvent.RunFinished(
        result.runId(),
        result.status(),
        result.exitCode(),
        result.compileMs(),
        result.runMs(),
        result.memoryBytes(),
        result.stdoutTruncated(),
        result.stderrTruncated(),
        result.message(),
        result.status() == RunStatus.STOPPED ? stoppedBy.map(Participant::id).orElse(null) : null,
        result.tests().map(report -> TestResults.json(report, suite, withHidden)).orElse(null));
  }

  /**
   * Stops the room's run (the one named, which must be the one in progress). Everyone hears {@code
   * run_stopping} at once, then {@code run_finished} with status {@code stopped}. A second stop of
   * a run already stopping changes nothing.
   */
  private void stop(Sender sender, Optional<String> asked) {
    Participant from = sender.participant();
    if (active.isEmpty() || (asked.isPresent() && !asked.get().equals(active.get().runId()))) {
      sender.refuse(
          "not_running",
          asked
              .map(id -> "Run " + id + " is not in progress in this room; it may have ended.")
              .orElse("No run is in progress."));
      return;
    }
    Active current = active.get();
    if (current.stoppedBy().isPresent()) {
      return;
    }
    String runId = current.runId();
    active = Optional.of(new Active(runId, Optional.of(from)));
    // Announced before the stop goes out, so it always comes before the run's end.
    room.announce(new RunsEvent.RunStopping(runId, from.id()));
    queue
        .stop(runId, from.name(), from.id())
        .whenCompleteAsync(
            (followed, error) -> {
              if (error == null) {
                room.audit(
                    from.principal(),
                    "run_stopped",
                    Map.of("runId", runId, "participantId", from.id()));
                return;
              }
              log.warn("{} could not stop run {}: {}", room.roomId(), runId, error.toString());
              if (active.isPresent() && active.get().runId().equals(runId)) {
                active = Optional.of(new Active(runId, Optional.empty()));
              }
              sender.refuse("stop_failed", "The run could not be stopped just now; try again.");
            },
            room.loop());
  }

  private void relay(Runnable task) {
    relay(task, () -> {});
  }

  /**
   * Runs {@code task} on the room's loop, or {@code instead} when the loop no longer runs tasks.
   */
  private void relay(Runnable task, Runnable instead) {
    try {
      room.loop().execute(task);
    } catch (RejectedExecutionException stopping) {
      // The server is shutting down: sockets closing now have no room left to tell.
      log.debug("{} dropped a run event while stopping", room.roomId());
      instead.run();
    }
  }
}
