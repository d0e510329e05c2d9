package io.coderoom.crdt.internal.struct;

/** A struct id: client (unsigned 32-bit) and clock. Yjs src/utils/ID.js. */
public record ID(long client, long clock) {
  public static boolean equal(ID a, ID b) {
    return a == b || (a != null && b != null && a.client == b.client && a.clock == b.clock);
  }
}
