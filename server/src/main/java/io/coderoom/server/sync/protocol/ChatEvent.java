package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The room's chat. */
public sealed interface ChatEvent extends ControlEvent {
  /** A message, sent to the readers of its channel only (its author included). */
  @JsonTypeName("chat_message")
  record ChatPosted(ChatEntry message) implements ChatEvent {}
}
