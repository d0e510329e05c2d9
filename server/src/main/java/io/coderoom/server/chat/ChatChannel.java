package io.coderoom.server.chat;

import io.coderoom.server.store.RoomEvents.Audience;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a message goes: the room's channel, which everyone in the room reads, or the interviewers'
 * channel, which only those whose role may read it ever receive (live, in the history, in
 * playback).
 */
public enum ChatChannel {
  EVERYONE(Audience.EVERYONE),
  INTERVIEWERS(Audience.INTERVIEWERS);

  private final Audience audience;

  ChatChannel(Audience audience) {
    this.audience = audience;
  }

  /** Who may ever see the channel's messages; stored with each of them. */
  public Audience audience() {
    return audience;
  }

  /** {@code everyone} or {@code interviewers}, as in commands, events and stored bodies. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChatChannel> fromWireName(String name) {
    for (ChatChannel channel : values()) {
      if (channel.wireName().equals(name)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
