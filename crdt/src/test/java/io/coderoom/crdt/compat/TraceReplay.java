package io.coderoom.crdt.compat;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Subscription;
import io.coderoom.crdt.Text;
import io.coderoom.crdt.UpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays editing traces into Java documents by exactly the rules of test-tools/traces.mjs, so the
 * results can be compared with Yjs's byte for byte.
 */
public final class TraceReplay {
  private TraceReplay() {}

  /** A patch as int/int/String: [pos, delCount, insText]. */
  public record Patch(int pos, int del, String ins) {}

  /** A txn of a concurrent trace. */
  public record Txn(int agent, int[] parents, List<Patch> patches) {}

  public static List<List<Patch>> sequentialTxns(Map<String, Object> trace) {
    List<List<Patch>> out = new ArrayList<>();
    for (Object t : (List<?>) trace.get("txns")) {
      out.add(patches(JavaOps.map(t)));
    }
    return out;
  }

  public static List<Txn> concurrentTxns(Map<String, Object> trace) {
    List<Txn> out = new ArrayList<>();
    for (Object o : (List<?>) trace.get("txns")) {
      Map<String, Object> t = JavaOps.map(o);
      List<?> ps = (List<?>) t.get("parents");
      int[] parents = new int[ps.size()];
      for (int k = 0; k < parents.length; k++) {
        parents[k] = ((Number) ps.get(k)).intValue();
      }
      out.add(new Txn(((Number) t.get("agent")).intValue(), parents, patches(t)));
    }
    return out;
  }

  private static List<Patch> patches(Map<String, Object> txn) {
    List<Patch> out = new ArrayList<>();
    for (Object p : (List<?>) txn.get("patches")) {
      List<?> l = (List<?>) p;
      out.add(
          new Patch(
              ((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue(), (String) l.get(2)));
    }
    return out;
  }

  static void applyPatch(Text text, Patch p) {
    if (p.del() > 0) {
      text.delete(p.pos(), p.del());
    }
    if (!p.ins().isEmpty()) {
      text.insert(p.pos(), p.ins());
    }
  }

  /** One document, one transaction per trace txn, text root "text". */
  public static Doc replaySequential(List<List<Patch>> txns, long clientId) {
    Doc doc = Doc.builder().clientId(clientId).build();
    Text text = doc.getText("text");
    for (List<Patch> txn : txns) {
      doc.transact(
          tr -> {
            for (Patch p : txn) {
              applyPatch(text, p);
            }
          });
    }
    return doc;
  }

  /**
   * One document per agent (client id agent + 1). Before each txn the agent's document applies the
   * other agents' txn updates it lacks up to the version of the txn's parents, in ascending trace
   * index; then the txn's patches run as one local transaction. Finally every agent catches up to
   * everything.
   */
  public static List<Doc> replayConcurrent(List<Txn> txns, int numAgents) throws UpdateException {
    int n = numAgents;
    List<Doc> docs = new ArrayList<>();
    int[][] have = new int[n][n];
    List<List<byte[]>> updates = new ArrayList<>();
    List<List<Integer>> txnIndex = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      docs.add(Doc.builder().clientId(a + 1).build());
      updates.add(new ArrayList<>());
      txnIndex.add(new ArrayList<>());
    }
    int[][] versions = new int[txns.size()][];
    byte[][] last = new byte[1][];
    for (int index = 0; index < txns.size(); index++) {
      Txn txn = txns.get(index);
      int a = txn.agent();
      int[] v = new int[n];
      for (int p : txn.parents()) {
        for (int b = 0; b < n; b++) {
          v[b] = Math.max(v[b], versions[p][b]);
        }
      }
      catchUp(docs.get(a), a, have[a], v, updates, txnIndex);
      Doc doc = docs.get(a);
      Text text = doc.getText("text");
      last[0] = null;
      Subscription s = doc.onUpdate((u, origin, tr) -> last[0] = u);
      try {
        doc.transact(
            tr -> {
              for (Patch p : txn.patches()) {
                applyPatch(text, p);
              }
            });
      } finally {
        s.close();
      }
      updates.get(a).add(last[0] == null ? new byte[] {0, 0} : last[0]);
      txnIndex.get(a).add(index);
      have[a][a] = updates.get(a).size();
      v[a] = updates.get(a).size();
      versions[index] = v;
    }
    int[] all = new int[n];
    for (int b = 0; b < n; b++) {
      all[b] = updates.get(b).size();
    }
    for (int a = 0; a < n; a++) {
      catchUp(docs.get(a), a, have[a], all, updates, txnIndex);
    }
    return docs;
  }

  private static void catchUp(
      Doc doc,
      int a,
      int[] next,
      int[] target,
      List<List<byte[]>> updates,
      List<List<Integer>> txnIndex)
      throws UpdateException {
    while (true) {
      int best = -1;
      for (int b = 0; b < next.length; b++) {
        if (b != a
            && next[b] < target[b]
            && (best < 0 || txnIndex.get(b).get(next[b]) < txnIndex.get(best).get(next[best]))) {
          best = b;
        }
      }
      if (best < 0) {
        return;
      }
      doc.applyUpdate(updates.get(best).get(next[best]));
      next[best]++;
    }
  }
}
