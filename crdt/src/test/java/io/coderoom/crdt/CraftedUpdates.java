package io.coderoom.crdt;

import io.coderoom.crdt.encoding.Lib0Writer;

/**
 * Hand-written v1 updates that make Yjs's conflict resolution quadratic, as a hostile peer would
 * send them. Every item is valid: the update applies in Yjs and here, it just needs O(n²) steps.
 *
 * <p>The text updates put n items at one spot of the text: each has the same left neighbour (the
 * "A" of an anchor run "A" + n × "B") and a different right neighbour (the k-th "B"), so Yjs's
 * conflict loop ({@code Item.integrate}) walks past every earlier one. The map update sets one key
 * n times without origins, so every item walks to the leftmost entry of the key.
 */
public final class CraftedUpdates {
  /** Client id of the anchor run. */
  public static final long ANCHOR_CLIENT = 1;

  private static final int INFO_STRING = 4;
  private static final int HAS_ORIGIN = 0x80;
  private static final int HAS_RIGHT_ORIGIN = 0x40;
  private static final int HAS_PARENT_SUB = 0x20;

  private CraftedUpdates() {}

  /**
   * The anchor run ("A" then n × "B", two structs of {@link #ANCHOR_CLIENT}) in root text {@code
   * text} and n one-character items from n clients, all after the "A", each before its own "B".
   */
  public static byte[] concurrentAtOneSpot(String text, int n) {
    Lib0Writer w = new Lib0Writer(n * 16 + 64);
    w.writeVarUint(n + 1); // clients
    writeAnchor(w, text, n);
    writeConcurrentItems(w, n, 2);
    w.writeVarUint(0); // no deletes
    return w.toByteArray();
  }

  /** {@link #concurrentAtOneSpot} without the anchor run: every item waits for it. */
  public static byte[] concurrentWithoutAnchor(int n, long firstClient) {
    Lib0Writer w = new Lib0Writer(n * 16 + 16);
    w.writeVarUint(n);
    writeConcurrentItems(w, n, firstClient);
    w.writeVarUint(0);
    return w.toByteArray();
  }

  /** Only the anchor run of {@link #concurrentAtOneSpot}. */
  public static byte[] anchor(String text, int n) {
    Lib0Writer w = new Lib0Writer(n + 64);
    w.writeVarUint(1);
    writeAnchor(w, text, n);
    w.writeVarUint(0);
    return w.toByteArray();
  }

  /** The anchor run and n items of one client, each after the "A" and before its own "B". */
  public static byte[] oneClientAtOneSpot(String text, int n) {
    Lib0Writer w = new Lib0Writer(n * 8 + 64);
    w.writeVarUint(2);
    writeAnchor(w, text, n);
    w.writeVarUint(n); // structs
    w.writeVarUint(2); // client
    w.writeVarUint(0); // clock
    for (int k = 0; k < n; k++) {
      w.writeUint8(INFO_STRING | HAS_ORIGIN | HAS_RIGHT_ORIGIN);
      w.writeVarUint(ANCHOR_CLIENT);
      w.writeVarUint(0);
      w.writeVarUint(ANCHOR_CLIENT);
      w.writeVarUint(k + 1L);
      w.writeVarString("x");
    }
    w.writeVarUint(0);
    return w.toByteArray();
  }

  /** Key {@code key} of root map {@code map} set n times by n clients, none naming an origin. */
  public static byte[] mapKeyOverwrites(String map, String key, int n) {
    Lib0Writer w = new Lib0Writer(n * 12 + 16);
    w.writeVarUint(n);
    for (int k = 0; k < n; k++) {
      w.writeVarUint(1); // structs
      w.writeVarUint(2L + k); // client
      w.writeVarUint(0); // clock
      w.writeUint8(INFO_STRING | HAS_PARENT_SUB);
      w.writeVarUint(1); // parent is a root type, by name
      w.writeVarString(map);
      w.writeVarString(key);
      w.writeVarString("x");
    }
    w.writeVarUint(0);
    return w.toByteArray();
  }

  /**
   * One run of {@code length} characters (client {@link #ANCHOR_CLIENT}) and n items of one client
   * placed at its end, one character further left each: every item splits the run near its end,
   * which copies the long left part.
   */
  public static byte[] splitsOfOneLongRun(String text, int length, int n) {
    Lib0Writer w = new Lib0Writer(length + n * 12 + 64);
    w.writeVarUint(2);
    w.writeVarUint(1); // structs
    w.writeVarUint(ANCHOR_CLIENT);
    w.writeVarUint(0);
    w.writeUint8(INFO_STRING);
    w.writeVarUint(1);
    w.writeVarString(text);
    w.writeVarString("x".repeat(length));
    w.writeVarUint(n);
    w.writeVarUint(2);
    w.writeVarUint(0);
    for (int k = 1; k <= n; k++) {
      w.writeUint8(INFO_STRING | HAS_ORIGIN | HAS_RIGHT_ORIGIN);
      w.writeVarUint(ANCHOR_CLIENT);
      w.writeVarUint((long) length - 1 - k);
      w.writeVarUint(ANCHOR_CLIENT);
      w.writeVarUint((long) length - k);
      w.writeVarString("y");
    }
    w.writeVarUint(0);
    return w.toByteArray();
  }

  private static void writeAnchor(Lib0Writer w, String text, int n) {
    w.writeVarUint(2); // structs
    w.writeVarUint(ANCHOR_CLIENT);
    w.writeVarUint(0); // clock
    w.writeUint8(INFO_STRING); // no origins: the parent follows
    w.writeVarUint(1);
    w.writeVarString(text);
    w.writeVarString("A");
    w.writeUint8(INFO_STRING | HAS_ORIGIN);
    w.writeVarUint(ANCHOR_CLIENT);
    w.writeVarUint(0);
    w.writeVarString("B".repeat(n));
  }

  private static void writeConcurrentItems(Lib0Writer w, int n, long firstClient) {
    for (int k = 0; k < n; k++) {
      w.writeVarUint(1); // structs
      w.writeVarUint(firstClient + k);
      w.writeVarUint(0); // clock
      w.writeUint8(INFO_STRING | HAS_ORIGIN | HAS_RIGHT_ORIGIN);
      w.writeVarUint(ANCHOR_CLIENT);
      w.writeVarUint(0); // after the "A"
      // Yjs integrates the highest client first: it gets the first "B", so every later item
      // walks past all earlier ones and the "B"s they split off.
      w.writeVarUint(ANCHOR_CLIENT);
      w.writeVarUint((long) n - k); // before the (n-k)-th "B"
      w.writeVarString("x");
    }
  }
}
