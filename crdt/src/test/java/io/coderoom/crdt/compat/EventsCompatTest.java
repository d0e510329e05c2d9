package io.coderoom.crdt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Delta;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Seeded check of observer events against Yjs: a Java document with observers on its Text, Map and
 * Array roots and an observed Yjs twin get the same local transactions and the same remote updates
 * (from two Yjs peers editing concurrently); after each step both report the same events in the
 * same order (text / array deltas, changed map keys) and emit the same update bytes.
 */
class EventsCompatTest {

  @Test
  void observerEventsMatchYjs() throws UpdateException {
    YjsHarness yjs = YjsHarness.shared();
    long events = 0;
    long seeds = Long.getLong("crdt.events.seeds", 60);
    for (long seed = 1; seed <= seeds; seed++) {
      try {
        events += runSeed(yjs, seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("events differ for seed " + seed + ": " + e.getMessage(), e);
      }
    }
    assertThat(events).as("events compared").isGreaterThan(seeds * 10);
  }

  /** Returns how many events were compared. */
  private static long runSeed(YjsHarness yjs, long seed) throws UpdateException {
    yjs.call("reset");
    Random rnd = new Random(seed);
    RandomOps ops = new RandomOps(rnd, rnd.nextBoolean());
    boolean gc = rnd.nextBoolean();
    Doc doc = Doc.builder().clientId(100).gc(gc).build();
    List<Object> events = new ArrayList<>();
    doc.getText("t").observe(e -> events.add(Json.obj("target", "t", "delta", deltas(e.delta()))));
    doc.getMap("m")
        .observe(
            e ->
                events.add(
                    Json.obj(
                        "target", "m", "keys", new ArrayList<>(new TreeSet<>(e.keysChanged())))));
    doc.getArray("a").observe(e -> events.add(Json.obj("target", "a", "delta", deltas(e.delta()))));
    List<byte[]> emitted = new ArrayList<>();
    doc.onUpdate((u, origin, tr) -> emitted.add(u));
    yjs.call("newDoc", "doc", "twin", "clientId", 100, "gc", gc, "observe", true);
    yjs.call("newDoc", "doc", "p1", "clientId", 201);
    yjs.call("newDoc", "doc", "p2", "clientId", 202);
    List<byte[]> mine = new ArrayList<>();
    long compared = 0;
    for (int step = 0; step < 30; step++) {
      String where = "step " + step;
      events.clear();
      emitted.clear();
      int kind = rnd.nextInt(3);
      List<byte[]> ref;
      if (kind == 0) {
        List<Object> tx = ops.transaction();
        where += " local " + Json.write(tx);
        JavaOps.transact(doc, tx);
        ref = yjs.byteList("transact", "doc", "twin", "ops", tx);
        mine.addAll(emitted);
      } else {
        String peer = kind == 1 ? "p1" : "p2";
        if (rnd.nextInt(3) == 0 && !mine.isEmpty()) {
          // let the peer see our edits so its ops land inside them
          yjs.call("applyUpdates", "doc", peer, "updates", YjsHarness.b64(mine));
        }
        List<byte[]> updates = yjs.byteList("transact", "doc", peer, "ops", ops.transaction());
        where += " remote from " + peer;
        for (byte[] u : updates) {
          doc.applyUpdate(u, "remote");
        }
        ref = new ArrayList<>();
        for (Object r :
            (List<?>) yjs.call("applyUpdates", "doc", "twin", "updates", YjsHarness.b64(updates))) {
          ref.addAll(YjsHarness.decodeAll((List<?>) JavaOps.map(r).get("updates")));
        }
      }
      Peer.assertSameBytes(where + ": updates", emitted, ref);
      assertThat(JavaOps.normalize(events))
          .as(where + ": events")
          .isEqualTo(yjs.call("takeEvents", "doc", "twin"));
      compared += events.size();
    }
    return compared;
  }

  private static List<Object> deltas(List<Delta> delta) {
    List<Object> out = new ArrayList<>();
    for (Delta d : delta) {
      Map<String, Object> o = new LinkedHashMap<>();
      if (d.insert() != null) {
        o.put(
            "insert",
            d.insert() instanceof String s
                ? s
                : d.insert() instanceof List<?> l
                    ? l.stream().map(JavaOps::describeValue).toList()
                    : JavaOps.describeValue(d.insert()));
      }
      if (d.retain() != null) {
        o.put("retain", (long) d.retain());
      }
      if (d.delete() != null) {
        o.put("delete", (long) d.delete());
      }
      if (d.attributes() != null) {
        o.put("attributes", JavaOps.describeValue(d.attributes()));
      }
      out.add(o);
    }
    return out;
  }
}
