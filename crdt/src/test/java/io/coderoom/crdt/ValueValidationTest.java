package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueValidationTest {
  @Test
  void unsupportedValuesAreRejectedBeforeAnythingChanges() {
    Doc d = Doc.builder().clientId(1).build();
    YArray a = d.getArray("a");
    byte[] before = d.encodeStateAsUpdate();
    assertThatThrownBy(() -> a.insert(0, List.of(1, new Object())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.getMap("m").set("k", List.of(Map.of("x", new StringBuilder()))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.getText("t").insertEmbed(0, BigInteger.ONE, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.encodeStateAsUpdate()).isEqualTo(before);
  }

  @Test
  void aSharedTypeCanBeInsertedOnce() {
    Doc d = Doc.builder().clientId(1).build();
    YMap inner = new YMap();
    d.getArray("a").push(List.of(inner));
    assertThatThrownBy(() -> d.getMap("m").set("again", inner))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.getArray("a").push(List.of(d.getText("root"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.getArray("a").length()).isEqualTo(1);
  }

  @Test
  void indexesOutsideTheContentThrow() {
    Doc d = Doc.builder().clientId(1).build();
    Text t = d.getText("t");
    t.insert(0, "abc");
    assertThatThrownBy(() -> t.insert(4, "x")).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> t.delete(2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> d.getArray("a").get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(t.toString()).isEqualTo("abc");
  }

  @Test
  void rootNamesKeepTheirKind() {
    Doc d = new Doc();
    d.getText("x");
    assertThatThrownBy(() -> d.getMap("x")).isInstanceOf(IllegalStateException.class);
    assertThat(d.getText("x")).isSameAs(d.getText("x"));
  }
}
