package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** What moderation changed. */
public sealed interface ModerationEvent extends ControlEvent {
  /**
   * @param by the participant id of the interviewer who changed it
   */
  @JsonTypeName("lock_changed")
  record LockChanged(boolean candidateLocked, String by) implements ModerationEvent {}

  /** The interview ended; every socket then closes with 4410. */
  @JsonTypeName("room_ended")
  record RoomEnded() implements ModerationEvent {}
}
