package io.coderoom.server.sync;

import io.coderoom.server.chat.ChatChannel;
import io.coderoom.server.chat.ChatHistory;
import io.coderoom.server.chat.ChatMessage;
import io.coderoom.server.chat.ChatRateLimit;
import io.coderoom.server.chat.ChatRefusal;
import io.coderoom.server.chat.ChatText;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.sync.protocol.Audience;
import io.coderoom.server.sync.protocol.ChatCommand;
import io.coderoom.server.sync.protocol.ChatEntry;
import io.coderoom.server.sync.protocol.ChatEvent;
import io.coderoom.server.sync.protocol.ChatWelcome;
import io.coderoom.server.sync.protocol.Permission;
import io.coderoom.server.sync.protocol.SessionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The room's chat: a channel for everyone and one for the interviewers. Who reads and writes which
 * follows the permissions of their role: everyone reads the room's channel, {@link Permission#CHAT}
 * writes in it, {@link Permission#INTERVIEWER_CHAT} reads and writes the interviewers'. A message
 * is checked ({@link ChatText}), rate-limited per participant ({@link ChatRateLimit}), stored as a
 * {@code chat_message} room event, then sent to its channel's readers only; the latest are handed
 * to whoever joins ({@link ChatHistory}). Lives on the room's loop.
 */
final class RoomChat {
  private final RoomContext room;
  private final Supplier<List<Participant>> present;
  private final ChatHistory history = new ChatHistory();
  private final ChatRateLimit rateLimit = new ChatRateLimit();

  /**
   * @param present who is in the room now (a message's author, found again by their link)
   */
  RoomChat(RoomContext room, Supplier<List<Participant>> present) {
    this.room = room;
    this.present = present;
  }

  /** The room loaded: its stored messages, in order. */
  void loaded(List<StoredEvent> events) {
    events.stream().flatMap(event -> ChatMessage.of(event).stream()).forEach(history::add);
  }

  void command(Sender from, ChatCommand command) {
    room.checkLoop();
    switch (command) {
      case ChatCommand.SendChat send -> send(from, send);
    }
  }

  /** Its part of {@code welcome}: the channels {@code you} reads and writes, and their history. */
  ChatWelcome welcome(Participant you) {
    Set<Permission> held = room.permissions().of(you.role());
    List<ChatChannel> read =
        Arrays.stream(ChatChannel.values()).filter(c -> audience(c).includes(held)).toList();
    List<ChatChannel> write =
        Arrays.stream(ChatChannel.values())
            .filter(c -> held.contains(ChatCommand.SendChat.permissionFor(c)))
            .toList();
    List<Participant> here = present.get();
    return new ChatWelcome(
        read,
        write,
        history.readable(read::contains).stream().map(m -> entry(m, byOf(m, here))).toList());
  }

  private void send(Sender from, ChatCommand.SendChat send) {
    if (send.chosen().isEmpty()) {
      from.refuse("bad_command", "'channel' must be everyone or interviewers.");
      return;
    }
    ChatChannel channel = send.chosen().get();
    String text;
    switch (ChatText.check(send.text())) {
      case ChatText.Refused refused -> {
        refuse(from, refused.refusal());
        return;
      }
      case ChatText.Accepted accepted -> text = accepted.text();
    }
    Participant by = from.participant();
    var wait = rateLimit.take(by.actor(), System.nanoTime());
    if (wait.isPresent()) {
      refuse(
          from,
          new ChatRefusal(
              "chat_rate_limited",
              "You are writing faster than the chat takes messages; wait a moment.",
              wait));
      return;
    }
    room.storeThenAnnounce(
        by,
        ChatMessage.KIND,
        audience(channel),
        ChatMessage.body(channel, text, by.role()),
        stored ->
            ChatMessage.of(stored)
                .ifPresent(
                    message -> {
                      history.add(message);
                      room.announce(
                          new ChatEvent.ChatPosted(entry(message, by.id())), audience(channel));
                    }));
  }

  private static void refuse(Sender from, ChatRefusal refusal) {
    from.reply(
        new SessionEvent.Refusal(
            refusal.code(),
            refusal.message(),
            refusal.retryAfterMs().isPresent() ? refusal.retryAfterMs().getAsLong() : null));
  }

  /** Who receives a channel's messages. */
  private static Audience audience(ChatChannel channel) {
    return switch (channel) {
      case EVERYONE -> Audience.EVERYONE;
      case INTERVIEWERS -> Audience.holdersOf(Permission.INTERVIEWER_CHAT);
    };
  }

  /** The author's participant id now, if their link is in the room. */
  private static String byOf(ChatMessage message, List<Participant> here) {
    return here.stream()
        .filter(p -> p.actor().equals(message.actor()))
        .map(Participant::id)
        .findFirst()
        .orElse("");
  }

  private static ChatEntry entry(ChatMessage message, String by) {
    return new ChatEntry(
        message.id(),
        message.channel(),
        message.text(),
        by,
        message.name(),
        message.role(),
        message.at().toString());
  }
}
