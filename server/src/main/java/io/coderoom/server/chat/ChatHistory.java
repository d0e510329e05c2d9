package io.coderoom.server.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The messages a live room hands to whoever joins: the latest {@link #KEPT}, in order. The whole
 * chat stays in the room's events (playback and the report read it there). Lives on the room's
 * loop.
 */
public final class ChatHistory {
  /** How many messages a joining page gets at most. */
  public static final int KEPT = 500;

  private final Deque<ChatMessage> messages = new ArrayDeque<>();

  /** Adds a message (stored already), in the order of their ids. */
  public void add(ChatMessage message) {
    if (!messages.isEmpty() && messages.peekLast().id() >= message.id()) {
      return; // folded twice: the stored events and a live message racing the load
    }
    messages.addLast(message);
    if (messages.size() > KEPT) {
      messages.removeFirst();
    }
  }

  /** The kept messages of the channels a reader may read, oldest first. */
  public List<ChatMessage> readable(Predicate<ChatChannel> reads) {
    return messages.stream().filter(m -> reads.test(m.channel())).toList();
  }

  public int size() {
    return messages.size();
  }
}
