package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocTest {
  static Doc doc(long client) {
    return Doc.builder().clientId(client).build();
  }

  static void sync(Doc a, Doc b) throws UpdateException {
    a.applyUpdate(b.encodeStateAsUpdate(a.encodeStateVector()));
    b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
  }

  @Test
  void concurrentInsertsConverge() throws Exception {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getText("t").insert(0, "hello");
    sync(a, b);
    a.getText("t").insert(5, " world");
    b.getText("t").insert(0, ">> ");
    b.getText("t").insert(8, "!");
    sync(a, b);
    assertThat(a.getText("t").toString()).isEqualTo(b.getText("t").toString());
    assertThat(a.getText("t").toString())
        .isEqualTo(">> hello world!"); // same origin: lower client id first
  }

  @Test
  void concurrentInsertsAtSamePositionOrderByClientId() throws Exception {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getText("t").insert(0, "A");
    b.getText("t").insert(0, "B");
    sync(a, b);
    // same origins: the lower client id goes first (YATA)
    assertThat(a.getText("t").toString()).isEqualTo("AB");
    assertThat(b.getText("t").toString()).isEqualTo("AB");
  }

  @Test
  void mapConcurrentSetHigherClientWins() throws Exception {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getMap("m").set("k", "from-a");
    b.getMap("m").set("k", "from-b");
    sync(a, b);
    assertThat(a.getMap("m").get("k")).isEqualTo("from-b");
    assertThat(b.getMap("m").get("k")).isEqualTo("from-b");
    a.getMap("m").set("k", 3);
    sync(a, b);
    assertThat(b.getMap("m").get("k")).isEqualTo(3);
    assertThat(b.getMap("m").keys()).containsExactly("k");
  }

  @Test
  void typingInARowMergesIntoOneItem() {
    Doc a = doc(7);
    Text t = a.getText("t");
    for (char c : "typing".toCharArray()) {
      t.insert(t.length(), String.valueOf(c));
    }
    Doc b = doc(7);
    b.getText("t").insert(0, "typing");
    assertThat(a.encodeStateAsUpdate()).isEqualTo(b.encodeStateAsUpdate());
  }

  @Test
  void splittingASurrogatePairReplacesBothHalves() {
    Doc a = doc(1);
    Text t = a.getText("t");
    t.insert(0, "a😀b");
    t.insert(2, "X");
    assertThat(t.toString()).isEqualTo("a\uFFFDX\uFFFDb");
    assertThat(t.length()).isEqualTo(5);
  }

  @Test
  void garbageCollectionReplacesDeletedContent() throws Exception {
    Doc gc = doc(1);
    Doc noGc = Doc.builder().clientId(1).gc(false).build();
    for (Doc d : List.of(gc, noGc)) {
      d.getText("t").insert(0, "hello wonderful world");
      d.getText("t").delete(5, 10);
    }
    byte[] collected = gc.encodeStateAsUpdate();
    byte[] kept = noGc.encodeStateAsUpdate();
    assertThat(collected.length).isLessThan(kept.length);
    Doc c = doc(3);
    c.applyUpdate(collected);
    assertThat(c.getText("t").toString()).isEqualTo("hello world");
    Doc k = doc(4);
    k.applyUpdate(kept);
    assertThat(k.getText("t").toString()).isEqualTo("hello world");
  }

  @Test
  void deletedNestedTypeIsCollectedToGcStructs() throws Exception {
    Doc a = doc(1);
    YMap inner = new YMap();
    inner.set("x", 1);
    a.getMap("m").set("inner", inner);
    assertThat(((YMap) a.getMap("m").get("inner")).get("x")).isEqualTo(1);
    a.getMap("m").delete("inner");
    Doc b = doc(2);
    b.applyUpdate(a.encodeStateAsUpdate());
    assertThat(b.getMap("m").toJson()).isEmpty();
    assertThat(b.stateVector()).containsEntry(1L, a.stateVector().get(1L));
  }

  @Test
  void outOfOrderUpdatesWaitInPending() throws Exception {
    Doc a = doc(1);
    List<byte[]> updates = new ArrayList<>();
    a.onUpdate((u, origin, tr) -> updates.add(u));
    a.getText("t").insert(0, "abc");
    a.getText("t").insert(3, "def");
    a.getText("t").delete(1, 2);
    assertThat(updates).hasSize(3);
    Doc b = doc(2);
    b.applyUpdate(updates.get(2));
    b.applyUpdate(updates.get(1));
    assertThat(b.getText("t").toString()).isEmpty();
    assertThat(b.hasPending()).isTrue();
    assertThat(b.pendingBytes()).isPositive();
    // the pending structs and delete set are part of the encoded state, like Yjs
    Doc c = doc(3);
    c.applyUpdate(b.encodeStateAsUpdate());
    b.applyUpdate(updates.get(0));
    assertThat(b.hasPending()).isFalse();
    assertThat(b.pendingBytes()).isZero();
    assertThat(b.getText("t").toString()).isEqualTo("adef");
    c.applyUpdate(updates.get(0));
    assertThat(c.getText("t").toString()).isEqualTo("adef");
  }

  @Test
  void observersSeeDeltas() {
    Doc a = doc(1);
    Text t = a.getText("t");
    t.insert(0, "hello");
    List<List<Delta>> seen = new ArrayList<>();
    Subscription s = t.observe(e -> seen.add(e.delta()));
    a.transact(
        tr -> {
          t.insert(5, "!");
          t.delete(0, 1);
        });
    assertThat(seen)
        .containsExactly(List.of(Delta.delete(1), Delta.retain(4, null), Delta.insert("!", null)));
    s.close();
    t.insert(0, "x");
    assertThat(seen).hasSize(1);

    YArray arr = a.getArray("a");
    List<List<Delta>> arrSeen = new ArrayList<>();
    arr.observe(e -> arrSeen.add(e.delta()));
    arr.insert(0, List.of(1, "two", Map.of("k", true)));
    arr.delete(0, 1);
    assertThat(arrSeen.get(0))
        .containsExactly(Delta.insert(List.of(1, "two", Map.of("k", true)), null));
    assertThat(arrSeen.get(1)).containsExactly(Delta.delete(1));

    YMap map = a.getMap("m");
    List<java.util.Set<String>> keys = new ArrayList<>();
    map.observe(e -> keys.add(e.keysChanged()));
    a.transact(
        tr -> {
          map.set("a", 1);
          map.set("b", 2);
        });
    assertThat(keys).containsExactly(java.util.Set.of("a", "b"));
  }

  @Test
  void mapEventsReportActionsAndOldValues() {
    Doc a = doc(1);
    YMap map = a.getMap("m");
    List<Map<String, KeyChange>> seen = new ArrayList<>();
    map.observe(e -> seen.add(e.keys()));
    map.set("a", 1);
    map.set("a", 2);
    map.delete("a");
    a.transact(
        tr -> {
          map.set("b", 1);
          map.delete("b");
        });
    assertThat(seen)
        .containsExactly(
            Map.of("a", new KeyChange(KeyChange.Action.ADD, null)),
            Map.of("a", new KeyChange(KeyChange.Action.UPDATE, 1)),
            Map.of("a", new KeyChange(KeyChange.Action.DELETE, 2)),
            Map.of());
  }

  @Test
  void formattedTextDelta() {
    Doc a = doc(1);
    Text t = a.getText("t");
    t.insert(0, "bold plain", Map.of());
    t.format(0, 4, Map.of("bold", true));
    assertThat(t.toDelta())
        .containsExactly(Delta.insert("bold", Map.of("bold", true)), Delta.insert(" plain", null));
    t.insert(4, "er");
    assertThat(t.toString()).isEqualTo("bolder plain");
    assertThat(t.toDelta().get(0)).isEqualTo(Delta.insert("bolder", Map.of("bold", true)));
  }

  @Test
  void nestedTypesAndValues() throws Exception {
    Doc a = doc(1);
    YArray arr = new YArray();
    arr.push(List.of("x", new byte[] {1, 2, 3}));
    Text txt = new Text("nested");
    a.getMap("m").set("arr", arr);
    a.getMap("m").set("txt", txt);
    a.getMap("m").set("num", 1.5);
    Doc b = doc(2);
    b.applyUpdate(a.encodeStateAsUpdate());
    YArray arr2 = (YArray) b.getMap("m").get("arr");
    assertThat(arr2.get(0)).isEqualTo("x");
    assertThat((byte[]) arr2.get(1)).containsExactly(1, 2, 3);
    assertThat(b.getMap("m").get("txt").toString()).isEqualTo("nested");
    assertThat(b.getMap("m").get("num")).isEqualTo(1.5f);
    assertThat(b.encodeStateAsUpdate()).isEqualTo(a.encodeStateAsUpdate());
  }

  @Test
  void aThrowingListenerDoesNotStarveTheOthers() {
    Doc a = doc(1);
    List<byte[]> got = new ArrayList<>();
    a.onUpdate(
        (u, o, t) -> {
          throw new IllegalStateException("boom");
        });
    a.onUpdate((u, o, t) -> got.add(u));
    a.getText("t")
        .observe(
            e -> {
              throw new IllegalArgumentException("observer");
            });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.getText("t").insert(0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(got).hasSize(1);
    assertThat(a.getText("t").toString()).isEqualTo("x");
    // the document keeps working
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.getText("t").insert(1, "y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(got).hasSize(2);
    assertThat(a.getText("t").toString()).isEqualTo("xy");
  }

  @Test
  void updateEventCarriesOrigin() throws Exception {
    Doc a = doc(1);
    List<Object> origins = new ArrayList<>();
    a.onUpdate((u, origin, tr) -> origins.add(origin));
    a.transact(tr -> a.getText("t").insert(0, "x"), "me");
    Doc b = doc(2);
    b.getText("t").insert(0, "y");
    a.applyUpdate(b.encodeStateAsUpdate(), "remote");
    a.applyUpdate(b.encodeStateAsUpdate(), "again"); // nothing new: no event
    assertThat(origins).containsExactly("me", "remote");
  }
}
