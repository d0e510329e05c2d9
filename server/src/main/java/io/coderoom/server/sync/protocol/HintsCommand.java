package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.OptionalInt;

/** Interviewers revealing the problem's hints to the room (see {@link HintsEvent}). */
public sealed interface HintsCommand extends ControlCommand {
  @Override
  default Permission permission() {
    return Permission.REVEAL_HINTS;
  }

  @Override
  default String forbidden() {
    return "Only an interviewer may reveal a hint.";
  }

  /**
   * Reveals the problem's next hint to everyone.
   *
   * @param index the hint (0-based) the sender saw as next; when another interviewer revealed it
   *     meanwhile, nothing more is revealed
   */
  @JsonTypeName("reveal_hint")
  record RevealHint(@MayBeMissing Integer index) implements HintsCommand {
    public OptionalInt wanted() {
      return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }
  }
}
