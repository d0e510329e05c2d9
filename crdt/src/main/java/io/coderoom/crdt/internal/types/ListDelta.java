package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.Delta;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Delta of a list change event. Yjs YEvent.changes.delta (src/utils/YEvent.js). */
public final class ListDelta {
  private ListDelta() {}

  private static boolean adds(Txn t, Item item) {
    return t.adds(item.client, item.clock);
  }

  private static boolean deletes(Txn t, Item item) {
    return t.deleteSet.isDeleted(item.client, item.clock);
  }

  /** Yjs YEvent.changes.delta for list types. */
  public static List<Delta> of(Txn t, Branch target) {
    List<Delta> delta = new ArrayList<>();
    Set<String> changed = t.changed.get(target);
    if (changed == null || !changed.contains(null)) {
      return delta;
    }
    String op = null;
    long count = 0;
    List<Object> ins = null;
    for (Item item = target.start; item != null; item = item.right) {
      if (item.deleted()) {
        if (deletes(t, item) && !adds(t, item)) {
          if (!"delete".equals(op)) {
            pack(delta, op, count, ins);
            op = "delete";
            count = 0;
          }
          count += item.length;
        }
      } else if (adds(t, item)) {
        if (!"insert".equals(op)) {
          pack(delta, op, count, ins);
          op = "insert";
          ins = new ArrayList<>();
        }
        ins.addAll(item.content.getContent());
      } else {
        if (!"retain".equals(op)) {
          pack(delta, op, count, ins);
          op = "retain";
          count = 0;
        }
        count += item.length;
      }
    }
    if (op != null && !"retain".equals(op)) {
      pack(delta, op, count, ins);
    }
    return delta;
  }

  private static void pack(List<Delta> delta, String op, long count, List<Object> ins) {
    if (op == null) {
      return;
    }
    switch (op) {
      case "delete" -> delta.add(Delta.delete((int) count));
      case "insert" -> delta.add(Delta.insert(Collections.unmodifiableList(ins), null));
      default -> delta.add(Delta.retain((int) count, null));
    }
  }
}
