package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deleting and collecting very deep type trees must not overflow the call stack. */
class DeepNestingTest {
  private static final int DEPTH = 30_000;

  @Test
  void deepTreesDeleteAndCollectIteratively() throws Exception {
    Doc a = Doc.builder().clientId(1).build();
    a.transact(
        tr -> {
          YMap parent = a.getMap("root");
          for (int i = 0; i < DEPTH; i++) {
            YMap child = new YMap();
            parent.set("c", child);
            parent = child;
          }
          parent.set("leaf", "x");
        });
    byte[] state = a.encodeStateAsUpdate();
    Doc b = Doc.builder().clientId(2).build();
    b.applyUpdate(state);
    assertThat(b.stateVector()).containsEntry(1L, (long) DEPTH + 1);
    a.getMap("root").delete("c");
    b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
    assertThat(b.getMap("root").size()).isZero();
    // everything below the deleted entry became GC structs: far smaller than the original
    assertThat(b.encodeStateAsUpdate().length).isLessThan(state.length / 10);
    assertThat(b.encodeStateAsUpdate()).isEqualTo(a.encodeStateAsUpdate());
  }
}
