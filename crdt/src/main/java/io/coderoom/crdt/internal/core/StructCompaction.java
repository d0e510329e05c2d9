package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * End-of-transaction compaction: garbage collection of deleted content and merging of adjacent
 * structs. Yjs tryGcDeleteSet, tryMergeDeleteSet and tryToMergeWithLefts
 * (src/utils/Transaction.js).
 */
final class StructCompaction {
  private StructCompaction() {}

  static int tryToMergeWithLefts(ArrayList<AbstractStruct> structs, int pos) {
    AbstractStruct right = structs.get(pos);
    AbstractStruct left = structs.get(pos - 1);
    int i = pos;
    for (; i > 0; right = left, left = i - 2 >= 0 ? structs.get(i - 2) : null, i--) {
      if (left.deleted() == right.deleted() && left.getClass() == right.getClass()) {
        if (left.mergeWith(right)) {
          if (right instanceof Item ri
              && ri.parentSub != null
              && ri.parent != null
              && ri.parent.map.get(ri.parentSub) == ri) {
            ri.parent.map.put(ri.parentSub, (Item) left);
          }
          continue;
        }
      }
      break;
    }
    int merged = pos - i;
    if (merged > 0) {
      // remove all merged structs from the array
      structs.subList(pos + 1 - merged, pos + 1).clear();
    }
    return merged;
  }

  static void tryGcDeleteSet(DeleteSet ds, StructStore store) {
    for (Map.Entry<Long, ArrayList<DeleteSet.DeleteItem>> e : ds.clients.entrySet()) {
      ArrayList<AbstractStruct> structs = store.clients.get(e.getKey());
      List<DeleteSet.DeleteItem> deleteItems = e.getValue();
      for (int di = deleteItems.size() - 1; di >= 0; di--) {
        DeleteSet.DeleteItem deleteItem = deleteItems.get(di);
        long endDeleteItemClock = deleteItem.clock() + deleteItem.len();
        for (int si = StructStore.findIndexSS(structs, deleteItem.clock());
            si < structs.size() && structs.get(si).clock < endDeleteItemClock;
            si++) {
          AbstractStruct struct = structs.get(si);
          if (deleteItem.clock() + deleteItem.len() <= struct.clock) {
            break;
          }
          if (struct instanceof Item item && item.deleted() && !item.keep()) {
            item.gc(store, false);
          }
        }
      }
    }
  }

  static void tryMergeDeleteSet(DeleteSet ds, StructStore store) {
    // merge from right to left for better efficiency and so we don't miss any merge targets
    ds.clients.forEach(
        (client, deleteItems) -> {
          ArrayList<AbstractStruct> structs = store.clients.get(client);
          for (int di = deleteItems.size() - 1; di >= 0; di--) {
            DeleteSet.DeleteItem deleteItem = deleteItems.get(di);
            // start with merging the item next to the last deleted item
            int mostRightIndexToCheck =
                Math.min(
                    structs.size() - 1,
                    1
                        + StructStore.findIndexSS(
                            structs, deleteItem.clock() + deleteItem.len() - 1));
            for (int si = mostRightIndexToCheck;
                si > 0 && structs.get(si).clock >= deleteItem.clock(); ) {
              si -= 1 + tryToMergeWithLefts(structs, si);
            }
          }
        });
  }
}
