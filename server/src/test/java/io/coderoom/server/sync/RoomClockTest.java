package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.auth.Role;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.TestProblems;
import io.coderoom.server.room.Principal;
import io.coderoom.server.store.RoomEvents.NewEvent;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ClockCommand;
import io.coderoom.server.sync.protocol.ClockEvent;
import io.coderoom.server.sync.protocol.ClockState;
import io.coderoom.server.sync.protocol.ClockState.Status;
import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.RolePermissions;
import io.coderoom.server.sync.protocol.SessionEvent;
import io.netty.channel.DefaultEventLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clock as a feature on a real event loop, without PostgreSQL: its events are kept by an
 * in-memory {@link RoomEventLog}, and the time is a clock the test moves.
 */
class RoomClockTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Problem PROBLEM = TestProblems.curated().get(0);

  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final ExecutorService blocking = Executors.newSingleThreadExecutor();
  private final MovingClock time = new MovingClock(T0);
  private final MemoryEventLog log = new MemoryEventLog();
  private final List<ControlEvent> announced = new CopyOnWriteArrayList<>();
  private final List<ControlEvent> replies = new CopyOnWriteArrayList<>();
  private final Participant host =
      new Participant(
          "p1", new Principal("token:host", Role.INTERVIEWER, Optional.empty()), "Ann", 0, T0);
  private Optional<Problem> problem = Optional.of(PROBLEM);
  private final RoomClock clock = newClock();

  @AfterEach
  void stop() throws Exception {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    blocking.shutdownNow();
  }

  @Test
  void itCountsDownFromTheProblemsEstimateAndTheStateFollowsTheServersTime() throws Exception {
    send(new ClockCommand.StartClock(null));
    ClockEvent.ClockChanged started = awaitChange(1);
    long estimate = Duration.ofMinutes(PROBLEM.timeEstimateMinutes()).toMillis();
    assertThat(started.action()).isEqualTo(ClockState.Action.STARTED);
    assertThat(started.by()).isEqualTo("p1");
    assertThat(started.clock())
        .isEqualTo(new ClockState(Status.RUNNING, estimate, 0, T0.toEpochMilli()));

    time.advance(Duration.ofMinutes(10));
    assertThat(on(clock::state))
        .isEqualTo(
            new ClockState(
                Status.RUNNING,
                estimate,
                Duration.ofMinutes(10).toMillis(),
                T0.plus(Duration.ofMinutes(10)).toEpochMilli()));
    assertThat(log.events).extracting(StoredEvent::kind).containsExactly("clock_started");
    assertThat(log.events.get(0).body().get("durationMs").asLong()).isEqualTo(estimate);
  }

  @Test
  void pauseResumeExtendAndStopAreStoredAndFoldBackToTheSameClockAfterARestart() throws Exception {
    send(new ClockCommand.StartClock(Duration.ofMinutes(30).toMillis()));
    awaitChange(1);
    time.advance(Duration.ofMinutes(5));
    send(new ClockCommand.PauseClock());
    awaitChange(2);
    time.advance(Duration.ofMinutes(20)); // paused: does not count
    send(new ClockCommand.ResumeClock());
    awaitChange(3);
    send(new ClockCommand.ExtendClock(Duration.ofMinutes(10).toMillis()));
    ClockEvent.ClockChanged extended = awaitChange(4);
    time.advance(Duration.ofMinutes(36)); // past the 40 minutes: 1 minute of overtime
    ClockState live = on(clock::state);
    assertThat(extended.clock().durationMs()).isEqualTo(Duration.ofMinutes(40).toMillis());
    assertThat(live.status()).isEqualTo(Status.RUNNING);
    assertThat(live.elapsedMs()).isEqualTo(Duration.ofMinutes(41).toMillis());
    assertThat(live.durationMs() - live.elapsedMs()).isEqualTo(-Duration.ofMinutes(1).toMillis());
    assertThat(log.events)
        .extracting(StoredEvent::kind)
        .containsExactly("clock_started", "clock_paused", "clock_resumed", "clock_extended");
    assertThat(log.events.get(3).body().get("byMs").asLong())
        .isEqualTo(Duration.ofMinutes(10).toMillis());

    // A server restart: a new room folds the stored events back.
    RoomClock reloaded = newClock();
    on(
        () -> {
          reloaded.loaded(List.copyOf(log.events));
          return null;
        });
    assertThat(on(reloaded::state)).isEqualTo(live);

    send(new ClockCommand.StopClock());
    ClockEvent.ClockChanged stopped = awaitChange(5);
    time.advance(Duration.ofMinutes(3));
    assertThat(on(clock::state).elapsedMs()).isEqualTo(stopped.clock().elapsedMs());
    assertThat(on(clock::state).status()).isEqualTo(Status.STOPPED);
  }

  @Test
  void commandsThatDoNotFitTheClocksStateAreRefusedAndStoreNothing() throws Exception {
    send(new ClockCommand.PauseClock());
    send(new ClockCommand.ResumeClock());
    send(new ClockCommand.ExtendClock(60_000));
    send(new ClockCommand.StartClock(1_000L));
    problem = Optional.empty();
    send(new ClockCommand.StartClock(null));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(replies)
                    .extracting(e -> ((SessionEvent.Refusal) e).code())
                    .containsExactly(
                        "clock_not_running",
                        "clock_not_paused",
                        "clock_not_running",
                        "bad_command",
                        "no_problem"));
    assertThat(log.events).isEmpty();
    assertThat(announced).isEmpty();
  }

  @Test
  void aSecondPauseSentBeforeTheFirstIsStoredChangesNothingAndIsNotAnnounced() throws Exception {
    send(new ClockCommand.StartClock(600_000L));
    awaitChange(1);
    on(
        () -> {
          Sender sender = new Sender(host, replies::add);
          clock.command(sender, new ClockCommand.PauseClock());
          clock.command(sender, new ClockCommand.PauseClock());
          return null;
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> log.events.size() == 3);
    Thread.sleep(100);
    assertThat(announced).hasSize(2);
    RoomClock reloaded = newClock();
    on(
        () -> {
          reloaded.loaded(List.copyOf(log.events));
          return null;
        });
    assertThat(on(reloaded::state)).isEqualTo(on(clock::state));
  }

  @Test
  void theClockIsOnlyTouchedOnItsRoomsLoop() {
    assertThatThrownBy(
            () -> clock.command(new Sender(host, replies::add), new ClockCommand.PauseClock()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("touched from");
  }

  private RoomClock newClock() {
    RoomContext context =
        new RoomContext(
            "room1",
            loop,
            blocking,
            time,
            RolePermissions.DEFAULT,
            (event, audience) -> {
              assertThat(audience).isEqualTo(Audience.EVERYONE);
              announced.add(event);
            },
            (principal, action, detail) -> {},
            log);
    return new RoomClock(context, () -> problem);
  }

  private void send(ClockCommand command) throws Exception {
    on(
        () -> {
          clock.command(new Sender(host, replies::add), command);
          return null;
        });
  }

  private ClockEvent.ClockChanged awaitChange(int count) {
    await().atMost(Duration.ofSeconds(5)).until(() -> announced.size() >= count);
    assertThat(announced).hasSize(count);
    return (ClockEvent.ClockChanged) announced.get(count - 1);
  }

  private <T> T on(Supplier<T> task) throws Exception {
    return loop.submit(task::get).get(5, TimeUnit.SECONDS);
  }

  /** The room's events, kept in memory in the order they were appended. */
  static final class MemoryEventLog implements RoomEventLog {
    final List<StoredEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public StoredEvent append(NewEvent event) {
      StoredEvent stored =
          new StoredEvent(
              events.size() + 1,
              event.kind(),
              event.actor(),
              event.name(),
              event.audience(),
              event.at(),
              event.body());
      events.add(stored);
      return stored;
    }

    @Override
    public List<StoredEvent> list() {
      return List.copyOf(events);
    }
  }

  /** A clock the test moves forward. */
  static final class MovingClock extends Clock {
    private volatile Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
