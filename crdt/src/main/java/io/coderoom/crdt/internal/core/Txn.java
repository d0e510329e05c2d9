package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.types.Branch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** State of one transaction. Yjs src/utils/Transaction.js (class Transaction). */
public final class Txn {
  public final DocCore doc;
  public final DeleteSet deleteSet = new DeleteSet();
  public final Map<Long, Long> beforeState;
  public Map<Long, Long> afterState = new LinkedHashMap<>();

  /** Changed types and the changed map keys ({@code null} = list changed). */
  public final LinkedHashMap<Branch, Set<String>> changed = new LinkedHashMap<>();

  /** Events per type, including those of descendants (for deep observers). */
  public final LinkedHashMap<Branch, List<Object>> changedParentTypes = new LinkedHashMap<>();

  public final ArrayList<AbstractStruct> mergeStructs = new ArrayList<>();
  public final Object origin;
  public boolean local;
  public boolean needFormattingCleanup;

  /** Memo of "this type or an ancestor has deep observers", filled during observer calls. */
  public java.util.IdentityHashMap<Branch, Boolean> deepObserved;

  /** The public Transaction object, created on first use. */
  public Object facade;

  /**
   * Steps of work this transaction may still do before it gives up with {@link WorkLimitExceeded};
   * unlimited unless it applies an update with a limit (see {@link #spend}).
   */
  private long workLeft = Long.MAX_VALUE;

  /** What to take back if the transaction gives up; present only while a limit applies. */
  UndoLog undoLog;

  Txn(DocCore doc, Object origin, boolean local) {
    this.doc = doc;
    this.beforeState = doc.store.getStateVector();
    this.origin = origin;
    this.local = local;
  }

  /** Yjs addChangedTypeToTransaction. */
  public void addChangedType(Branch type, String parentSub) {
    var item = type.item;
    if (item == null
        || (item.clock < beforeState.getOrDefault(item.client, 0L) && !item.deleted())) {
      changed.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(parentSub);
    }
  }

  /** Yjs nextID clock. */
  public long nextClock() {
    return doc.store.getState(doc.clientId);
  }

  /**
   * Counts work whose amount an update's author controls beyond its size: one step is about one
   * iteration of Yjs's conflict loop. Integration is linear in the update's size except for the
   * loops that call this, which hostile updates can make quadratic.
   *
   * @throws WorkLimitExceeded when the transaction runs out of steps
   */
  public void spend(long steps) {
    workLeft -= steps;
    if (workLeft < 0) {
      throw WorkLimitExceeded.INSTANCE;
    }
  }

  /** Gives the transaction a work limit and a log to take it back with. */
  void limitWork(long steps, UndoLog log) {
    workLeft = steps;
    undoLog = log;
  }

  /** The work is done: observers and cleanup run without limit and cannot be taken back. */
  void endLimit() {
    workLeft = Long.MAX_VALUE;
    undoLog = null;
  }

  /** The log of changes to take back if this transaction gives up, when it has a work limit. */
  public UndoLog undoLog() {
    return undoLog;
  }

  /** True if the struct was created in this transaction. */
  public boolean adds(long client, long clock) {
    return clock >= beforeState.getOrDefault(client, 0L);
  }
}
