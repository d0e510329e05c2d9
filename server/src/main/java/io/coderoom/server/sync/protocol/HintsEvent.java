package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The problem's hints. */
public sealed interface HintsEvent extends ControlEvent {
  /**
   * A hint was revealed to everyone.
   *
   * @param total how many hints the problem has
   * @param by the participant id of the interviewer who revealed it
   * @param next the next hint's text, for those who may reveal it (left out for everyone else, and
   *     when none is left)
   */
  @JsonTypeName("hint_revealed")
  record HintRevealed(
      String problemId, RevealedHint hint, int total, String by, @MayBeMissing String next)
      implements HintsEvent {}

  /** The room's problem changed: its hints as they stand. */
  @JsonTypeName("hints")
  record HintsChanged(HintsState hints) implements HintsEvent {}
}
