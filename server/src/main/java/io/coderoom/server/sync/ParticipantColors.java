package io.coderoom.server.sync;

import java.util.Collection;
import java.util.List;

/**
 * The colours participants are told apart by: one of {@link #PALETTE} per participant (a link, all
 * its tabs), chosen by the server when they join so their chip in the participant list and the
 * cursors of every one of their tabs show the same colour. The hex values are those the web client
 * styles cursors with, so its awareness {@code user.color} format stays as it was.
 */
final class ParticipantColors {
  /** The palette, by index; {@code color} on a participant is an index into it. */
  static final List<String> PALETTE =
      List.of(
          "#f0883e", "#3fb950", "#58a6ff", "#d2a8ff", "#ff7b72", "#e3b341", "#39c5cf", "#f778ba");

  private ParticipantColors() {}

  /**
   * The colour for someone joining: the first one nobody present has; when all are taken, the first
   * of those the fewest present participants have.
   *
   * @param present the colours of the participants in the room now
   */
  static int pick(Collection<Integer> present) {
    int[] uses = new int[PALETTE.size()];
    for (int color : present) {
      uses[color]++;
    }
    int best = 0;
    for (int color = 1; color < uses.length; color++) {
      if (uses[color] < uses[best]) {
        best = color;
      }
    }
    return best;
  }

  /** The colour as the awareness {@code user.color} carries it. */
  static String hex(int color) {
    return PALETTE.get(color);
  }
}
