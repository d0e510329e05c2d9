package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Optional;

/** Events of the connection itself: the welcome, pongs and refusals. */
public sealed interface SessionEvent extends ControlEvent {
  /**
   * The first message on a control socket: who you are, the room, who is in it, and each feature's
   * state.
   */
  @JsonTypeName("welcome")
  record Welcome(
      WireParticipant you,
      RoomInfo room,
      List<WireParticipant> participants,
      ClockState clock,
      long serverTime,
      ChatWelcome chat,
      HintsState hints)
      implements SessionEvent {}

  /** The answer to {@code ping}, with the server's clock (epoch milliseconds) as it answered. */
  @JsonTypeName("pong")
  record Pong(long serverTime) implements SessionEvent {}

  /**
   * A command was refused.
   *
   * @param code a stable code ({@code bad_command}, {@code forbidden} …)
   * @param message a sentence for the user
   * @param retryAfterMs for {@code rate_limited}: how long until the command would be taken
   */
  @JsonTypeName("error")
  record Refusal(String code, String message, @MayBeMissing Long retryAfterMs)
      implements SessionEvent {
    public static Refusal of(String code, String message) {
      return new Refusal(code, message, null);
    }

    public static Refusal rateLimited(String message, long retryAfterMs) {
      return new Refusal("rate_limited", message, retryAfterMs);
    }

    public Optional<Long> retryAfter() {
      return Optional.ofNullable(retryAfterMs);
    }
  }
}
