package io.coderoom.server.run;

import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.server.cluster.RedisConnector;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues run jobs on {@code runs:jobs} and follows each run on a virtual thread with its own Redis
 * connection (blocking reads never share the server's connection): output events as they come, then
 * the result, which is stored before the listener hears of it. Once a run has ended, its job entry,
 * its output stream and its result entry are deleted: candidates' code, hidden tests and output do
 * not stay in Redis.
 *
 * <p>A run it follows can be stopped ({@link #stop}): the agent executing it kills its container
 * and reports it {@code STOPPED}; a run no agent has taken yet is fenced off from the agents and
 * ended here. Either way its stored message names who stopped it.
 */
public final class RunQueue {
  private static final Logger log = LoggerFactory.getLogger(RunQueue.class);

  /** Shorter than the connection's command timeout, so a blocking read returns in time. */
  private static final long BLOCK_MS = 1000;

  /** No agent took the run this long after it was queued: it is failed with a clear reason. */
  static final Duration START_DEADLINE = Duration.ofSeconds(30);

  /** The longest time limit a job may have; {@link #submit} refuses longer ones. */
  static final Duration LONGEST_TIME_LIMIT = Duration.ofMillis(RunJob.MAX_TIME_LIMIT_MS);

  /** After the time limit, how long compiling and delivering the result may take. */
  static final Duration RESULT_SLACK = Duration.ofSeconds(30);

  /**
   * The longest a server follows one run: an agent must start it within {@link #START_DEADLINE},
   * and its result must come within its time limit (at most {@link #LONGEST_TIME_LIMIT}) plus
   * {@link #RESULT_SLACK}. A stored run still {@code running} well after this was left by a server
   * that stopped (see {@link StaleRuns}).
   */
  public static final Duration LONGEST_FOLLOW =
      START_DEADLINE.plus(LONGEST_TIME_LIMIT).plus(RESULT_SLACK);

  /**
   * A safety net on {@code runs:jobs}: agents delete the entries they took and this server deletes
   * the entry of every run it stops following, so the stream holds only jobs waiting for an agent,
   * each failed after {@link #START_DEADLINE}. Past this many the oldest go (approximately, which
   * lets Redis trim whole nodes cheaply).
   */
  static final long MAX_QUEUED_JOBS = 1000;

  private final RedisConnector redis;
  private final RunStore store;
  private final Executor blocking;
  private final Clock clock;
  private final RunTracing tracing;

  /** The runs this server follows now, each with its stop once one was asked. */
  private final Map<String, Stop> followed = new ConcurrentHashMap<>();

  /** A run's stop: who asked, and whether this server ended the run itself. */
  private static final class Stop {
    private volatile Optional<String> by = Optional.empty();
    private volatile boolean endedHere;
  }

  public RunQueue(
      RedisConnector redis, RunStore store, Executor blocking, Clock clock, RunTracing tracing) {
    this.tracing = tracing;
    this.redis = redis;
    this.store = store;
    this.blocking = blocking;
    this.clock = clock;
  }

  /** The spans of runs, which this queue's callers make too. */
  public RunTracing tracing() {
    return tracing;
  }

  /** Hears about one run, on the run's own thread. */
  public interface Listener {
    void event(RunEvent event);

    /** The run ended; called exactly once, also when the run could not be queued. */
    void finished(RunResult result);
  }

  /**
   * Stores and queues the job, then follows it on another thread. Queueing is a span in the current
   * context (the caller's {@code run} span), whose context the job carries to the agent.
   *
   * @return completes once the run is stored (readable through the API) and queued for the agents,
   *     or exceptionally when it could not be; the listener hears the end either way
   */
  public CompletableFuture<Void> submit(RunRequest request, RunJob job, Listener listener) {
    return queue(Optional.of(request), job, listener);
  }

  /**
   * Queues and follows a run that belongs to no room, such as a problem's validation: the same
   * limits, deadlines and clean-up, but stored nowhere; the listener has the result.
   */
  public CompletableFuture<Void> submitUnrecorded(RunJob job, Listener listener) {
    return queue(Optional.empty(), job, listener);
  }

  private CompletableFuture<Void> queue(
      Optional<RunRequest> request, RunJob job, Listener listener) {
    CompletableFuture<Void> queued = new CompletableFuture<>();
    if (job.timeLimitMs() > LONGEST_TIME_LIMIT.toMillis() || RunLimits.codeTooLarge(job.code())) {
      // Callers check first; this keeps the promises LONGEST_FOLLOW and the code limit make.
      queued.completeExceptionally(
          new IllegalArgumentException(job + " is over the limits of a run"));
      listener.finished(
          RunResult.internalError(
              job.runId(), "", "The run is over the limits of a run.", job.submittedAtMs()));
      return queued;
    }
    Stop stop = new Stop();
    followed.put(job.runId(), stop);
    blocking.execute(Context.current().wrap(() -> follow(request, job, listener, queued, stop)));
    return queued;
  }

  /**
   * Stops a run this server follows: sets its stop key, fences it off from the agents if none has
   * taken it yet (then it ends here within a second), and tells the agents, one of which kills its
   * container at once.
   *
   * @param byName who stopped it, as its stored message will say
   * @param byId who stopped it, for the agents' logs
   * @return completes with false when the run is not followed here (it ended already), with true
   *     once the stop is in Redis, or exceptionally when Redis could not take it
   */
  public CompletableFuture<Boolean> stop(String runId, String byName, String byId) {
    Stop stop = followed.get(runId);
    if (stop == null) {
      return CompletableFuture.completedFuture(false);
    }
    stop.by = Optional.of(byName);
    SetArgs keep = SetArgs.Builder.px(RedisKeys.RUN_KEY_TTL.toMillis());
    return redis
        .connection()
        .thenCompose(
            connection -> {
              RedisAsyncCommands<String, String> commands = connection.async();
              return commands
                  .set(RedisKeys.runStop(runId), byId, keep)
                  .thenCompose(
                      set ->
                          commands.set(
                              RedisKeys.runOwner(runId),
                              RedisKeys.OWNER_DONE_PREFIX + "stopped",
                              SetArgs.Builder.nx().px(RedisKeys.RUN_KEY_TTL.toMillis())))
                  .thenCompose(
                      fenced -> {
                        if ("OK".equals(fenced)) {
                          stop.endedHere = true;
                        }
                        return commands.publish(RedisKeys.STOP_CHANNEL, runId);
                      })
                  .toCompletableFuture();
            })
        .thenApply(heard -> true);
  }

  private void follow(
      Optional<RunRequest> request,
      RunJob job,
      Listener listener,
      CompletableFuture<Void> queued,
      Stop stop) {
    RunResult result;
    try (StatefulRedisConnection<String, String> connection = redis.dedicatedConnection()) {
      RedisCommands<String, String> commands = connection.sync();
      request.ifPresent(room -> store.insert(room, job));
      String resultsFrom = lastId(commands, RedisKeys.RESULTS_STREAM);
      String jobEntry = add(commands, job);
      queued.complete(null);
      Followed followed = new Followed();
      try {
        result = await(commands, job, resultsFrom, listener, followed, stop);
      } finally {
        forget(commands, job, jobEntry, followed.resultEntry);
      }
    } catch (RuntimeException e) {
      queued.completeExceptionally(e);
      log.warn(
          "{} run {} could not be followed: {}",
          request.map(RunRequest::roomId).orElse("unrecorded"),
          job.runId(),
          e.toString());
      result =
          RunResult.internalError(
              job.runId(),
              "",
              "The run was interrupted before it finished; try again.",
              job.submittedAtMs());
    }
    followed.remove(job.runId());
    if (result.status() == RunStatus.STOPPED && stop.by.isPresent()) {
      result = result.withMessage("Stopped by " + stop.by.get() + ".");
    }
    if (request.isPresent()) {
      store.finish(result);
    }
    listener.finished(result);
  }

  /** {@code XADD}s the job, carrying the context of the span that measures it. */
  private String add(RedisCommands<String, String> commands, RunJob job) {
    Span span = tracing.queueing(job);
    try {
      String entry =
          commands.xadd(
              RedisKeys.JOBS_STREAM,
              XAddArgs.Builder.maxlen(MAX_QUEUED_JOBS).approximateTrimming(),
              tracing.carrying(job, span).toFields());
      span.end();
      return entry;
    } catch (RuntimeException e) {
      RunTracing.failed(span, e);
      throw e;
    }
  }

  /** Where the result of a followed run was found. */
  private static final class Followed {
    private Optional<String> resultEntry = Optional.empty();
  }

  private RunResult await(
      RedisCommands<String, String> commands,
      RunJob job,
      String resultsFrom,
      Listener listener,
      Followed followed,
      Stop stop) {
    String outputKey = RedisKeys.runOutput(job.runId());
    String outputFrom = "0";
    boolean started = false;
    boolean ended = false;
    long deadline =
        clock.millis() + START_DEADLINE.toMillis() + job.timeLimitMs() + RESULT_SLACK.toMillis();
    while (clock.millis() < deadline) {
      if (stop.endedHere) {
        // Fenced before any agent took it: no agent will, and nothing of it ran.
        return stoppedBeforeStart(job);
      }
      if (!ended) {
        for (StreamMessage<String, String> entry : read(commands, outputKey, outputFrom)) {
          outputFrom = entry.getId();
          RunEvent event = RunEvent.fromFields(entry.getBody());
          started |= event instanceof RunEvent.Started;
          ended |= event instanceof RunEvent.Ended;
          listener.event(event);
        }
        if (!started && clock.millis() - job.submittedAtMs() > START_DEADLINE.toMillis()) {
          return RunResult.internalError(
              job.runId(),
              "",
              "No runner agent took the run; is one running?",
              job.submittedAtMs());
        }
      } else {
        for (StreamMessage<String, String> entry :
            read(commands, RedisKeys.RESULTS_STREAM, resultsFrom)) {
          resultsFrom = entry.getId();
          if (job.runId().equals(entry.getBody().get("runId"))) {
            followed.resultEntry = Optional.of(entry.getId());
            return RunResult.fromFields(entry.getBody());
          }
        }
      }
    }
    return RunResult.internalError(
        job.runId(), "", "The run did not finish in time.", job.submittedAtMs());
  }

  private static RunResult stoppedBeforeStart(RunJob job) {
    return RunResult.notRun(
        job.runId(),
        "",
        RunStatus.STOPPED,
        "The run was stopped before it started.",
        job.submittedAtMs());
  }

  /**
   * Deletes what Redis holds of a run this server stopped following: its job (an agent that has not
   * taken it yet never will), its output stream, its result and its stop.
   */
  private static void forget(
      RedisCommands<String, String> commands,
      RunJob job,
      String jobEntry,
      Optional<String> resultEntry) {
    try {
      commands.xdel(RedisKeys.JOBS_STREAM, jobEntry);
      commands.del(RedisKeys.runOutput(job.runId()), RedisKeys.runStop(job.runId()));
      resultEntry.ifPresent(id -> commands.xdel(RedisKeys.RESULTS_STREAM, id));
    } catch (RuntimeException e) {
      // Redis went away: the output stream expires by itself, and the sweep trims old results.
      log.debug("run {} left in Redis: {}", job.runId(), e.toString());
    }
  }

  private static List<StreamMessage<String, String>> read(
      RedisCommands<String, String> commands, String key, String from) {
    return commands.xread(
        XReadArgs.Builder.block(BLOCK_MS).count(100), XReadArgs.StreamOffset.from(key, from));
  }

  private static String lastId(RedisCommands<String, String> commands, String key) {
    List<StreamMessage<String, String>> last =
        commands.xrevrange(key, Range.create("-", "+"), Limit.from(1));
    return last.isEmpty() ? "0" : last.get(0).getId();
  }
}
