package io.coderoom.runner.agent.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.coderoom.runner.agent.tracing.RunSpans;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunStatus;
import io.opentelemetry.api.trace.Span;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes jobs in hardened single-use containers: takes a warm container from the pool (or starts
 * a cold one) and runs a job's {@link Step steps} in it through a {@link SandboxSession}, one exec
 * each (write the step's files, run its command under its {@link Limits}), stops a step at its time
 * limit, its output cap or when the job's {@link StopSignal} is pulled, tells OOM from other deaths
 * by the cgroup's counters ({@link StopReason}), and always removes the container.
 *
 * <p>A step that reaches a limit ends its job's container, or only its own processes when the job
 * has more steps to run ({@link AtLimit}); a pulled stop always kills the container, as nothing
 * runs after it.
 */
public final class DockerSandbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DockerSandbox.class);

  /** Extra time the agent waits for a killed exec's stream to end before giving up on it. */
  private static final long KILL_GRACE_MS = 10_000;

  /**
   * How long killing a step's processes may take, and its output may stay open after, before the
   * container is killed instead.
   */
  private static final long STEP_KILL_MS = 2_000;

  /** How often the agent checks whether an exec's process has exited while its stream is open. */
  private static final long EXIT_POLL_MS = 250;

  /** How long output may keep coming after the program exited (children holding the stream). */
  private static final long DRAIN_MS = 300;

  /** Why a step was stopped: its {@link StopSignal} was pulled. */
  private static final String STOPPED = "stopped";

  /**
   * Stops every process of the user (kill(-1) spares the caller and init), kills all but the
   * container's idle process (the lowest pid after 1) and lets that one go on. Builtins only: the
   * shell forks nothing that the freeze would miss.
   */
  static final String KILL_STEP_PROCESSES =
      "kill -STOP -1 2>/dev/null; s=; for d in /proc/[0-9]*; do p=${d#/proc/};"
          + " if [ \"$p\" -gt 1 ] && { [ -z \"$s\" ] || [ \"$p\" -lt \"$s\" ]; }; then s=$p; fi;"
          + " done; for d in /proc/[0-9]*; do p=${d#/proc/};"
          + " if [ \"$p\" -gt \"$s\" ] && [ \"$p\" != $$ ]; then kill -9 \"$p\" 2>/dev/null; fi;"
          + " done; kill -CONT \"$s\" 2>/dev/null; true";

  private final DockerClient docker;
  private final SandboxSettings settings;
  private final String agentId;
  private final ContainerFactory containers;
  private final WarmPool pool;
  private final RunSpans spans;
  private final java.util.concurrent.ExecutorService removals =
      Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("sandbox-timer").factory());

  public DockerSandbox(
      DockerClient docker, SandboxSettings settings, String agentId, String scope) {
    this(docker, settings, agentId, scope, RunSpans.none());
  }

  /** A sandbox whose container acquisitions and steps are spans of the run they serve. */
  public DockerSandbox(
      DockerClient docker, SandboxSettings settings, String agentId, String scope, RunSpans spans) {
    this.spans = spans;
    this.docker = docker;
    this.settings = settings;
    this.agentId = agentId;
    this.containers = new ContainerFactory(docker, settings, agentId, scope);
    this.pool = new WarmPool(containers, settings.warmPerLanguage());
  }

  public SandboxSettings settings() {
    return settings;
  }

  /** Pre-starts warm containers for these images (no-op when the pool size is 0). */
  public void warmUp(Iterable<String> images) {
    for (String image : images) {
      pool.register(image, io.coderoom.runner.protocol.RunJob.DEFAULT_MEMORY_LIMIT_MB);
    }
  }

  /**
   * Removes runner containers of this scope older than {@code minAge} whose agent is not in {@code
   * liveAgents} (it crashed or was killed while they ran or waited in its pool).
   */
  public int removeOrphans(java.util.Set<String> liveAgents, java.time.Duration minAge) {
    int removed = 0;
    long bornBefore = System.currentTimeMillis() / 1000 - minAge.toSeconds();
    for (var container : containers.list()) {
      String owner = container.getLabels().get(ContainerFactory.AGENT_LABEL);
      if (owner != null && !liveAgents.contains(owner) && container.getCreated() < bornBefore) {
        containers.remove(container.getId());
        // Its /code directory, if it is one of this host's run directories.
        if (container.getMounts() != null) {
          for (var mount : container.getMounts()) {
            java.nio.file.Path source =
                mount.getSource() == null ? null : java.nio.file.Path.of(mount.getSource());
            if (source != null
                && source.getParent() != null
                && source.getParent().equals(settings.workDir())) {
              Workspace.of(source).close();
            }
          }
        }
        removed++;
      }
    }
    return removed;
  }

  /**
   * Opens a job of steps in one container of this image (compile, then run once, or once per test
   * case): the steps run one after another, each with its own files and limits. Close the session
   * to remove the container.
   *
   * @param memoryMb the container's memory limit, shared by the steps (capped by the settings)
   * @param atLimit what a step that reaches a limit takes with it
   * @param stop pulled, it ends the step running and every later one ({@link StopReason#STOPPED})
   */
  public SandboxSession open(String image, long memoryMb, AtLimit atLimit, StopSignal stop) {
    long memory = settings.memoryMb(memoryMb);
    if (stop.stopped()) {
      return new SandboxSession(this, Optional.empty(), atLimit, stop);
    }
    return new SandboxSession(this, Optional.of(take(image, memory)), atLimit, stop);
  }

  /**
   * One step of a session: writes its files and runs its command. A run step after another first
   * kills whatever that one left running (a background process that closed its output), so it has
   * the container's CPU to itself and no earlier process sees its input.
   */
  StepResult sessionStep(
      Box box,
      Step step,
      AtLimit atLimit,
      boolean afterRun,
      OutputListener listener,
      Optional<Conversation> conversation,
      StopSignal stop) {
    if (stop.stopped()) {
      return StepResult.notStarted();
    }
    box.workspace().write(step.files());
    boolean compile = step.kind() == Step.Kind.COMPILE;
    String command =
        compile
            ? "mkdir -p /tmp/build && { " + step.command() + " ; } 2>&1"
            : afterRun ? KILL_STEP_PROCESSES + "; " + step.command() : step.command();
    OutputCapture out = new OutputCapture(step.limits().outputBytes());
    OutputCapture err = compile ? out : new OutputCapture(step.limits().outputBytes());
    Span span = spans.step(compile ? "compile" : "run");
    StepResult result;
    try {
      result =
          exec(
                  box,
                  command,
                  step.limits().timeMs(),
                  out,
                  err,
                  compile ? RunEvent.OutputStream.COMPILE : null,
                  listener,
                  conversation,
                  stop,
                  atLimit == AtLimit.END_STEP)
              .result();
    } catch (RuntimeException e) {
      RunSpans.failed(span, e);
      throw e;
    }
    RunStatus status =
        compile && !result.succeeded()
            ? StepVerdict.compileStatus(result)
            : StepVerdict.status(result);
    RunSpans.stepEnded(span, status, result.reason().name(), result.exitCode());
    return result;
  }

  private Box take(String image, long memory) {
    Span span = spans.acquiring(image);
    try {
      Optional<Box> warm = pool.take(image, memory);
      span.setAttribute(RunSpans.WARM, warm.isPresent());
      Box box = warm.orElseGet(() -> containers.start(image, memory));
      span.end();
      return box;
    } catch (RuntimeException e) {
      RunSpans.failed(span, e);
      throw e;
    }
  }

  /** Removes the container off the result's path: the job is over, and it is single-use. */
  void release(Box box) {
    removals.execute(
        () -> {
          containers.remove(box);
          pool.replace(box);
        });
  }

  /** How one exec ended, and how it was when a conversation sealed it. */
  private record Ended(
      int exitCode,
      long ms,
      boolean stopped,
      boolean timedOut,
      boolean overflowed,
      long oomKills,
      long peakBytes,
      long limitHits,
      long cpuMs,
      OutputCapture out,
      OutputCapture err,
      boolean merged,
      Optional<Checkpoint> sealed) {
    /** The sandbox's own reason for the step's end, or EXITED if the program ended by itself. */
    StopReason reason() {
      if (stopped) {
        // Whatever the program was doing when it was killed, it was killed because it was asked.
        return StopReason.STOPPED;
      }
      if (timedOut) {
        // At its memory limit the kernel may reclaim (thrash) for a long time before it kills:
        // a program stopped at the deadline after hitting its limit ran out of memory.
        return oomKills > 0 || limitHits > 0 ? StopReason.MEMORY_LIMIT : StopReason.TIME_LIMIT;
      }
      if (overflowed) {
        return StopReason.OUTPUT_LIMIT;
      }
      if (oomKills > 0) {
        return StopReason.MEMORY_LIMIT;
      }
      return StopReason.EXITED;
    }

    StepResult result() {
      return new StepResult(
          reason(),
          exitCode,
          out.text(),
          merged ? "" : err.text(),
          out.truncated(),
          !merged && err.truncated(),
          ms,
          cpuMs,
          peakBytes,
          sealed);
    }
  }

  private Ended exec(
      Box box,
      String command,
      long limitMs,
      OutputCapture out,
      OutputCapture err,
      RunEvent.OutputStream single,
      OutputListener listener,
      Optional<Conversation> conversation,
      StopSignal stop,
      boolean keepContainer) {
    String execId =
        docker
            .execCreateCmd(box.containerId())
            .withCmd("/bin/sh", "-c", command)
            .withUser(containers.user())
            .withAttachStdin(conversation.isPresent())
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    // This exec's own peak: what ran before it in the container (the compiler, a warm container's
    // type checker) is not the program's.
    CgroupMemory memory = CgroupMemory.of(box.containerId());
    memory.resetPeak();
    CgroupCpu cpu = CgroupCpu.of(box.containerId());
    Stopper stoppedFor = new Stopper(memory, cpu, keepContainer);
    long cpuBefore = cpu.usedNanos();
    long limitHitsBefore = memory.limitHits();
    long started = System.nanoTime();
    StdinFeed stdin = new StdinFeed();
    AtomicReference<Checkpoint> sealed = new AtomicReference<>();
    AtomicReference<ScheduledFuture<?>> answerDeadline = new AtomicReference<>();
    conversation.ifPresent(
        c ->
            c.started(
                new Conversation.Input() {
                  @Override
                  public void write(String text) {
                    stdin.write(text);
                  }

                  @Override
                  public void seal() {
                    if (sealed.get() == null) {
                      sealed.compareAndSet(
                          null,
                          new Checkpoint(
                              (System.nanoTime() - started) / 1_000_000,
                              memory.peakBytes(),
                              out.truncated(),
                              err.truncated()));
                    }
                  }

                  @Override
                  public void deadline(long ms) {
                    ScheduledFuture<?> next =
                        timers.schedule(
                            () -> {
                              if (c.overdue()) {
                                stop(box, stoppedFor, "timeout");
                              }
                            },
                            ms,
                            TimeUnit.MILLISECONDS);
                    ScheduledFuture<?> previous = answerDeadline.getAndSet(next);
                    if (previous != null) {
                      previous.cancel(false);
                    }
                  }

                  @Override
                  public void overflow() {
                    // Off the caller's thread (the output callback's): stopping execs in the box.
                    timers.execute(() -> stop(box, stoppedFor, "output"));
                  }
                }));
    ScheduledFuture<?> deadline =
        timers.schedule(() -> stop(box, stoppedFor, "timeout"), limitMs, TimeUnit.MILLISECONDS);
    // From here until the step ends, pulling the signal kills the container (at once if it was
    // pulled already: then the exec ends as soon as it starts).
    stop.watch(() -> stop(box, stoppedFor, STOPPED));
    ExecStream callback =
        new ExecStream() {
          @Override
          public void onNext(Frame frame) {
            boolean isErr = frame.getStreamType() == StreamType.STDERR;
            OutputCapture capture = isErr ? err : out;
            String text = capture.append(frame.getPayload());
            if (!text.isEmpty()) {
              RunEvent.OutputStream stream =
                  single != null
                      ? single
                      : isErr ? RunEvent.OutputStream.STDERR : RunEvent.OutputStream.STDOUT;
              listener.output(stream, text);
            }
            if (capture.truncated()) {
              // Stop at once: a program flooding output would otherwise run to its time limit.
              timers.execute(() -> stop(box, stoppedFor, "output"));
            }
          }
        };
    try {
      var start = docker.execStartCmd(execId);
      if (conversation.isPresent()) {
        start.withStdIn(stdin);
      }
      start.exec(callback);
      awaitEnd(box, execId, callback, started, limitMs, stoppedFor, single == null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(box, stoppedFor, "timeout");
    } catch (java.io.IOException e) {
      log.debug("{} closing exec stream: {}", agentId, e.toString());
    } catch (DockerException e) {
      if (stoppedFor.get() == null) {
        throw e;
      }
      // Killed (stopped) before its exec could start: the step is over.
      log.debug("{} exec {} not started after a stop: {}", agentId, execId, e.toString());
    } finally {
      stop.unwatch();
      deadline.cancel(false);
      ScheduledFuture<?> answer = answerDeadline.getAndSet(null);
      if (answer != null) {
        answer.cancel(false);
      }
      // docker-java's thread copying stdin waits for more until the feed ends.
      stdin.end();
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    int exitCode = -1;
    try {
      InspectExecResponse inspect = docker.inspectExecCmd(execId).exec();
      Long code = inspect.getExitCodeLong();
      if (code != null && !Boolean.TRUE.equals(inspect.isRunning())) {
        exitCode = code.intValue();
      }
    } catch (DockerException e) {
      log.debug("{} exec {} gone: {}", agentId, execId, e.toString());
    }
    String reason = stoppedFor.get();
    boolean snapshot = reason != null && stoppedFor.peakBytes >= 0;
    try {
      return new Ended(
          exitCode,
          ms,
          STOPPED.equals(reason),
          "timeout".equals(reason),
          "output".equals(reason),
          snapshot ? stoppedFor.oomKills : memory.oomKills(),
          snapshot ? stoppedFor.peakBytes : memory.peakBytes(),
          (snapshot ? stoppedFor.limitHits : memory.limitHits()) - limitHitsBefore,
          cpuMs(cpuBefore, snapshot ? stoppedFor.cpuNanos : cpu.usedNanos()),
          out,
          err,
          out == err,
          Optional.ofNullable(sealed.get()));
    } finally {
      memory.close();
    }
  }

  /**
   * Waits for the exec's output to end. A child that outlives the program (daemonized, holding
   * stdout open) would keep the stream open until the deadline, so the exec's own process is
   * watched too: once it has exited, the output gets a moment to drain and then the step's
   * remaining processes are killed.
   */
  private void awaitEnd(
      Box box,
      String execId,
      ExecStream callback,
      long startedNanos,
      long limitMs,
      Stopper stoppedFor,
      boolean killStragglers)
      throws InterruptedException, java.io.IOException {
    long hardDeadline = startedNanos + (limitMs + KILL_GRACE_MS) * 1_000_000;
    while (!callback.ended(EXIT_POLL_MS, TimeUnit.MILLISECONDS)) {
      if (stoppedFor.outlived(STEP_KILL_MS)) {
        // Something of the step escaped the kill (forked while it ran) and holds its output open:
        // the container goes, and the job's later steps with it.
        containers.kill(box.containerId());
      }
      if (System.nanoTime() > hardDeadline) {
        stop(box, stoppedFor, "timeout");
        callback.close();
        return;
      }
      if (stoppedFor.get() == null && execExited(execId)) {
        if (!callback.ended(DRAIN_MS, TimeUnit.MILLISECONDS)) {
          if (killStragglers) {
            stop(box, stoppedFor, "exited");
          }
          if (!killStragglers || !callback.ended(KILL_GRACE_MS, TimeUnit.MILLISECONDS)) {
            callback.close();
          }
        }
        return;
      }
    }
  }

  /**
   * An exec's output stream with its own end signal: docker-java's {@code awaitCompletion} with a
   * timeout closes the stream when the timeout passes, which polling must not do.
   */
  private abstract static class ExecStream extends ResultCallback.Adapter<Frame> {
    private final java.util.concurrent.CountDownLatch done =
        new java.util.concurrent.CountDownLatch(1);

    @Override
    public void onComplete() {
      done.countDown();
      super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
      done.countDown();
      super.onError(throwable);
    }

    @Override
    public void close() throws java.io.IOException {
      done.countDown();
      super.close();
    }

    boolean ended(long timeout, TimeUnit unit) throws InterruptedException {
      return done.await(timeout, unit);
    }
  }

  /** Whether the exec's process has exited (one not started yet has no exit code either). */
  private boolean execExited(String execId) {
    try {
      InspectExecResponse inspect = docker.inspectExecCmd(execId).exec();
      return !Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null;
    } catch (DockerException e) {
      return false;
    }
  }

  private void stop(Box box, Stopper stoppedFor, String reason) {
    if (stoppedFor.compareAndSet(null, reason)) {
      stoppedFor.atNanos = System.nanoTime();
      // The cgroup goes with the container: read its counters first.
      CgroupMemory memory = stoppedFor.memory;
      stoppedFor.oomKills = memory.oomKills();
      stoppedFor.peakBytes = memory.peakBytes();
      stoppedFor.limitHits = memory.limitHits();
      stoppedFor.cpuNanos = stoppedFor.cpu.usedNanos();
      if (stoppedFor.keepContainer && !STOPPED.equals(reason)) {
        // Off the timer thread: an exec takes a moment, and other runs' deadlines wait on it.
        removals.execute(() -> killProcesses(box));
      } else {
        containers.kill(box.containerId());
      }
    }
  }

  /**
   * Kills every process of the sandbox user in the container but its idle process (the lowest pid
   * after init's, started with the container), so the next step starts clean. Everything is frozen
   * first, so nothing forks while the rest is killed. If that fails the container is killed: the
   * later steps then fail, and no process of this one is left to see their input.
   */
  private void killProcesses(Box box) {
    try {
      String execId =
          docker
              .execCreateCmd(box.containerId())
              .withCmd("/bin/sh", "-c", KILL_STEP_PROCESSES)
              .withUser(containers.user())
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec()
              .getId();
      boolean done =
          docker
              .execStartCmd(execId)
              .exec(new ResultCallback.Adapter<Frame>())
              .awaitCompletion(STEP_KILL_MS, TimeUnit.MILLISECONDS);
      if (!done) {
        // A container out of pids (a fork bomb) may not even start the kill: end it instead.
        containers.kill(box.containerId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      containers.kill(box.containerId());
    } catch (RuntimeException e) {
      log.debug("{} killing a step's processes failed: {}", agentId, e.toString());
      containers.kill(box.containerId());
    }
  }

  /**
   * Why the agent stopped an exec (null while it did not), the counters just before, and whether
   * the container outlives it.
   */
  private static final class Stopper extends AtomicReference<String> {
    final CgroupMemory memory;
    final CgroupCpu cpu;
    final boolean keepContainer;
    volatile long cpuNanos = -1;
    volatile long oomKills = -1;
    volatile long peakBytes = -1;
    volatile long limitHits = -1;
    volatile long atNanos;
    private boolean escalated;

    /** Whether the exec was stopped more than {@code ms} ago (true once: then it is escalated). */
    boolean outlived(long ms) {
      long at = atNanos;
      if (escalated || at == 0 || System.nanoTime() - at < ms * 1_000_000) {
        return false;
      }
      escalated = true;
      return true;
    }

    Stopper(CgroupMemory memory, CgroupCpu cpu, boolean keepContainer) {
      this.memory = memory;
      this.cpu = cpu;
      this.keepContainer = keepContainer;
    }
  }

  /** CPU milliseconds between two readings, -1 if either is unknown. */
  private static long cpuMs(long beforeNanos, long afterNanos) {
    return beforeNanos < 0 || afterNanos < 0 ? -1 : (afterNanos - beforeNanos) / 1_000_000;
  }

  /** Ready warm containers of an image (benchmarks wait for the pool to refill). */
  public int warmReady(String image) {
    return pool.ready(image);
  }

  /** Removes the warm containers and waits for the removal of used ones. */
  @Override
  public void close() {
    pool.close();
    removals.shutdown();
    try {
      removals.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timers.shutdownNow();
  }
}
