package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;

/** A group of changes applied together; observers and update listeners run once at its end. */
public final class Transaction {
  final Txn txn;

  private Transaction(Txn txn) {
    this.txn = txn;
  }

  static Transaction of(Txn txn) {
    if (txn.facade == null) {
      txn.facade = new Transaction(txn);
    }
    return (Transaction) txn.facade;
  }

  public Doc doc() {
    return (Doc) txn.doc.facade;
  }

  /** The origin given to {@link Doc#transact} or {@link Doc#applyUpdate}; may be null. */
  public Object origin() {
    return txn.origin;
  }

  /** True for local changes, false for applied updates. */
  public boolean local() {
    return txn.local;
  }
}
