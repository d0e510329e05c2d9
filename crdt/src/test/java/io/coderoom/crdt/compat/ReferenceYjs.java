package io.coderoom.crdt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

/**
 * What the reference Yjs makes of updates, for checks of input the Java side accepted: an update
 * Java takes must leave the document Yjs leaves, byte for byte, and must be one Yjs takes too.
 */
public final class ReferenceYjs {
  private static final String DOC = "reference";

  private ReferenceYjs() {}

  /**
   * The encoded state of a fresh Yjs document ({@code clientId}, {@code gc}) after applying the
   * updates in order, or empty if Yjs throws on one of them.
   */
  public static Optional<byte[]> stateAfter(long clientId, boolean gc, List<byte[]> updates) {
    YjsHarness yjs = YjsHarness.shared();
    yjs.call("newDoc", "doc", DOC, "clientId", clientId, "gc", gc);
    try {
      for (byte[] update : updates) {
        yjs.call("applyUpdate", "doc", DOC, "update", YjsHarness.b64(update));
      }
      return Optional.of(yjs.bytes("encodeStateAsUpdate", "doc", DOC));
    } catch (YjsHarness.HarnessException refused) {
      return Optional.empty();
    } finally {
      yjs.call("destroyDoc", "doc", DOC);
    }
  }

  /**
   * Fails unless Yjs, given the same updates, takes them all and ends with {@code javaState}: what
   * a Java document that accepted them encodes.
   */
  public static void assertSameState(
      String where, long clientId, boolean gc, List<byte[]> updates, byte[] javaState) {
    Optional<byte[]> yjs = stateAfter(clientId, gc, updates);
    assertThat(yjs).as("%s: Java accepted an update that Yjs refuses", where).isPresent();
    Peer.assertSameBytes(where + ": state after an accepted update", javaState, yjs.get());
  }
}
