package io.coderoom.crdt.internal.core;

/**
 * Thrown inside a transaction that ran out of work steps (see {@link Txn#spend}); the transaction
 * is then taken back. One shared instance without a stack trace: it is control flow, thrown deep
 * inside integration and caught where the update was applied.
 */
public final class WorkLimitExceeded extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final WorkLimitExceeded INSTANCE = new WorkLimitExceeded();

  private WorkLimitExceeded() {
    super("the update needs more work than allowed", null, false, false);
  }
}
