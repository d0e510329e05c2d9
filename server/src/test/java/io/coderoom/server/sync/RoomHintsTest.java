package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.auth.Role;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.TestProblems;
import io.coderoom.server.room.Principal;
import io.coderoom.server.store.RoomEvents.NewEvent;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.HintsCommand;
import io.coderoom.server.sync.protocol.HintsEvent;
import io.coderoom.server.sync.protocol.HintsState;
import io.coderoom.server.sync.protocol.Permission;
import io.coderoom.server.sync.protocol.RevealedHint;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hints as a feature on a real event loop, without PostgreSQL: revealed in order, their texts
 * reaching those who may not reveal them only once revealed, stored and folded back.
 */
class RoomHintsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Problem TWO_SUM = TestProblems.curated("two-sum");

  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final ExecutorService blocking = Executors.newSingleThreadExecutor();
  private final RoomClockTest.MemoryEventLog log = new RoomClockTest.MemoryEventLog();
  private final List<ControlEvent> toRevealers = new CopyOnWriteArrayList<>();
  private final List<ControlEvent> toOthers = new CopyOnWriteArrayList<>();
  private final List<ControlEvent> replies = new CopyOnWriteArrayList<>();
  private final Participant host =
      new Participant(
          "p1", new Principal("token:host", Role.INTERVIEWER, Optional.empty()), "Ann", 0, T0);
  private final Participant candidate =
      new Participant(
          "p2", new Principal("token:cand", Role.CANDIDATE, Optional.empty()), "Sam", 1, T0);
  private Optional<Problem> problem = Optional.of(TWO_SUM);
  private final RoomHints hints = newHints();

  @AfterEach
  void stop() throws Exception {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    blocking.shutdownNow();
  }

  @Test
  void theNextHintIsReadByInterviewersOnlyUntilItIsRevealedToEveryone() throws Exception {
    assertThat(on(() -> hints.welcome(host)))
        .isEqualTo(new HintsState("two-sum", 3, List.of(), TWO_SUM.hints().get(0)));
    assertThat(on(() -> hints.welcome(candidate)))
        .isEqualTo(new HintsState("two-sum", 3, List.of(), null));

    reveal(0);
    await().atMost(Duration.ofSeconds(5)).until(() -> toOthers.size() == 1);
    RevealedHint first = new RevealedHint(0, TWO_SUM.hints().get(0), T0.toString(), "Ann");
    assertThat(toRevealers)
        .containsExactly(
            new HintsEvent.HintRevealed("two-sum", first, 3, "p1", TWO_SUM.hints().get(1)));
    assertThat(toOthers)
        .containsExactly(new HintsEvent.HintRevealed("two-sum", first, 3, "p1", null));
    assertThat(log.events).extracting(StoredEvent::kind).containsExactly("hint_revealed");
    assertThat(log.events.get(0).body().toString())
        .isEqualTo("{\"problemId\":\"two-sum\",\"index\":0}");
    assertThat(on(() -> hints.welcome(candidate)))
        .isEqualTo(new HintsState("two-sum", 3, List.of(first), null));
    // Nothing the candidate received holds a hint not revealed.
    assertThat(toOthers.toString() + on(() -> hints.welcome(candidate)))
        .doesNotContain(TWO_SUM.hints().get(1))
        .doesNotContain(TWO_SUM.hints().get(2));
  }

  @Test
  void revealsAreRefusedClearlyAndStoreNothing() throws Exception {
    reveal(0);
    reveal(0); // a second click, sent before the first is stored
    await().atMost(Duration.ofSeconds(5)).until(() -> toOthers.size() == 1);
    reveal(1);
    reveal(null);
    await().atMost(Duration.ofSeconds(5)).until(() -> toOthers.size() == 3);
    reveal(null);
    reveal(7);
    problem = Optional.empty();
    reveal(null);
    await().atMost(Duration.ofSeconds(5)).until(() -> replies.size() == 4);
    assertThat(replies)
        .extracting(e -> ((SessionEvent.Refusal) e).code())
        .containsExactly("hint_already_revealed", "no_hints_left", "no_hints_left", "no_problem");
    assertThat(((SessionEvent.Refusal) replies.get(1)).message())
        .isEqualTo("All 3 hints of Two Sum are revealed already.");
    assertThat(log.events).hasSize(3);
  }

  @Test
  void aReloadedRoomFindsItsRevealsAndAProblemChangeAnnouncesItsHints() throws Exception {
    reveal(0);
    reveal(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> toOthers.size() == 2);
    RoomHints reloaded = newHints();
    on(
        () -> {
          reloaded.loaded(log.list());
          return null;
        });
    HintsState again = on(() -> reloaded.welcome(host));
    assertThat(again.revealed()).extracting(RevealedHint::index).containsExactly(0, 1);
    assertThat(again.next()).isEqualTo(TWO_SUM.hints().get(2));

    problem = Optional.empty();
    on(
        () -> {
          reloaded.problemChanged();
          return null;
        });
    assertThat(toOthers.getLast())
        .isEqualTo(new HintsEvent.HintsChanged(new HintsState(null, 0, List.of(), null)));
    problem = Optional.of(TWO_SUM);
    on(
        () -> {
          reloaded.problemChanged();
          return null;
        });
    HintsEvent.HintsChanged back = (HintsEvent.HintsChanged) toRevealers.getLast();
    assertThat(back.hints().revealed()).hasSize(2);
    assertThat(back.hints().next()).isEqualTo(TWO_SUM.hints().get(2));
    assertThat(((HintsEvent.HintsChanged) toOthers.getLast()).hints().next()).isNull();
  }

  @Test
  void aRevealThatCouldNotBeStoredLeavesThatHintToBeRevealedAgain() throws Exception {
    AtomicBoolean down = new AtomicBoolean(true);
    RoomEventLog flaky =
        new RoomEventLog() {
          @Override
          public StoredEvent append(NewEvent event) {
            if (down.getAndSet(false)) {
              throw new IllegalStateException("the database is down");
            }
            return log.append(event);
          }

          @Override
          public List<StoredEvent> list() {
            return log.list();
          }
        };
    RoomHints hints = newHints(flaky);
    send(hints, 0);
    // Until the failed store comes back, hint 1 is held for it; then it is free again.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              if (toOthers.isEmpty()) {
                send(hints, 0);
                Thread.sleep(20);
              }
              return !toOthers.isEmpty();
            });
    assertThat(((HintsEvent.HintRevealed) toOthers.getFirst()).hint().index()).isZero();
    assertThat(log.events).hasSize(1);
    assertThat(replies)
        .extracting(e -> ((SessionEvent.Refusal) e).code())
        .allMatch("hint_already_revealed"::equals);
  }

  private RoomHints newHints() {
    return newHints(log);
  }

  private RoomHints newHints(RoomEventLog events) {
    RoomContext context =
        new RoomContext(
            "room1",
            loop,
            blocking,
            Clock.fixed(T0, ZoneOffset.UTC),
            RolePermissions.DEFAULT,
            (event, audience) -> {
              if (audience.equals(Audience.holdersOf(Permission.REVEAL_HINTS))) {
                toRevealers.add(event);
              } else if (audience.equals(Audience.lackingOf(Permission.REVEAL_HINTS))) {
                toOthers.add(event);
              } else {
                throw new AssertionError("hints go to revealers and to the others: " + audience);
              }
            },
            (principal, action, detail) -> {},
            events);
    return new RoomHints(context, () -> problem);
  }

  private void reveal(Integer index) throws Exception {
    send(hints, index);
  }

  private void send(RoomHints to, Integer index) throws Exception {
    on(
        () -> {
          to.command(new Sender(host, replies::add), new HintsCommand.RevealHint(index));
          return null;
        });
  }

  private <T> T on(Supplier<T> task) throws Exception {
    return loop.submit(task::get).get(5, TimeUnit.SECONDS);
  }
}
