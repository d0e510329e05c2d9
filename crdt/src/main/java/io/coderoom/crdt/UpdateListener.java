package io.coderoom.crdt;

/** Receives the v1 update of every transaction that changed a document (Yjs 'update' event). */
@FunctionalInterface
public interface UpdateListener {
  void onUpdate(byte[] update, Object origin, Transaction transaction);
}
