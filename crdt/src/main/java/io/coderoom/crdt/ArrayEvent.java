package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.ListDelta;
import java.util.List;

/** Change of a {@link YArray} or an XML fragment (Yjs YArrayEvent). */
public final class ArrayEvent extends Event {
  private List<Delta> delta;

  ArrayEvent(AbstractType target, Txn txn) {
    super(target, txn);
  }

  /** The change as a delta of inserts (lists), retains and deletes. */
  public List<Delta> delta() {
    if (delta == null) {
      checkLive();
      delta = List.copyOf(ListDelta.of(txn, target().branch));
    }
    return delta;
  }
}
