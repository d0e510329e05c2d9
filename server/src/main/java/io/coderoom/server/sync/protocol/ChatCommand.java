package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.coderoom.server.chat.ChatChannel;
import java.util.Optional;

/** Writing in the room's chat (see {@link ChatEvent}). */
public sealed interface ChatCommand extends ControlCommand {
  /**
   * Sends a message to a channel.
   *
   * @param channel {@code everyone} (when left out) or {@code interviewers}
   * @param text plain text, at most 2000 characters
   */
  @JsonTypeName("chat_send")
  record SendChat(@MayBeMissing String channel, String text) implements ChatCommand {
    /** The channel named, if it is one (empty for a name that is not). */
    public Optional<ChatChannel> chosen() {
      return channel == null
          ? Optional.of(ChatChannel.EVERYONE)
          : ChatChannel.fromWireName(channel);
    }

    /** Writing in the interviewers' channel needs its own permission; the room's, {@code CHAT}. */
    @Override
    public Permission permission() {
      return permissionFor(chosen().orElse(ChatChannel.EVERYONE));
    }

    /** What writing in {@code channel} needs (the welcome's {@code write} lists the same). */
    public static Permission permissionFor(ChatChannel channel) {
      return switch (channel) {
        case EVERYONE -> Permission.CHAT;
        case INTERVIEWERS -> Permission.INTERVIEWER_CHAT;
      };
    }

    @Override
    public String forbidden() {
      return permission() == Permission.INTERVIEWER_CHAT
          ? "Only interviewers may read and write in the interviewers' channel."
          : "You may read the room's chat but not write in it.";
    }
  }
}
