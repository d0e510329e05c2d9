package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.types.Branch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A change of one shared type within a transaction (Yjs YEvent). */
public abstract sealed class Event permits TextEvent, ArrayEvent, MapEvent {
  private final AbstractType target;
  AbstractType currentTarget;
  final Txn txn;

  Event(AbstractType target, Txn txn) {
    this.target = target;
    this.currentTarget = target;
    this.txn = txn;
  }

  /** The type whose observer receives this event (the observed ancestor for deep observers). */
  public AbstractType currentTarget() {
    return currentTarget;
  }

  /**
   * Path from {@link #currentTarget()} to {@link #target()}: map keys (String) and array indexes
   * (Integer), as Yjs YEvent.path.
   */
  public List<Object> path() {
    ArrayList<Object> path = new ArrayList<>();
    Branch parent = currentTarget.branch;
    Branch child = target.branch;
    while (child.item != null && child != parent) {
      Item item = child.item;
      if (item.parentSub != null) {
        path.add(item.parentSub);
      } else {
        long i = 0;
        for (Item c = item.parent.start; c != item && c != null; c = c.right) {
          if (!c.deleted() && c.countable()) {
            i += c.length;
          }
        }
        path.add((int) i);
      }
      child = item.parent;
    }
    Collections.reverse(path);
    return Collections.unmodifiableList(path);
  }

  /** The type that changed. */
  public AbstractType target() {
    return target;
  }

  public Transaction transaction() {
    return Transaction.of(txn);
  }

  void checkLive() {
    if (txn.doc.transactionCleanups.isEmpty()) {
      throw new IllegalStateException(
          "You must not compute changes after the event-handler fired.");
    }
  }
}
