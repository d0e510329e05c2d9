package io.coderoom.crdt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.sync.Awareness;
import io.coderoom.crdt.sync.ProtocolException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded differential test of {@link Awareness} against y-protocols' awareness.js: the same random
 * local state changes, remote updates (stale, current and future clocks, removals, attempts to
 * remove the local state) and removals go to both; after every step both hold the same clocks and
 * states and report the same changes.
 */
class AwarenessDifferentialTest {
  private static final long LOCAL = 3_000_000_000L;
  private static final long[] CLIENTS = {LOCAL, 1, 2, 77, 4_294_967_295L};
  private static final String[] STATES = {
    "{}", "{\"name\":\"ann\"}", "{\"cursor\":{\"anchor\":1,\"head\":4}}", "[1,2]", "\"x\"", "null"
  };

  @Test
  void awarenessFollowsYProtocolsStepByStep() throws ProtocolException {
    YjsHarness yjs = YjsHarness.shared();
    for (long seed = 1; seed <= 40; seed++) {
      yjs.call("reset");
      yjs.call("newDoc", "doc", "d", "clientId", LOCAL);
      yjs.call("newAwareness", "aw", "js", "doc", "d");
      Awareness java = new Awareness(LOCAL, InstantSource.system());
      Random rnd = new Random(seed);
      for (int step = 0; step < 40; step++) {
        String where = "seed " + seed + " step " + step;
        int kind = rnd.nextInt(10);
        if (kind < 2) {
          String state = STATES[rnd.nextInt(STATES.length)];
          java.setLocalState(state);
          yjs.call("setLocalState", "aw", "js", "state", state);
        } else if (kind < 9) {
          byte[] update = randomUpdate(rnd, java);
          Awareness.Event e = java.applyUpdate(update, "remote");
          List<?> changes =
              (List<?>)
                  yjs.call("applyAwarenessUpdate", "aw", "js", "update", YjsHarness.b64(update));
          if (e.isChange()) {
            assertThat(changes).as(where + " change event").hasSize(1);
            Map<String, Object> c = JavaOps.map(changes.getFirst());
            assertThat(c.get("added")).as(where + " added").isEqualTo(e.added());
            assertThat(c.get("updated")).as(where + " changed").isEqualTo(e.changed());
            assertThat(c.get("removed")).as(where + " removed").isEqualTo(e.removed());
          } else {
            assertThat(changes).as(where + " no change event").isEmpty();
          }
        } else {
          List<Long> clients = List.of(CLIENTS[rnd.nextInt(CLIENTS.length)]);
          java.removeStates(clients, "test");
          yjs.call("removeAwarenessStates", "aw", "js", "clients", clients);
        }
        assertThat(javaView(java)).as(where + " states").isEqualTo(jsView(yjs));
      }
    }
  }

  /** 1 to 3 entries around the known clocks: stale, equal, newer; states or null. */
  private static byte[] randomUpdate(Random rnd, Awareness java) {
    int n = 1 + rnd.nextInt(3);
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(n);
    for (int k = 0; k < n; k++) {
      long client = CLIENTS[rnd.nextInt(CLIENTS.length)];
      long known = java.meta(client).map(Awareness.ClientMeta::clock).orElse(0L);
      long clock = Math.max(0, known + rnd.nextInt(4) - 1);
      w.writeVarUint(client);
      w.writeVarUint(clock);
      w.writeVarString(STATES[rnd.nextInt(STATES.length)]);
    }
    return w.toByteArray();
  }

  private static Map<String, Object> javaView(Awareness a) {
    Map<String, Object> out = new TreeMap<>();
    for (long client : CLIENTS) {
      a.meta(client)
          .ifPresent(
              m ->
                  out.put(
                      String.valueOf(client),
                      Json.obj("clock", m.clock(), "state", a.states().get(client))));
    }
    return out;
  }

  private static Map<String, Object> jsView(YjsHarness yjs) {
    Map<String, Object> out = new TreeMap<>(JavaOps.map(yjs.call("awarenessStates", "aw", "js")));
    out.replaceAll((k, v) -> new java.util.LinkedHashMap<>(JavaOps.map(v)));
    return out;
  }
}
