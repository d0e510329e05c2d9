package io.coderoom.crdt.compat;

import static io.coderoom.crdt.compat.YjsHarness.b64;
import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Subscription;
import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.UpdateTooCostlyException;
import io.coderoom.crdt.Updates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** One replica in a multi-peer test: a Java document shadowed by a Yjs twin, or a Yjs document. */
public abstract sealed class Peer {
  final String name;
  final YjsHarness yjs;

  Peer(String name, YjsHarness yjs) {
    this.name = name;
    this.yjs = yjs;
  }

  /** Runs ops as one local transaction; returns the updates it emitted. */
  abstract List<byte[]> transact(List<Object> ops);

  /**
   * Applies updates one by one, as received from the network (origin "remote"). Returns the updates
   * of transactions the document started itself meanwhile (e.g. Yjs's formatting cleanup), which a
   * provider sends on like local edits.
   */
  abstract List<byte[]> apply(List<byte[]> updates) throws UpdateException;

  /** Merges updates the way this peer's implementation does. */
  abstract byte[] merge(List<byte[]> updates) throws UpdateException;

  abstract Object describe();

  abstract byte[] stateVector();

  abstract byte[] state();

  abstract byte[] state(byte[] targetStateVector) throws UpdateException;

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static void assertSameBytes(String what, byte[] java, byte[] yjs) {
    if (!Arrays.equals(java, yjs)) {
      assertThat(hex(java)).as(what + " (Java vs Yjs, hex)").isEqualTo(hex(yjs));
    }
  }

  static void assertSameBytes(String what, List<byte[]> java, List<byte[]> yjs) {
    assertThat(java.stream().map(Peer::hex).toList())
        .as(what + " (Java vs Yjs, hex)")
        .isEqualTo(yjs.stream().map(Peer::hex).toList());
  }

  /**
   * A Java document; every step is repeated on a Yjs twin with the same client id, compared byte
   * for byte.
   */
  static final class JavaPeer extends Peer {
    final Doc doc;
    private final List<byte[]> emitted = new ArrayList<>();
    private final List<Object> emittedOrigins = new ArrayList<>();
    private final Subscription sub;

    /** What happened to this document, replayable: its config, local ops and applied updates. */
    final List<Object> history = new ArrayList<>();

    /**
     * When set, each update is first applied with every work limit too small for it, from 0 up:
     * each refusal must leave no trace, and the apply that fits must do what Yjs does.
     */
    boolean refuseFirst;

    /** Updates refused while {@link #refuseFirst}, each then applied. */
    long refusals;

    private int transactions;

    JavaPeer(String name, YjsHarness yjs, long clientId, boolean gc) {
      super(name, yjs);
      history.add(Json.obj("newDoc", name, "clientId", clientId, "gc", gc));
      this.doc = Doc.builder().clientId(clientId).gc(gc).build();
      Subscription updates =
          doc.onUpdate(
              (update, origin, tr) -> {
                emitted.add(update);
                emittedOrigins.add(origin);
              });
      Subscription ends = doc.onAfterTransaction(tr -> transactions++);
      this.sub =
          () -> {
            updates.close();
            ends.close();
          };
      yjs.call("newDoc", "doc", name, "clientId", clientId, "gc", gc);
    }

    @Override
    List<byte[]> transact(List<Object> ops) {
      history.add(Json.obj("transact", ops));
      emitted.clear();
      JavaOps.transact(doc, ops);
      List<byte[]> java = new ArrayList<>(emitted);
      List<byte[]> twin = yjs.byteList("transact", "doc", name, "ops", ops);
      assertSameBytes(name + " update of local transaction " + Json.write(ops), java, twin);
      return java;
    }

    @Override
    List<byte[]> apply(List<byte[]> updates) throws UpdateException {
      List<List<byte[]>> java = new ArrayList<>();
      List<byte[]> forward = new ArrayList<>();
      for (byte[] u : updates) {
        history.add(Json.obj("applyUpdate", YjsHarness.b64(u)));
        emitted.clear();
        emittedOrigins.clear();
        if (refuseFirst && !doc.hasPending()) {
          applyAfterRefusals(u);
        } else {
          doc.applyUpdate(u, "remote");
        }
        java.add(new ArrayList<>(emitted));
        for (int k = 0; k < emitted.size(); k++) {
          if (!"remote".equals(emittedOrigins.get(k))) {
            forward.add(emitted.get(k));
          }
        }
      }
      List<?> twin = (List<?>) yjs.call("applyUpdates", "doc", name, "updates", b64(updates));
      for (int k = 0; k < updates.size(); k++) {
        Map<String, Object> t = JavaOps.map(twin.get(k));
        assertSameBytes(
            name + " update events of applying " + hex(updates.get(k)),
            java.get(k),
            YjsHarness.decodeAll((List<?>) t.get("updates")));
      }
      return forward;
    }

