package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.room.Principal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayNameTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void theLinksNameComesFirstThenTheRequestedOneThenTheRole() {
    assertThat(DisplayName.of(link("Ada Lovelace"), Optional.of("CEO"))).isEqualTo("Ada Lovelace");
    assertThat(DisplayName.of(link(""), Optional.of("Grace"))).isEqualTo("Grace");
    assertThat(DisplayName.of(link(""), Optional.of(" \u0000\u200b "))).isEqualTo("Candidate");
    assertThat(DisplayName.of(link(""), Optional.empty())).isEqualTo("Candidate");
    assertThat(DisplayName.of(Principal.apiKey(), Optional.empty())).isEqualTo("Interviewer");
  }

  @Test
  void requestedNamesLoseControlAndFormatCharactersAndAreCapped() {
    assertThat(DisplayName.clean("  Ada\u0000\u001b[31m\tLovelace\n "))
        .isEqualTo("Ada[31m Lovelace");
    // Right-to-left overrides and zero-width characters could disguise a name.
    assertThat(DisplayName.clean("\u202eevil\u202c\u200bname")).isEqualTo("evilname");
    assertThat(DisplayName.clean("lone \ud800 surrogate")).isEqualTo("lone  surrogate");
    String emoji = "🙂".repeat(DisplayName.MAX_LENGTH + 5);
    String capped = DisplayName.clean(emoji);
    assertThat(capped.codePointCount(0, capped.length())).isEqualTo(DisplayName.MAX_LENGTH);
    assertThat(capped).isEqualTo("🙂".repeat(DisplayName.MAX_LENGTH));
  }

  private static Principal link(String name) {
    return Principal.of(
        new RoomToken("t1", "r1", Role.CANDIDATE, name, NOW, NOW.plusSeconds(3600)));
  }
}
