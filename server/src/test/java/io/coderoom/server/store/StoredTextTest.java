package io.coderoom.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredTextTest {
  @Test
  void nulAndUnpairedSurrogatesBecomeTheReplacementCharacter() {
    assertThat(StoredText.storable("a\u0000b")).isEqualTo("a\uFFFDb");
    assertThat(StoredText.storable("\u0000\u0000")).isEqualTo("\uFFFD\uFFFD");
    assertThat(StoredText.storable("x\uD800y")).isEqualTo("x\uFFFDy");
    assertThat(StoredText.storable("x\uDC00")).isEqualTo("x\uFFFD");
    assertThat(StoredText.storable("\uDC00\uD800")).isEqualTo("\uFFFD\uFFFD");
    assertThat(StoredText.isStorable("a\u0000b")).isFalse();
  }

  @Test
  void storableTextIsReturnedAsItIs() {
    String text = "tab\tnew line\n escape \u001b[31m emoji \uD83D\uDE00 é";
    assertThat(StoredText.storable(text)).isSameAs(text);
    assertThat(StoredText.isStorable(text)).isTrue();
  }

  @Test
  void jsonForJsonbNeverCarriesTheNulEscape() {
    String json = StoredText.json(Map.of("na\u0000me", "a\u0000b", "ok", "\u0001"));
    assertThat(json)
        .doesNotContain("\\u0000")
        .contains("\"na\\uFFFDme\"")
        .contains("\"a\\uFFFDb\"")
        .contains("\"\\u0001\"");
    assertThat(StoredText.jsonText("{\"actual\":\"x\\u0000y\",\"n\":[1,2]}"))
        .isEqualTo("{\"actual\":\"x\\uFFFDy\",\"n\":[1,2]}");
  }
}
