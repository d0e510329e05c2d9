package io.coderoom.crdt.internal.struct;

import io.coderoom.crdt.internal.core.Txn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** All structs of a document, per client sorted by clock. Yjs src/utils/StructStore.js. */
public final class StructStore {
  /** Update (v1) that could not be applied yet, and the lowest missing clock per client. */
  public record PendingStructs(Map<Long, Long> missing, byte[] update) {}

  private static final int SHIFTED_STRUCTS_PER_STEP_SHIFT = 10;

  public final Map<Long, ArrayList<AbstractStruct>> clients = new LinkedHashMap<>();
  public PendingStructs pendingStructs;
  public byte[] pendingDs;

  public Map<Long, Long> getStateVector() {
    Map<Long, Long> sm = HashMap.newHashMap(clients.size());
    for (Map.Entry<Long, ArrayList<AbstractStruct>> e : clients.entrySet()) {
      ArrayList<AbstractStruct> structs = e.getValue();
      AbstractStruct s = structs.get(structs.size() - 1);
      sm.put(e.getKey(), s.clock + s.length);
    }
    return sm;
  }

  public long getState(long client) {
    ArrayList<AbstractStruct> structs = clients.get(client);
    if (structs == null) {
      return 0;
    }
    AbstractStruct last = structs.get(structs.size() - 1);
    return last.clock + last.length;
  }

  public void addStruct(AbstractStruct struct) {
    ArrayList<AbstractStruct> structs = clients.get(struct.client);
    if (structs == null) {
      structs = new ArrayList<>();
      clients.put(struct.client, structs);
    } else {
      AbstractStruct last = structs.get(structs.size() - 1);
      if (last.clock + last.length != struct.clock) {
        throw new IllegalStateException("unexpected case: struct store gap");
      }
    }
    structs.add(struct);
  }

  /** Binary search of the struct containing {@code clock}. Yjs findIndexSS. */
  public static int findIndexSS(ArrayList<AbstractStruct> structs, long clock) {
    int left = 0;
    int right = structs.size() - 1;
    AbstractStruct mid = structs.get(right);
    long midclock = mid.clock;
    if (midclock == clock) {
      return right;
    }
    long span = midclock + mid.length - 1;
    int midindex =
        span <= 0 ? 0 : (int) Math.min(right, Math.floor(((double) clock / span) * right));
    if (midindex < 0) {
      midindex = 0;
    }
    while (left <= right) {
      mid = structs.get(midindex);
      midclock = mid.clock;
      if (midclock <= clock) {
        if (clock < midclock + mid.length) {
          return midindex;
        }
        left = midindex + 1;
      } else {
        right = midindex - 1;
      }
      midindex = (left + right) >>> 1;
    }
    throw new IllegalStateException("unexpected case: clock " + clock + " not in struct store");
  }

  public AbstractStruct find(ID id) {
    return find(id.client(), id.clock());
  }

  public AbstractStruct find(long client, long clock) {
    ArrayList<AbstractStruct> structs = clients.get(client);
    if (structs == null) {
      throw new IllegalStateException("unexpected case: unknown client " + client);
    }
    return structs.get(findIndexSS(structs, clock));
  }

  public static int findIndexCleanStart(
      Txn transaction, ArrayList<AbstractStruct> structs, long clock) {
    int index = findIndexSS(structs, clock);
    AbstractStruct struct = structs.get(index);
    if (struct.clock < clock && struct instanceof Item item) {
      insertAfter(
          transaction, structs, index, Item.splitItem(transaction, item, clock - struct.clock));
      return index + 1;
    }
    return index;
  }

  /** The struct starting at {@code id}, splitting an item if needed (may return a GC). */
  public static AbstractStruct getItemCleanStart(Txn transaction, long client, long clock) {
    ArrayList<AbstractStruct> structs = transaction.doc.store.clients.get(client);
    return structs.get(findIndexCleanStart(transaction, structs, clock));
  }

  /** The struct ending at {@code id}, splitting an item if needed (may return a GC). */
  public static AbstractStruct getItemCleanEnd(Txn transaction, long client, long clock) {
    ArrayList<AbstractStruct> structs = transaction.doc.store.clients.get(client);
    int index = findIndexSS(structs, clock);
    AbstractStruct struct = structs.get(index);
    if (clock != struct.clock + struct.length - 1 && !(struct instanceof GC)) {
      insertAfter(
          transaction,
          structs,
          index,
          Item.splitItem(transaction, (Item) struct, clock - struct.clock + 1));
    }
    return struct;
  }

  /**
   * Puts the right part of a split after {@code index}. The structs after it move up one place:
   * about 2^10 of them cost one work step (see {@link Txn#spend}).
   */
  public static void insertAfter(
      Txn transaction, ArrayList<AbstractStruct> structs, int index, AbstractStruct struct) {
    structs.add(index + 1, struct);
    // after adding: running out of work must leave the split whole for UndoLog to take back
    transaction.spend((structs.size() - index) >> SHIFTED_STRUCTS_PER_STEP_SHIFT);
  }

  public void replaceStruct(AbstractStruct struct, AbstractStruct newStruct) {
    ArrayList<AbstractStruct> structs = clients.get(struct.client);
    structs.set(findIndexSS(structs, struct.clock), newStruct);
  }

  public static void iterateStructs(
      Txn transaction,
      ArrayList<AbstractStruct> structs,
      long clockStart,
      long len,
      Consumer<AbstractStruct> f) {
    if (len == 0) {
      return;
    }
    long clockEnd = clockStart + len;
    int index = findIndexCleanStart(transaction, structs, clockStart);
    AbstractStruct struct;
    do {
      struct = structs.get(index++);
      if (clockEnd < struct.clock + struct.length) {
        findIndexCleanStart(transaction, structs, clockEnd);
      }
      f.accept(struct);
    } while (index < structs.size() && structs.get(index).clock < clockEnd);
  }
}
