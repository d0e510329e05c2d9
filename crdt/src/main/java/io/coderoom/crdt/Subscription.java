package io.coderoom.crdt;

/** Handle of a registered listener; {@link #close()} unregisters it (idempotent). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
