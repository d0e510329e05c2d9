package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Interviewers steering the room: the editing lock, removing someone, ending the interview. */
public sealed interface ModerationCommand extends ControlCommand {
  @Override
  default Permission permission() {
    return Permission.MODERATE;
  }

  /** Candidates' document writes are refused while locked. */
  @JsonTypeName("lock")
  record Lock() implements ModerationCommand {}

  @JsonTypeName("unlock")
  record Unlock() implements ModerationCommand {}

  /** Closes every socket of the participant's link and revokes the link. */
  @JsonTypeName("kick")
  record Kick(String participantId) implements ModerationCommand {}

  /** Ends the interview for everyone. */
  @JsonTypeName("end")
  record End() implements ModerationCommand {}
}
