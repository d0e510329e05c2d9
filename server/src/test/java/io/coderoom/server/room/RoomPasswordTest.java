package io.coderoom.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Room passwords are kept as salted PBKDF2 hashes and checked against them. */
class RoomPasswordTest {
  @Test
  void theRightPasswordMatchesAndNothingElseDoes() {
    String stored = RoomPassword.hash("correct horse");
    assertThat(stored).startsWith("pbkdf2-sha256$210000$").doesNotContain("correct horse");
    assertThat(RoomPassword.matches("correct horse", stored)).isTrue();
    assertThat(RoomPassword.matches("correct horse ", stored)).isFalse();
    assertThat(RoomPassword.matches("", stored)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(RoomPassword.hash("same")).isNotEqualTo(RoomPassword.hash("same"));
  }

  @Test
  void aStoredFormItDidNotWriteMatchesNothing() {
    assertThat(RoomPassword.matches("x", "x")).isFalse();
    assertThat(RoomPassword.matches("x", "md5$1$AA$AA")).isFalse();
    assertThat(RoomPassword.matches("x", "pbkdf2-sha256$12$not base64!$AA")).isFalse();
  }
}
