package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.crdt.compat.ReferenceYjs;
import io.coderoom.crdt.encoding.Lib0Writer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BadInputTest {
  private static byte[] sample() {
    Doc d = Doc.builder().clientId(5).build();
    d.getText("t").insert(0, "hello 😀 world", Map.of());
    d.getText("t").format(1, 3, Map.of("bold", true));
    d.getMap("m").set("k", List.of(1, "x", Map.of("a", 2.5)));
    d.getArray("a").push(List.of(new byte[] {9}, new YMap()));
    d.getText("t").delete(2, 4);
    return d.encodeStateAsUpdate();
  }

  /**
   * Applies a bad update to a document holding other text. Refused, the document is as it was;
   * accepted, it is what Yjs makes of the same two updates.
   *
   * @return whether the update was accepted
   */
  private static boolean assertRefusedAtomicallyOrAppliedAsYjsDoes(String where, byte[] update) {
    Doc d = Doc.builder().clientId(1).build();
    d.getText("t").insert(0, "keep me");
    byte[] before = d.encodeStateAsUpdate();
    try {
      d.applyUpdate(update);
    } catch (UpdateException e) {
      assertThat(d.encodeStateAsUpdate()).as(where).isEqualTo(before);
      assertThat(e.getMessage()).as(where).isNotBlank();
      return false;
    }
    ReferenceYjs.assertSameState(where, 1, true, List.of(before, update), d.encodeStateAsUpdate());
    return true;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void everyTruncationIsRejectedOrHarmless() {
    byte[] update = sample();
    for (int len = 0; len < update.length; len++) {
      byte[] cut = Arrays.copyOf(update, len);
      assertRefusedAtomicallyOrAppliedAsYjsDoes("cut to " + len + ": " + hex(cut), cut);
      Doc d = new Doc();
      assertThatThrownBy(() -> d.applyUpdate(cut)).isInstanceOf(UpdateException.class);
    }
  }

  @Test
  void randomCorruptionNeverEscapesAsAnotherException() {
    byte[] update = sample();
    Random rnd = new Random(42);
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] bad = update.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int f = 0; f < flips; f++) {
        bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
      }
      String where = "corruption " + i + ": " + hex(bad);
      if (assertRefusedAtomicallyOrAppliedAsYjsDoes(where, bad)) {
        accepted++;
      }
      try {
        Updates.merge(List.of(bad, update));
        Updates.stateVectorFromUpdate(bad);
      } catch (UpdateException expected) {
        // fine
      }
    }
    System.out.printf("BadInputTest: %d of 3000 corrupt updates accepted%n", accepted);
  }

  /** An update of no structs and this delete set: {@code client, clock, len} triples. */
  private static byte[] deletes(long[]... ranges) {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(0); // no structs
    w.writeVarUint(ranges.length); // one delete set entry per range, each naming its client
    for (long[] r : ranges) {
      w.writeVarUint(r[0]);
      w.writeVarUint(1);
      w.writeVarUint(r[1]);
      w.writeVarUint(r[2]);
    }
    return w.toByteArray();
  }

  @Test
  void deleteSetsYjsCannotKeepPendingAreRefused() {
    // Deletes of structs not seen yet wait in the document. Yjs throws on an empty range there
    // (after applying the rest), and stores overlapping or unordered ranges shifted.
    byte[] empty = deletes(new long[] {9, 5, 0});
    assertThat(ReferenceYjs.stateAfter(1, true, List.of(empty))).isEmpty();
    byte[] overlapping = deletes(new long[] {9, 0, 4}, new long[] {9, 2, 4});
    byte[] unordered = deletes(new long[] {9, 10, 2}, new long[] {9, 2, 2});
    for (byte[] update : List.of(empty, overlapping, unordered)) {
      Doc d = new Doc();
      assertThatThrownBy(() -> d.applyUpdate(update))
          .as(hex(update))
          .isInstanceOf(UpdateException.class)
          .hasMessageContaining("client 9");
      assertThat(d.hasPending()).isFalse();
    }
    // What Yjs writes, ranges in order and a client repeated with later ones, waits as in Yjs.
    byte[] ordered = deletes(new long[] {9, 0, 2}, new long[] {9, 2, 3}, new long[] {9, 8, 1});
    Doc d = Doc.builder().clientId(1).build();
    assertThatCode(() -> d.applyUpdate(ordered)).doesNotThrowAnyException();
    assertThat(d.hasPending()).isTrue();
    ReferenceYjs.assertSameState("ordered", 1, true, List.of(ordered), d.encodeStateAsUpdate());
  }

  @Test
  void unknownContentRefIsRejected() {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(1); // one client
    w.writeVarUint(1); // one struct
    w.writeVarUint(3); // client
    w.writeVarUint(0); // clock
    w.writeUint8(11); // content ref 11 does not exist
    w.writeVarUint(1); // parent is a root type
    w.writeVarString("t");
    w.writeVarUint(0);
    assertThatThrownBy(() -> new Doc().applyUpdate(w.toByteArray()))
        .isInstanceOf(UpdateException.class)
        .hasMessageContaining("content ref");
  }

  @Test
  void hugeLengthsAreRejectedWithoutAllocation() {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(1);
    w.writeVarUint(1);
    w.writeVarUint(3);
    w.writeVarUint(0);
    w.writeUint8(4); // string content, parent info follows
    w.writeVarUint(1);
    w.writeVarString("t");
    w.writeVarUint(1L << 40); // string length far beyond the input
    assertThatThrownBy(() -> new Doc().applyUpdate(w.toByteArray()))
        .isInstanceOf(UpdateException.class);

    Lib0Writer many = new Lib0Writer();
    many.writeVarUint(1L << 50); // absurd number of clients
    assertThatThrownBy(() -> new Doc().applyUpdate(many.toByteArray()))
        .isInstanceOf(UpdateException.class);
  }

  @Test
  void selfReferencingItemIsRejected() {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(1);
    w.writeVarUint(1);
    w.writeVarUint(3);
    w.writeVarUint(0);
    w.writeUint8(0x80 | 4); // origin + string
    w.writeVarUint(3);
    w.writeVarUint(5); // origin 3:5 is in the item's own future
    w.writeVarString("x");
    w.writeVarUint(0);
    assertThatThrownBy(() -> new Doc().applyUpdate(w.toByteArray()))
        .isInstanceOf(UpdateException.class);
  }

  @Test
  void unknownParentWaitsInPending() throws Exception {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(1);
    w.writeVarUint(1);
    w.writeVarUint(3);
    w.writeVarUint(0);
    w.writeUint8(4); // string, no origins: parent info follows
    w.writeVarUint(0); // parent is an item id
    w.writeVarUint(9);
    w.writeVarUint(100); // item 9:100 that we have never seen
    w.writeVarString("x");
    w.writeVarUint(0);
    Doc d = new Doc();
    d.applyUpdate(w.toByteArray());
    assertThat(d.hasPending()).isTrue();
    assertThat(d.stateVector()).isEmpty();
  }

  @Test
  void malformedStateVectorIsRejected() {
    Doc d = new Doc();
    assertThatThrownBy(() -> d.encodeStateAsUpdate(new byte[] {5, 1}))
        .isInstanceOf(UpdateException.class);
    assertThatThrownBy(() -> Updates.decodeStateVector(new byte[] {(byte) 0x80}))
        .isInstanceOf(UpdateException.class);
  }
}
