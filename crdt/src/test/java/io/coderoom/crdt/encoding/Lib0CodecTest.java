package io.coderoom.crdt.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Lib0CodecTest {
  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] any(Object v) {
    Lib0Writer w = new Lib0Writer();
    w.writeAny(v);
    return w.toByteArray();
  }

  @Test
  void varUintMatchesLib0() {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(0);
    w.writeVarUint(127);
    w.writeVarUint(128);
    w.writeVarUint(300);
    w.writeVarUint(Lib0Reader.MAX_SAFE_INTEGER);
    Lib0Reader r = new Lib0Reader(w.toByteArray());
    assertThat(w.toByteArray()).startsWith(bytes(0, 127, 0x80, 1, 0xAC, 2));
    assertThat(r.readVarUint()).isZero();
    assertThat(r.readVarUint()).isEqualTo(127);
    assertThat(r.readVarUint()).isEqualTo(128);
    assertThat(r.readVarUint()).isEqualTo(300);
    assertThat(r.readVarUint()).isEqualTo(Lib0Reader.MAX_SAFE_INTEGER);
    assertThat(r.hasContent()).isFalse();
  }

  @Test
  void varIntKeepsNegativeZero() {
    Lib0Writer w = new Lib0Writer();
    w.writeVarInt(-0.0d);
    w.writeVarInt(-1);
    w.writeVarInt(64);
    assertThat(w.toByteArray()).isEqualTo(bytes(0x40, 0x41, 0x80, 0x01));
    Lib0Reader r = new Lib0Reader(w.toByteArray());
    assertThat(r.readVarIntNumber()).isEqualTo(-0.0d);
    assertThat(r.readVarInt()).isEqualTo(-1);
    assertThat(r.readVarInt()).isEqualTo(64);
  }

  @Test
  void varUintBeyondSafeIntegerIsRejected() {
    byte[] huge = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
    assertThatThrownBy(() -> new Lib0Reader(huge).readVarUint()).isInstanceOf(Lib0Exception.class);
    byte[] endless = new byte[100];
    java.util.Arrays.fill(endless, (byte) 0x80);
    assertThatThrownBy(() -> new Lib0Reader(endless).readVarUint())
        .isInstanceOf(Lib0Exception.class);
  }

  @Test
  void stringsUseTextEncoderSemantics() {
    Lib0Writer w = new Lib0Writer();
    w.writeVarString("a\uD83D"); // lone high surrogate
    assertThat(w.toByteArray()).isEqualTo(bytes(4, 'a', 0xEF, 0xBF, 0xBD));
    w = new Lib0Writer();
    w.writeVarString("é😀");
    assertThat(new Lib0Reader(w.toByteArray()).readVarString()).isEqualTo("é😀");
    assertThat(w.toByteArray()).isEqualTo(bytes(6, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80));
  }

  @Test
  void invalidUtf8IsRejected() {
    assertThatThrownBy(() -> new Lib0Reader(bytes(2, 0xC3, 0x28)).readVarString())
        .isInstanceOf(Lib0Exception.class);
    assertThatThrownBy(() -> new Lib0Reader(bytes(3, 0xED, 0xA0, 0x80)).readVarString())
        .isInstanceOf(Lib0Exception.class);
  }

  @Test
  void writeAnyChoosesNumberTagsLikeLib0() {
    assertThat(any(1)).isEqualTo(bytes(125, 1));
    assertThat(any(-1L)).isEqualTo(bytes(125, 0x41));
    assertThat(any(2.0d)).isEqualTo(bytes(125, 2));
    assertThat(any(-0.0d)).isEqualTo(bytes(125, 0x40));
    assertThat(any(0.5d)[0]).isEqualTo((byte) 124);
    assertThat(any(0.1d)[0]).isEqualTo((byte) 123);
    assertThat(any(Double.NaN)[0]).isEqualTo((byte) 123);
    assertThat(any(Integer.MIN_VALUE)[0]).isEqualTo((byte) 124); // |v| > 2^31-1
    assertThat(any(Integer.MAX_VALUE)[0]).isEqualTo((byte) 125);
    assertThat(any(1L << 40)[0]).isEqualTo((byte) 124);
    assertThat(any((1L << 53) - 1)[0]).isEqualTo((byte) 123);
    assertThat(any(BigInteger.valueOf(-5)))
        .isEqualTo(bytes(122, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFB));
  }

  @Test
  void writeAnyOrdersKeysLikeJavaScript() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", true);
    m.put("10", null);
    m.put("2", false);
    assertThat(any(m)).isEqualTo(bytes(118, 3, 1, '2', 121, 2, '1', '0', 126, 1, 'b', 120));
  }

  @Test
  void readAnyRoundTripsEveryTag() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "x");
    m.put("l", List.of(1, 2.5f, 0.1d, true, false));
    m.put("n", null);
    m.put("u", Lib0Any.UNDEFINED);
    m.put("big", BigInteger.TEN);
    m.put("bin", new byte[] {1, 2});
    Object back = new Lib0Reader(any(m)).readAny();
    assertThat(back).isInstanceOf(Map.class);
    Map<?, ?> b = (Map<?, ?>) back;
    assertThat(b.get("s")).isEqualTo("x");
    assertThat(b.get("l")).isEqualTo(List.of(1, 2.5f, 0.1d, true, false));
    assertThat(b.get("n")).isNull();
    assertThat(b.get("u")).isSameAs(Lib0Any.UNDEFINED);
    assertThat(b.get("big")).isEqualTo(BigInteger.TEN);
    assertThat((byte[]) b.get("bin")).isEqualTo(new byte[] {1, 2});
    assertThat(any(back)).isEqualTo(any(m));
  }

  @Test
  void absurdLengthsFailWithoutAllocating() {
    // array claiming 2^40 elements in a 7-byte input
    assertThatThrownBy(
            () -> new Lib0Reader(bytes(117, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20)).readAny())
        .isInstanceOf(Lib0Exception.class);
    assertThatThrownBy(() -> new Lib0Reader(bytes(0xFF, 0xFF, 0x03, 1)).readVarUint8Array())
        .isInstanceOf(Lib0Exception.class);
    assertThatThrownBy(() -> new Lib0Reader(bytes(100)).readAny())
        .isInstanceOf(Lib0Exception.class);
  }

  @Test
  void deepNestingIsBounded() {
    byte[] deep = new byte[5000];
    for (int i = 0; i < deep.length; i += 2) {
      deep[i] = 117;
      deep[i + 1] = 1;
    }
    assertThatThrownBy(() -> new Lib0Reader(deep).readAny()).isInstanceOf(Lib0Exception.class);
  }
}