    /**
     * Applies with work limits 0, 1, 2, ... until one is enough. (Skipped while structs wait: then
     * a limit that the waiting structs exceed discards them, on purpose unlike Yjs.)
     */
    private void applyAfterRefusals(byte[] u) throws UpdateException {
      byte[] state = doc.encodeStateAsUpdate();
      Object content = describe();
      int transactionsBefore = transactions;
      for (long limit = 0; limit <= 100_000; limit++) {
        try {
          doc.applyUpdate(u, "remote", limit);
          return;
        } catch (UpdateTooCostlyException e) {
          refusals++;
          String what = name + " refusing " + hex(u) + " at work limit " + limit;
          assertThat(transactions)
              .as(what + ": transactions heard of")
              .isEqualTo(transactionsBefore);
          assertThat(emitted).as(what + ": updates emitted").isEmpty();
          assertSameBytes(what + ": encoded state", doc.encodeStateAsUpdate(), state);
          assertThat(describe()).as(what + ": content").isEqualTo(content);
          assertThat(doc.hasPending()).as(what + ": pending").isFalse();
        }
      }
      throw new AssertionError(name + " needs more than 100,000 steps for " + hex(u));
    }

    @Override
    byte[] merge(List<byte[]> updates) throws UpdateException {
      byte[] java = Updates.merge(updates);
      byte[] ref = yjs.bytes("mergeUpdates", "updates", b64(updates));
      assertSameBytes("Updates.merge of " + updates.size() + " updates", java, ref);
      return java;
    }

    @Override
    Object describe() {
      return JavaOps.describe(doc, RandomOps.ROOTS);
    }

    @Override
    byte[] stateVector() {
      byte[] java = doc.encodeStateVector();
      assertSameBytes(name + " state vector", java, yjs.bytes("encodeStateVector", "doc", name));
      return java;
    }

    @Override
    byte[] state() {
      byte[] java = doc.encodeStateAsUpdate();
      assertSameBytes(name + " encoded state", java, yjs.bytes("encodeStateAsUpdate", "doc", name));
      return java;
    }

    @Override
    byte[] state(byte[] sv) throws UpdateException {
      byte[] java = doc.encodeStateAsUpdate(sv);
      assertSameBytes(
          name + " encoded state against " + hex(sv),
          java,
          yjs.bytes("encodeStateAsUpdate", "doc", name, "sv", b64(sv)));
      return java;
    }

    /** The twin's content must match too (it is what the Yjs side of the comparison holds). */
    Object twinDescribe() {
      return yjs.call("describe", "doc", name, "roots", RandomOps.ROOTS);
    }

    void close() {
      sub.close();
      yjs.call("destroyDoc", "doc", name);
    }
  }

  /** A plain Yjs document in the harness. */
  static final class YjsPeer extends Peer {
    YjsPeer(String name, YjsHarness yjs, long clientId, boolean gc) {
      super(name, yjs);
      yjs.call("newDoc", "doc", name, "clientId", clientId, "gc", gc);
    }

    @Override
    List<byte[]> transact(List<Object> ops) {
      return yjs.byteList("transact", "doc", name, "ops", ops);
    }

    @Override
    List<byte[]> apply(List<byte[]> updates) {
      List<byte[]> forward = new ArrayList<>();
      for (Object r : (List<?>) yjs.call("applyUpdates", "doc", name, "updates", b64(updates))) {
        forward.addAll(YjsHarness.decodeAll((List<?>) JavaOps.map(r).get("forward")));
      }
      return forward;
    }

    @Override
    byte[] merge(List<byte[]> updates) {
      return yjs.bytes("mergeUpdates", "updates", b64(updates));
    }

    @Override
    Object describe() {
      return yjs.call("describe", "doc", name, "roots", RandomOps.ROOTS);
    }

    @Override
    byte[] stateVector() {
      return yjs.bytes("encodeStateVector", "doc", name);
    }

    @Override
    byte[] state() {
      return yjs.bytes("encodeStateAsUpdate", "doc", name);
    }

    @Override
    byte[] state(byte[] sv) {
      return yjs.bytes("encodeStateAsUpdate", "doc", name, "sv", b64(sv));
    }

    void close() {
      yjs.call("destroyDoc", "doc", name);
    }
  }
}
