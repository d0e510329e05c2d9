package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.auth.Role;
import io.coderoom.server.chat.ChatChannel;
import io.coderoom.server.room.Principal;
import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ChatCommand;
import io.coderoom.server.sync.protocol.ChatEntry;
import io.coderoom.server.sync.protocol.ChatEvent;
import io.coderoom.server.sync.protocol.ChatWelcome;
import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.Permission;
import io.coderoom.server.sync.protocol.RolePermissions;
import io.coderoom.server.sync.protocol.SessionEvent;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.time.Instant;
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
 * The chat as a feature on a real event loop, without PostgreSQL: who reads and writes which
 * channel, what is stored, and what a later joiner or a reloaded room hands out.
 */
class RoomChatTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final ExecutorService blocking = Executors.newSingleThreadExecutor();
  private final RoomClockTest.MemoryEventLog log = new RoomClockTest.MemoryEventLog();
  private final List<Announced> announced = new CopyOnWriteArrayList<>();
  private final List<ControlEvent> replies = new CopyOnWriteArrayList<>();
  private final Participant host = participant("p1", "token:host", Role.INTERVIEWER, "Ann");
  private final Participant candidate = participant("p2", "token:cand", Role.CANDIDATE, "Sam");
  private final Participant observer = participant("p3", "token:obs", Role.OBSERVER, "Olu");
  private List<Participant> present = List.of(host, candidate, observer);
  private RolePermissions permissions = RolePermissions.DEFAULT;
  private RoomChat chat = newChat();

  private record Announced(ControlEvent event, Audience audience) {}

  @AfterEach
  void stop() throws Exception {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    blocking.shutdownNow();
  }

  private static Participant participant(String id, String actor, Role role, String name) {
    return new Participant(id, new Principal(actor, role, Optional.empty()), name, 0, T0);
  }

  @Test
  void theRoomsChannelGoesToEveryoneAndTheInterviewersChannelToItsHoldersOnly() throws Exception {
    send(candidate, "everyone", "Hello!");
    send(host, "interviewers", "strong start");
    await().atMost(Duration.ofSeconds(5)).until(() -> announced.size() == 2);

    ChatEvent.ChatPosted hello = (ChatEvent.ChatPosted) announced.get(0).event();
    assertThat(announced.get(0).audience()).isEqualTo(Audience.EVERYONE);
    assertThat(hello.message())
        .isEqualTo(
            new ChatEntry(
                1, ChatChannel.EVERYONE, "Hello!", "p2", "Sam", Role.CANDIDATE, T0.toString()));
    assertThat(announced.get(1).audience())
        .isEqualTo(Audience.holdersOf(Permission.INTERVIEWER_CHAT));
    assertThat(log.events)
        .extracting(StoredEvent::kind, StoredEvent::audience, StoredEvent::actor, StoredEvent::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "chat_message", RoomEvents.Audience.EVERYONE, "token:cand", "Sam"),
            org.assertj.core.groups.Tuple.tuple(
                "chat_message", RoomEvents.Audience.INTERVIEWERS, "token:host", "Ann"));
    assertThat(log.events.get(1).body().toString())
        .isEqualTo(
            "{\"channel\":\"interviewers\",\"text\":\"strong start\",\"role\":\"interviewer\"}");

    // Who joins later gets the history of the channels they read.
    ChatWelcome forCandidate = on(() -> chat.welcome(candidate));
    assertThat(forCandidate.read()).containsExactly(ChatChannel.EVERYONE);
    assertThat(forCandidate.write()).containsExactly(ChatChannel.EVERYONE);
    assertThat(forCandidate.messages()).extracting(ChatEntry::text).containsExactly("Hello!");
    ChatWelcome forObserver = on(() -> chat.welcome(observer));
    assertThat(forObserver.read()).containsExactly(ChatChannel.EVERYONE);
    assertThat(forObserver.write()).isEmpty();
    assertThat(forObserver.messages()).extracting(ChatEntry::text).containsExactly("Hello!");
    ChatWelcome forHost = on(() -> chat.welcome(host));
    assertThat(forHost.read()).containsExactly(ChatChannel.EVERYONE, ChatChannel.INTERVIEWERS);
    assertThat(forHost.messages())
        .extracting(ChatEntry::text)
        .containsExactly("Hello!", "strong start");
  }

  @Test
  void aReloadedRoomFoldsItsMessagesBackAndFindsTheirAuthorsByTheirLink() throws Exception {
    send(candidate, "everyone", "one");
    send(host, "interviewers", "two");
    await().atMost(Duration.ofSeconds(5)).until(() -> announced.size() == 2);
    // After a restart the candidate is back with another participant id; the host is not here.
    Participant back = participant("p9", "token:cand", Role.CANDIDATE, "Sam");
    present = List.of(back);
    RoomChat reloaded = newChat();
    on(
        () -> {
          reloaded.loaded(log.list());
          return null;
        });
    List<ChatEntry> history = on(() -> reloaded.welcome(host)).messages();
    assertThat(history).extracting(ChatEntry::text).containsExactly("one", "two");
    assertThat(history).extracting(ChatEntry::by).containsExactly("p9", "");
    assertThat(history.get(0).role()).isEqualTo(Role.CANDIDATE);
    assertThat(on(() -> reloaded.welcome(back)).messages())
        .extracting(ChatEntry::text)
        .containsExactly("one");
  }

  @Test
  void aTeamMayLetObserversIntoTheInterviewersChannel() throws Exception {
    permissions = RolePermissions.DEFAULT.granting(Role.OBSERVER, Permission.INTERVIEWER_CHAT);
    chat = newChat();
    send(host, "interviewers", "for the panel");
    await().atMost(Duration.ofSeconds(5)).until(() -> announced.size() == 1);
    ChatWelcome forObserver = on(() -> chat.welcome(observer));
    assertThat(forObserver.read()).containsExactly(ChatChannel.EVERYONE, ChatChannel.INTERVIEWERS);
    assertThat(forObserver.write()).containsExactly(ChatChannel.INTERVIEWERS);
    assertThat(forObserver.messages()).extracting(ChatEntry::text).containsExactly("for the panel");
  }

  @Test
  void refusedMessagesSayWhyAndStoreNothing() throws Exception {
    send(candidate, "everyone", "x".repeat(2001));
    send(candidate, "everyone", " \n ");
    send(candidate, "lobby", "hi");
    for (int i = 0; i < 6; i++) {
      send(candidate, "everyone", "burst " + i);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> announced.size() == 5);
    await().atMost(Duration.ofSeconds(5)).until(() -> replies.size() == 4);
    assertThat(replies)
        .extracting(e -> ((SessionEvent.Refusal) e).code())
        .containsExactly("chat_too_long", "chat_empty", "bad_command", "chat_rate_limited");
    SessionEvent.Refusal limited = (SessionEvent.Refusal) replies.get(3);
    assertThat(limited.retryAfterMs()).isBetween(1L, 2000L);
    assertThat(log.events).hasSize(5);
  }

  @Test
  void aChannelsCommandNeedsItsOwnPermission() {
    assertThat(new ChatCommand.SendChat(null, "hi").permission()).isEqualTo(Permission.CHAT);
    assertThat(new ChatCommand.SendChat("everyone", "hi").permission()).isEqualTo(Permission.CHAT);
    assertThat(new ChatCommand.SendChat("interviewers", "hi").permission())
        .isEqualTo(Permission.INTERVIEWER_CHAT);
    RolePermissions roles = RolePermissions.DEFAULT;
    assertThat(roles.allows(Role.CANDIDATE, Permission.CHAT)).isTrue();
    assertThat(roles.allows(Role.CANDIDATE, Permission.INTERVIEWER_CHAT)).isFalse();
    assertThat(roles.allows(Role.OBSERVER, Permission.CHAT)).isFalse();
    assertThat(roles.allows(Role.OBSERVER, Permission.INTERVIEWER_CHAT)).isFalse();
  }

  @Test
  void theChatIsOnlyTouchedOnItsRoomsLoop() {
    assertThatThrownBy(
            () ->
                chat.command(
                    new Sender(host, replies::add), new ChatCommand.SendChat("everyone", "hi")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("touched from");
  }

  private RoomChat newChat() {
    RoomContext context =
        new RoomContext(
            "room1",
            loop,
            blocking,
            java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC),
            permissions,
            (event, audience) -> announced.add(new Announced(event, audience)),
            (principal, action, detail) -> {},
            log);
    return new RoomChat(context, () -> present);
  }

  private void send(Participant from, String channel, String text) throws Exception {
    on(
        () -> {
          chat.command(new Sender(from, replies::add), new ChatCommand.SendChat(channel, text));
          return null;
        });
  }

  private <T> T on(Supplier<T> task) throws Exception {
    return loop.submit(task::get).get(5, TimeUnit.SECONDS);
  }
}
