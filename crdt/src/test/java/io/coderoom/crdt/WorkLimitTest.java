package io.coderoom.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.crdt.encoding.Lib0Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Updates applied with a work limit: crafted ones that would take Yjs seconds to minutes are
 * refused, and a refused update leaves the document exactly as it was.
 */
class WorkLimitTest {
  private static final long LIMIT = Doc.DEFAULT_WORK_LIMIT;

  /** Client ids of the documents under attack, apart from those of the crafted updates. */
  private static final long VICTIM = 1_000_003;

  private static final long PEER = 1_000_009;

  /** Everything observable about a document, to compare before and after a refusal. */
  private record Snapshot(
      String state, String stateVector, Object json, boolean hasPending, long pendingBytes) {
    static Snapshot of(Doc doc) {
      return new Snapshot(
          Arrays.toString(doc.encodeStateAsUpdate()),
          Arrays.toString(doc.encodeStateVector()),
          List.of(
              doc.getText("codemirror").toDelta(),
              doc.getMap("m").toJson(),
              doc.getArray("a").toJson()),
          doc.hasPending(),
          doc.pendingBytes());
    }
  }

  /** A document with text, formatting, a map with a nested type, an array and deletions. */
  private static Doc richDoc(long client) {
    Doc doc = Doc.builder().clientId(client).build();
    Text text = doc.getText("codemirror");
    text.insert(0, "def solve(nums):\n    return sorted(nums)\n");
    text.format(4, 5, Map.of("bold", true));
    text.delete(20, 6);
    YMap nested = new YMap();
    doc.getMap("m").set("nested", nested);
    nested.set("k", List.of(1, "two"));
    doc.getMap("m").set("k", "v1");
    doc.getMap("m").set("k", "v2");
    doc.getArray("a").push(List.of(1, 2, 3, "four"));
    doc.getArray("a").delete(1, 1);
    return doc;
  }

