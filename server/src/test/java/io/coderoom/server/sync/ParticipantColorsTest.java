package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipantColorsTest {
  @Test
  void eachNewcomerGetsAColourNobodyPresentHas() {
    List<Integer> present = new ArrayList<>();
    for (int i = 0; i < ParticipantColors.PALETTE.size(); i++) {
      int color = ParticipantColors.pick(present);
      assertThat(present).doesNotContain(color);
      present.add(color);
    }
    assertThat(present).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aColourFreedBySomeoneWhoLeftIsTakenFirst() {
    assertThat(ParticipantColors.pick(List.of(0, 1, 3, 4))).isEqualTo(2);
  }

  @Test
  void pastEightTheLeastSharedColourIsReused() {
    assertThat(ParticipantColors.pick(List.of(0, 1, 2, 3, 4, 5, 6, 7))).isZero();
    assertThat(ParticipantColors.pick(List.of(0, 1, 2, 3, 4, 5, 6, 7, 0, 1))).isEqualTo(2);
  }

  @Test
  void theHexValuesAreThoseTheWebClientStylesCursorsWith() {
    assertThat(ParticipantColors.PALETTE)
        .containsExactly(
            "#f0883e", "#3fb950", "#58a6ff", "#d2a8ff", "#ff7b72", "#e3b341", "#39c5cf", "#f778ba");
    assertThat(ParticipantColors.hex(6)).isEqualTo("#39c5cf");
  }
}
