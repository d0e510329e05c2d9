package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Who comes and goes. */
public sealed interface PresenceEvent extends ControlEvent {
  /** A link's first socket (of any kind) opened. */
  @JsonTypeName("participant_joined")
  record ParticipantJoined(WireParticipant participant) implements PresenceEvent {}

  /** A link's last socket closed. */
  @JsonTypeName("participant_left")
  record ParticipantLeft(String participantId) implements PresenceEvent {}
}
