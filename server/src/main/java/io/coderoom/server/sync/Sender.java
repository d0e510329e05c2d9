package io.coderoom.server.sync;

import io.coderoom.server.sync.protocol.ControlEvent;
import io.coderoom.server.sync.protocol.SessionEvent;
import java.util.function.Consumer;

/**
 * Who sent a command, and where its answers go (their control socket).
 *
 * @param participant who sent it
 * @param replies what only the sender hears (refusals, mostly)
 */
record Sender(Participant participant, Consumer<ControlEvent> replies) {
  void reply(ControlEvent event) {
    replies.accept(event);
  }

  /** Refuses the command with an {@code error}: a stable code and a sentence for the user. */
  void refuse(String code, String message) {
    reply(SessionEvent.Refusal.of(code, message));
  }
}