  static Stream<Arguments> craftedUpdates() {
    return Stream.of(
        Arguments.of(
            "8,000 clients at one spot",
            (IntFunction<byte[]>) n -> CraftedUpdates.concurrentAtOneSpot("codemirror", n),
            8_000),
        Arguments.of(
            "one client, 8,000 items at one spot",
            (IntFunction<byte[]>) n -> CraftedUpdates.oneClientAtOneSpot("codemirror", n),
            8_000),
        Arguments.of(
            "one map key set by 8,000 clients",
            (IntFunction<byte[]>) n -> CraftedUpdates.mapKeyOverwrites("m", "k", n),
            8_000),
        Arguments.of(
            "1 MiB of clients at one spot",
            (IntFunction<byte[]>) n -> CraftedUpdates.concurrentAtOneSpot("codemirror", n),
            70_000),
        Arguments.of(
            "1,500 splits of a 200,000-character run",
            (IntFunction<byte[]>) n -> CraftedUpdates.splitsOfOneLongRun("codemirror", 200_000, n),
            1_500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("craftedUpdates")
  void craftedUpdateIsRefusedAndTheDocumentStaysAsItWas(
      String name, IntFunction<byte[]> crafted, int n) throws UpdateException {
    byte[] update = crafted.apply(n);
    assertThat(update.length).isLessThanOrEqualTo(1 << 20);
    Doc doc = richDoc(VICTIM);
    Snapshot before = Snapshot.of(doc);

    assertThatThrownBy(() -> doc.applyUpdate(update, "attacker", LIMIT))
        .isInstanceOf(UpdateTooCostlyException.class)
        .hasMessageContaining("refused")
        .satisfies(e -> assertThat(((UpdateTooCostlyException) e).workLimit()).isEqualTo(LIMIT));
    assertThat(Snapshot.of(doc)).isEqualTo(before);

    // The same kind of update, small enough, applies and equals what an unlimited apply makes.
    byte[] small = crafted.apply(40);
    Doc unlimited = richDoc(VICTIM);
    unlimited.applyUpdate(small);
    doc.applyUpdate(small, "peer", LIMIT);
    assertThat(Snapshot.of(doc)).isEqualTo(Snapshot.of(unlimited));
  }

  @Test
  void aRefusedUpdateCallsNoObserverOrListener() throws UpdateException {
    Doc doc = richDoc(VICTIM);
    AtomicInteger calls = new AtomicInteger();
    doc.onUpdate((update, origin, tr) -> calls.incrementAndGet());
    doc.onAfterTransaction(tr -> calls.incrementAndGet());
    doc.getText("codemirror").observe(e -> calls.incrementAndGet());
    doc.getText("codemirror").observeDeep(e -> calls.incrementAndGet());
    doc.getMap("m").observeDeep(e -> calls.incrementAndGet());

    // The crafted items come with deletes of text and of the map's nested type: nobody may hear
    // of any of it.
    Doc attacker = Doc.builder().clientId(PEER).build();
    attacker.applyUpdate(doc.encodeStateAsUpdate());
    byte[] sv = attacker.encodeStateVector();
    attacker.getText("codemirror").delete(0, 10);
    attacker.getMap("m").delete("nested");
    byte[] deletes = attacker.encodeStateAsUpdate(sv);
    attacker.applyUpdate(CraftedUpdates.concurrentAtOneSpot("codemirror", 800));
    byte[] both = attacker.encodeStateAsUpdate(sv);

    assertThatThrownBy(() -> doc.applyUpdate(both, "attacker", LIMIT))
        .isInstanceOf(UpdateTooCostlyException.class);
    assertThat(calls).hasValue(0);

    doc.applyUpdate(deletes, "peer", LIMIT);
    assertThat(calls.get()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void handlesObtainedBeforeARefusalKeepWorking() throws UpdateException {
    Doc doc = richDoc(VICTIM);
    Doc twin = richDoc(VICTIM);
    Text text = doc.getText("codemirror");
    YMap nested = (YMap) doc.getMap("m").get("nested");
    List<String> seen = new ArrayList<>();
    nested.observe(e -> seen.addAll(e.keysChanged()));

    // The refused update deletes the nested map (and so its entries), types into the text at
    // the same spot as the crafted items, and overwrites a key.
    Doc other = Doc.builder().clientId(PEER).build();
    other.applyUpdate(doc.encodeStateAsUpdate());
    byte[] sv = other.encodeStateVector();
    other.getMap("m").delete("nested");
    other.getMap("m").set("k", "v3");
    other.getText("codemirror").insert(3, "XYZ");
    byte[] edits = other.encodeStateAsUpdate(sv);
    other.applyUpdate(CraftedUpdates.concurrentAtOneSpot("codemirror", 800));
    other.getText("codemirror").insert(0, "!");
    byte[] hostile = other.encodeStateAsUpdate(sv);
    assertThatThrownBy(() -> doc.applyUpdate(hostile, null, LIMIT))
        .isInstanceOf(UpdateTooCostlyException.class);

    // The old handles still edit the document, which keeps converging with one that never saw
    // the refused update.
    text.insert(2, "ab");
    nested.set("after", true);
    twin.getText("codemirror").insert(2, "ab");
    ((YMap) twin.getMap("m").get("nested")).set("after", true);
    assertThat(seen).containsExactly("after");
    assertThat(doc.getMap("m").get("nested")).isSameAs(nested);
    assertThat(Snapshot.of(doc)).isEqualTo(Snapshot.of(twin));
    doc.applyUpdate(edits, null, LIMIT);
    twin.applyUpdate(edits);
    assertThat(Snapshot.of(doc)).isEqualTo(Snapshot.of(twin));
    assertThat(text.toString()).contains("XYZ");
  }

  @Test
  void updatesWaitingForMissingDependenciesAreRestoredToo() throws UpdateException {
    Doc source = Doc.builder().clientId(PEER).build();
    source.getText("codemirror").insert(0, "first ");
    byte[] first = source.encodeStateAsUpdate();
    byte[] sv = source.encodeStateVector();
    source.getText("codemirror").insert(6, "second");
    source.getText("codemirror").delete(0, 2);
    byte[] second = source.encodeStateAsUpdate(sv);

    Doc doc = richDoc(VICTIM);
    Doc twin = richDoc(VICTIM);
    doc.applyUpdate(second); // waits for the first
    twin.applyUpdate(second);
    assertThat(doc.hasPending()).isTrue();
    Snapshot before = Snapshot.of(doc);

    assertThatThrownBy(
            () ->
                doc.applyUpdate(
                    CraftedUpdates.oneClientAtOneSpot("codemirror", 2_000), null, LIMIT))
        .isInstanceOf(UpdateTooCostlyException.class);
    assertThat(Snapshot.of(doc)).isEqualTo(before);

    doc.applyUpdate(first, null, LIMIT);
    twin.applyUpdate(first);
    assertThat(doc.hasPending()).isFalse();
    assertThat(Snapshot.of(doc)).isEqualTo(Snapshot.of(twin));
  }

  @Test
  void craftedStructsReleasedFromWaitingByTheAnchorsAuthorAreDiscarded() throws UpdateException {
    int n = 3_000;
    Doc doc = richDoc(VICTIM);
    // The items wait for the anchor run, which the same attacker then sends: releasing them would
    // do the quadratic work in the anchor's transaction.
    doc.applyUpdate(CraftedUpdates.concurrentWithoutAnchor(n, 2), null, LIMIT);
    assertThat(doc.hasPending()).isTrue();
    List<String> updates = new ArrayList<>();
    doc.onUpdate((u, origin, tr) -> updates.add(Arrays.toString(u)));

    doc.applyUpdate(CraftedUpdates.anchor("codemirror", n), null, LIMIT);

    Doc anchorOnly = richDoc(VICTIM);
    anchorOnly.applyUpdate(CraftedUpdates.anchor("codemirror", n));
    assertThat(doc.hasPending()).isFalse();
    assertThat(Snapshot.of(doc)).isEqualTo(Snapshot.of(anchorOnly));
    assertThat(doc.getText("codemirror").toString()).doesNotContain("x");
    assertThat(updates).hasSize(1);
  }

  @Test
  void anEditorsUpdateThatReleasesCraftedStructsIsAppliedWithoutThem() throws UpdateException {
    int n = 3_000;
    long editor = CraftedUpdates.ANCHOR_CLIENT;
    Doc doc = Doc.builder().clientId(VICTIM).build();
    // Crafted items name positions the editor (client 1) has not typed yet.
    doc.applyUpdate(CraftedUpdates.concurrentWithoutAnchor(n, 2), "attacker", LIMIT);
    assertThat(doc.hasPending()).isTrue();

    // The editor types them; its update is not refused for the work the attacker left behind.
    byte[] typed = CraftedUpdates.anchor("codemirror", n);
    doc.applyUpdate(typed, "editor", LIMIT);
    assertThat(doc.stateVector()).containsEntry(editor, n + 1L);
    assertThat(doc.getText("codemirror").toString()).isEqualTo("A" + "B".repeat(n));
    assertThat(doc.hasPending()).isFalse();
  }

  @Test
  void anUpdateTooCostlyOnItsOwnIsRefusedAndWhatWaitedStays() throws UpdateException {
    Doc doc = richDoc(VICTIM);
    doc.applyUpdate(CraftedUpdates.concurrentWithoutAnchor(10, 100_000), null, LIMIT);
    Snapshot before = Snapshot.of(doc);
    assertThat(before.hasPending()).isTrue();

    assertThatThrownBy(
            () -> doc.applyUpdate(CraftedUpdates.mapKeyOverwrites("m", "k", 4_000), null, LIMIT))
        .isInstanceOf(UpdateTooCostlyException.class);
    assertThat(Snapshot.of(doc)).isEqualTo(before);
  }

  @Test
  void realConcurrencyStaysFarBelowTheDefaultLimit() throws UpdateException {
    // 60 editors type at the same spot at once, and set the same map key: more than an interview
    // room ever sees.
    Doc base = Doc.builder().clientId(1).build();
    base.getText("codemirror").insert(0, "ab");
    List<byte[]> edits = new ArrayList<>();
    for (long client = 100; client < 160; client++) {
      Doc editor = Doc.builder().clientId(client).build();
      editor.applyUpdate(base.encodeStateAsUpdate());
      byte[] sv = editor.encodeStateVector();
      editor.getText("codemirror").insert(1, "edit" + client);
      editor.getMap("m").set("k", client);
      edits.add(editor.encodeStateAsUpdate(sv));
    }
    Doc doc = Doc.builder().clientId(2).build();
    doc.applyUpdate(base.encodeStateAsUpdate());
    doc.applyUpdate(Updates.merge(edits), null, LIMIT / 10);
    assertThat(doc.getText("codemirror").toString()).hasSize(2 + 60 * 7);
  }

  /**
   * Yjs writes each delete set sorted and merged, so overlapping ranges come only from a crafted
   * update: it is refused before the document is touched, however many entries it has (walking each
   * range once per entry took minutes). The same deletes as one range apply.
   */
  @Test
  @Timeout(value = 15, unit = TimeUnit.SECONDS)
  void overlappingDeleteRangesAreRefusedUnwalked() throws UpdateException {
    Doc doc = Doc.builder().clientId(1).build();
    Text text = doc.getText("codemirror");
    // 20,000 structs of client 1: every second character deleted, so none can merge
    text.insert(0, "x".repeat(40_000));
    for (int i = 20_000; i > 0; i--) {
      text.delete(i * 2 - 1, 1);
    }
    assertThat(text.length()).isEqualTo(20_000);
    byte[] before = doc.encodeStateAsUpdate();
    Doc twin = Doc.builder().clientId(5).build();
    twin.applyUpdate(before);

    // 100,000 entries of one delete set, each covering a large range.
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(0); // no structs
    w.writeVarUint(1); // one client in the delete set
    w.writeVarUint(1);
    int entries = 100_000;
    w.writeVarUint(entries);
    for (int k = 0; k < entries; k++) {
      int clock = k % 3 == 0 ? 0 : 7;
      w.writeVarUint(clock);
      w.writeVarUint(k % 3 == 1 ? 20_000 : 40_000 - clock);
    }
    byte[] deletes = w.toByteArray();
    assertThatThrownBy(() -> doc.applyUpdate(deletes, null, LIMIT))
        .isInstanceOf(UpdateException.class)
        .hasMessageContaining("overlap");
    assertThat(doc.encodeStateAsUpdate()).isEqualTo(before);

    Lib0Writer merged = new Lib0Writer();
    merged.writeVarUint(0);
    merged.writeVarUint(1);
    merged.writeVarUint(1);
    merged.writeVarUint(1);
    merged.writeVarUint(0);
    merged.writeVarUint(40_000);
    doc.applyUpdate(merged.toByteArray(), null, LIMIT);
    assertThat(text.toString()).isEmpty();
    twin.getText("codemirror").delete(0, twin.getText("codemirror").length());
    assertThat(doc.encodeStateAsUpdate()).isEqualTo(twin.encodeStateAsUpdate());
  }

  /** The timeout guards against quadratic work, as above (this took a minute and a half). */
  @Test
  @Timeout(value = 15, unit = TimeUnit.SECONDS)
  void manyClientsWaitingAtOnceStayLinear() throws UpdateException {
    // 140,000 clients (two megabytes) each wait for the same missing struct; setting each aside
    // used to cost the number of clients left, 10^10 steps in all.
    Doc doc = Doc.builder().clientId(VICTIM).build();
    doc.applyUpdate(CraftedUpdates.concurrentWithoutAnchor(140_000, 2), null, LIMIT);
    assertThat(doc.hasPending()).isTrue();
    assertThat(doc.stateVector()).isEmpty();
  }

  @Test
  void aLimitedUpdateCannotJoinAnOpenTransaction() throws UpdateException {
    Doc doc = richDoc(VICTIM);
    byte[] update = CraftedUpdates.anchor("codemirror", 3);
    assertThatThrownBy(() -> doc.transact(tr -> applyQuietly(doc, update)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside another transaction");
    assertThatThrownBy(() -> doc.applyUpdate(update, null, -1))
        .isInstanceOf(IllegalArgumentException.class);

    // Nor can a retry of what waits, which keeps waiting.
    doc.applyUpdate(CraftedUpdates.concurrentWithoutAnchor(3, 100_000), null, LIMIT);
    long waiting = doc.pendingBytes();
    assertThatThrownBy(() -> doc.transact(tr -> doc.retryPending(LIMIT)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(doc.pendingBytes()).isEqualTo(waiting).isPositive();
  }

  private static void applyQuietly(Doc doc, byte[] update) {
    try {
      doc.applyUpdate(update, null, LIMIT);
    } catch (UpdateException e) {
      throw new AssertionError(e);
    }
  }
}
