package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdatesTest {
  @Test
  void mergedUpdatesApplyLikeTheParts() throws Exception {
    Doc a = Doc.builder().clientId(1).build();
    List<byte[]> updates = new ArrayList<>();
    a.onUpdate((u, o, t) -> updates.add(u));
    a.getText("t").insert(0, "abc");
    a.getText("t").insert(1, "XY");
    a.getMap("m").set("k", "v");
    a.getText("t").delete(0, 2);
    byte[] merged = Updates.merge(updates);
    Doc b = new Doc();
    b.applyUpdate(merged);
    assertThat(b.getText("t").toString()).isEqualTo(a.getText("t").toString());
    assertThat(b.getMap("m").toJson()).isEqualTo(Map.of("k", "v"));
    assertThat(Updates.stateVectorFromUpdate(merged)).isEqualTo(a.encodeStateVector());
    assertThat(Updates.merge(List.of(merged))).isSameAs(merged);
  }

  @Test
  void mergingOutOfOrderUpdatesLeavesSkips() throws Exception {
    Doc a = Doc.builder().clientId(1).build();
    List<byte[]> updates = new ArrayList<>();
    a.onUpdate((u, o, t) -> updates.add(u));
    a.getText("t").insert(0, "one ");
    a.getText("t").insert(4, "two ");
    a.getText("t").insert(8, "three");
    byte[] gap = Updates.merge(List.of(updates.get(0), updates.get(2)));
    // a gap starting after clock 4: the state vector stops counting at the skip
    assertThat(Updates.decodeStateVector(Updates.stateVectorFromUpdate(gap)))
        .isEqualTo(Map.of(1L, 4L));
    Doc b = new Doc();
    b.applyUpdate(gap);
    assertThat(b.getText("t").toString()).isEqualTo("one ");
    b.applyUpdate(updates.get(1));
    assertThat(b.getText("t").toString()).isEqualTo("one two three");
  }

  @Test
  void diffAgainstStateVector() throws Exception {
    Doc a = Doc.builder().clientId(1).build();
    a.getText("t").insert(0, "hello");
    byte[] sv = a.encodeStateVector();
    byte[] first = a.encodeStateAsUpdate();
    a.getText("t").insert(5, " world");
    byte[] full = a.encodeStateAsUpdate();
    byte[] diff = Updates.diff(full, sv);
    assertThat(diff).isEqualTo(a.encodeStateAsUpdate(sv));
    Doc b = new Doc();
    b.applyUpdate(first);
    b.applyUpdate(diff);
    assertThat(b.getText("t").toString()).isEqualTo("hello world");
  }

  @Test
  void stateVectorRoundTrip() throws Exception {
    Map<Long, Long> sv = Map.of(1L, 5L, 4294967295L, 1L << 40);
    assertThat(Updates.decodeStateVector(Updates.encodeStateVector(sv))).isEqualTo(sv);
  }
}
