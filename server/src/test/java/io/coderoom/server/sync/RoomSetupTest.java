package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.auth.Role;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.problem.TestProblems;
import io.coderoom.server.room.Principal;
import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.ProblemSummary;
import io.coderoom.server.sync.protocol.RolePermissions;
import io.coderoom.server.sync.protocol.SessionEvent;
import io.coderoom.server.sync.protocol.SetupCommand;
import io.coderoom.server.sync.protocol.SetupEvent;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Choosing the problem and the language, as a feature on a real event loop without PostgreSQL: a
 * change is stored first and announced only once the store took it.
 */
class RoomSetupTest {
  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final ExecutorService blocking = Executors.newSingleThreadExecutor();
  private final List<ControlEvent> announced = new CopyOnWriteArrayList<>();
  private final List<ControlEvent> replies = new CopyOnWriteArrayList<>();
  private final List<String> stored = new CopyOnWriteArrayList<>();
  private volatile boolean ended;
  private final Participant host =
      new Participant(
          "p1",
          new Principal("token:host", Role.INTERVIEWER, Optional.empty()),
          "Ann",
          0,
          Instant.now());

  /** The announcements the features that follow the problem (hints) were told to make. */
  private final List<ControlEvent> followed = new CopyOnWriteArrayList<>();

  private final RoomSetup setup =
      new RoomSetup(
          new RoomContext(
              "room1",
              loop,
              blocking,
              java.time.Clock.systemUTC(),
              RolePermissions.DEFAULT,
              (event, audience) -> announced.add(event),
              (principal, action, detail) -> {},
              new RoomClockTest.MemoryEventLog()),
          new MemorySettings(),
          id -> TestProblems.curated().stream().filter(p -> p.id().equals(id)).findFirst(),
          // Told after the problem change is announced, so it follows it.
          () -> followed.add(announced.getLast()));

  @AfterEach
  void stop() throws Exception {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    blocking.shutdownNow();
  }

  @Test
  void aChosenProblemAndLanguageAreStoredThenAnnouncedToEveryone() throws Exception {
    Problem twoSum = TestProblems.curated("two-sum");
    send(new SetupCommand.SetProblem("two-sum"));
    await().atMost(Duration.ofSeconds(5)).until(() -> announced.size() == 1);
    assertThat(announced.get(0))
        .isEqualTo(new SetupEvent.ProblemChanged(ProblemSummary.of(twoSum), "p1"));
    assertThat(stored).containsExactly("problem=two-sum@" + twoSum.version());
    assertThat(loop.submit(setup::problem).get()).contains(twoSum);
    assertThat(followed).containsExactly(announced.get(0));

    send(new SetupCommand.SetLanguage("go"));
    await().atMost(Duration.ofSeconds(5)).until(() -> announced.size() == 2);
    assertThat(announced.get(1)).isEqualTo(new SetupEvent.LanguageChanged("go", "p1"));
    assertThat(followed).hasSize(1);
    assertThat(loop.submit(setup::language).get()).isEqualTo("go");
  }

  @Test
  void unknownChoicesAreRefusedAndNothingIsStored() throws Exception {
    send(new SetupCommand.SetProblem("no-such"));
    // The library is looked up off the loop: the refusal comes once it answered.
    await().atMost(Duration.ofSeconds(5)).until(() -> replies.size() == 1);
    send(new SetupCommand.SetLanguage("cobol"));
    assertThat(replies)
        .extracting(e -> ((SessionEvent.Refusal) e).code())
        .containsExactly("not_found", "bad_command");
    assertThat(stored).isEmpty();
    assertThat(announced).isEmpty();
  }

  @Test
  void aChangeTheStoreDoesNotTakeIsNeitherAppliedNorAnnounced() throws Exception {
    ended = true;
    send(new SetupCommand.SetLanguage("go"));
    await().atMost(Duration.ofSeconds(5)).until(() -> stored.size() == 1);
    Thread.sleep(100);
    assertThat(announced).isEmpty();
    assertThat(loop.submit(setup::language).get()).isEmpty();
  }

  private void send(SetupCommand command) throws Exception {
    loop.submit(() -> setup.command(new Sender(host, replies::add), command))
        .get(5, TimeUnit.SECONDS);
  }

  /** The room's settings in memory; an ended room takes no change. */
  private final class MemorySettings implements RoomSettings {
    @Override
    public boolean setCandidateLocked(boolean locked, Principal by) {
      stored.add("locked=" + locked);
      return !ended;
    }

    @Override
    public boolean setProblem(Optional<ProblemRef> problem, Principal by) {
      stored.add("problem=" + problem.map(p -> p.id() + "@" + p.version()).orElse(""));
      return !ended;
    }

    @Override
    public boolean setLanguage(String language, Principal by) {
      stored.add("language=" + language);
      return !ended;
    }

    @Override
    public boolean end(Principal by) {
      stored.add("end");
      return !ended;
    }

    @Override
    public boolean revoke(String tokenId, Principal by) {
      stored.add("revoke=" + tokenId);
      return !ended;
    }
  }
}
