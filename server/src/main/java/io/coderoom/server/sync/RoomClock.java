package io.coderoom.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ClockCommand;
import io.coderoom.server.sync.protocol.ClockEvent;
import io.coderoom.server.sync.protocol.ClockState;
import io.coderoom.server.sync.protocol.ClockState.Action;
import io.coderoom.server.sync.protocol.ClockState.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The interview's clock, kept by the server and shared by everyone: interviewers start it (from the
 * problem's time estimate or a duration they choose), pause, resume, extend and stop it; it counts
 * down, then overtime. Every change is a stored room event ({@code clock_started {durationMs}},
 * {@code clock_paused}, {@code clock_resumed}, {@code clock_extended {byMs}}, {@code
 * clock_stopped}), applied and announced once stored, and folded back the same way when the room
 * loads, so the clock outlives reloads and restarts. The five-minute and time-up warnings are not
 * events: every client derives them from the clock's state, so a page reloaded late shows the same
 * warning as one that watched. Lives on the room's loop.
 */
final class RoomClock {
  /** The shortest and longest duration a clock may be started with (or extended by). */
  static final Duration SHORTEST = Duration.ofMinutes(1);

  static final Duration LONGEST = Duration.ofHours(24);

  private final RoomContext room;
  private final Supplier<Optional<Problem>> problem;
  private Status status = Status.IDLE;
  private long durationMs;

  /** How long the clock ran before {@link #runningSince} (or in all, when not running). */
  private long elapsedMs;

  private Instant runningSince = Instant.EPOCH;

  /**
   * @param problem the room's problem as it is now (its time estimate is the default duration)
   */
  RoomClock(RoomContext room, Supplier<Optional<Problem>> problem) {
    this.room = room;
    this.problem = problem;
  }

  /** The room loaded: its stored clock events, folded in order. */
  void loaded(List<StoredEvent> events) {
    for (StoredEvent event : events) {
      kindOf(event.kind()).ifPresent(action -> apply(action, event.at(), event.body()));
    }
  }

  /** Its part of {@code welcome}, and the state every change announces: the clock as of now. */
  ClockState state() {
    Instant now = room.now();
    long elapsed =
        elapsedMs + (status == Status.RUNNING ? Duration.between(runningSince, now).toMillis() : 0);
    return new ClockState(status, durationMs, elapsed, now.toEpochMilli());
  }

  void command(Sender from, ClockCommand command) {
    room.checkLoop();
    switch (command) {
      case ClockCommand.StartClock start -> start(from, start.duration());
      case ClockCommand.PauseClock pause ->
          change(from, Action.PAUSED, Status.RUNNING, "The clock is not running.");
      case ClockCommand.ResumeClock resume ->
          change(from, Action.RESUMED, Status.PAUSED, "The clock is not paused.");
      case ClockCommand.ExtendClock extend -> extend(from, extend.byMs());
      case ClockCommand.StopClock stop -> {
        if (status == Status.PAUSED) {
          store(from, Action.STOPPED, empty());
        } else {
          change(from, Action.STOPPED, Status.RUNNING, "The clock is not running.");
        }
      }
    }
  }

  private void start(Sender from, Optional<Long> chosen) {
    if (status == Status.RUNNING || status == Status.PAUSED) {
      from.refuse("clock_running", "The clock is already going; stop it before starting again.");
      return;
    }
    Optional<Long> duration =
        chosen.or(
            () -> problem.get().map(p -> Duration.ofMinutes(p.timeEstimateMinutes()).toMillis()));
    if (duration.isEmpty()) {
      from.refuse(
          "no_problem",
          "The room has no problem with a time estimate; choose a duration ('durationMs').");
      return;
    }
    if (!withinBounds(duration.get())) {
      from.refuse("bad_command", "'durationMs' must be " + bounds() + ".");
      return;
    }
    ObjectNode body = empty();
    body.put("durationMs", duration.get());
    store(from, Action.STARTED, body);
  }

  private void extend(Sender from, long byMs) {
    if (status != Status.RUNNING && status != Status.PAUSED) {
      from.refuse("clock_not_running", "The clock is not going; start it first.");
      return;
    }
    if (!withinBounds(byMs)) {
      from.refuse("bad_command", "'byMs' must be " + bounds() + ".");
      return;
    }
    ObjectNode body = empty();
    body.put("byMs", byMs);
    store(from, Action.EXTENDED, body);
  }

  private void change(Sender from, Action action, Status required, String otherwise) {
    if (status != required) {
      from.refuse(required == Status.RUNNING ? "clock_not_running" : "clock_not_paused", otherwise);
      return;
    }
    store(from, action, empty());
  }

  /**
   * Stores the change, then applies and announces it. Two changes sent at once are both stored; the
   * second may change nothing once the first is applied (a double pause), and is then not
   * announced. A reload folds them the same way.
   */
  private void store(Sender from, Action action, ObjectNode body) {
    Participant by = from.participant();
    room.storeThenAnnounce(
        by,
        action.eventKind(),
        Audience.EVERYONE,
        body,
        stored -> {
          if (apply(action, stored.at(), stored.body())) {
            room.announce(new ClockEvent.ClockChanged(state(), action, by.id()));
          }
        });
  }

  /** Applies one change; false when it changes nothing in the state the clock is in. */
  private boolean apply(Action action, Instant at, JsonNode body) {
    switch (action) {
      case STARTED -> {
        status = Status.RUNNING;
        durationMs = body.path("durationMs").asLong();
        elapsedMs = 0;
        runningSince = at;
        return true;
      }
      case PAUSED -> {
        if (status != Status.RUNNING) {
          return false;
        }
        elapsedMs += Math.max(0, Duration.between(runningSince, at).toMillis());
        status = Status.PAUSED;
        return true;
      }
      case RESUMED -> {
        if (status != Status.PAUSED) {
          return false;
        }
        runningSince = at;
        status = Status.RUNNING;
        return true;
      }
      case EXTENDED -> {
        if (status != Status.RUNNING && status != Status.PAUSED) {
          return false;
        }
        durationMs += body.path("byMs").asLong();
        return true;
      }
      case STOPPED -> {
        if (status == Status.RUNNING) {
          elapsedMs += Math.max(0, Duration.between(runningSince, at).toMillis());
        } else if (status != Status.PAUSED) {
          return false;
        }
        status = Status.STOPPED;
        return true;
      }
    }
    throw new AssertionError(action);
  }

  private static Optional<Action> kindOf(String kind) {
    return Arrays.stream(Action.values()).filter(a -> a.eventKind().equals(kind)).findFirst();
  }

  private static boolean withinBounds(long ms) {
    return ms >= SHORTEST.toMillis() && ms <= LONGEST.toMillis();
  }

  private static String bounds() {
    return "between " + SHORTEST.toMillis() + " and " + LONGEST.toMillis() + " milliseconds";
  }

  private static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }
}
