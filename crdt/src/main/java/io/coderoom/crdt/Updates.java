package io.coderoom.crdt;

import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.internal.core.UpdateCodec;
import io.coderoom.crdt.internal.core.UpdateMerger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Document-free v1 update utilities, byte-identical to Yjs src/utils/updates.js. */
public final class Updates {
  private Updates() {}

  /** Y.mergeUpdates. */
  public static byte[] merge(List<byte[]> updates) throws UpdateException {
    Objects.requireNonNull(updates, "updates");
    try {
      return UpdateMerger.mergeUpdates(updates);
    } catch (Lib0Exception | IllegalStateException | UnsupportedOperationException e) {
      throw new UpdateException("Malformed Yjs update: " + e.getMessage(), e);
    }
  }

  /** Y.diffUpdate: the part of {@code update} a peer with {@code stateVector} is missing. */
  public static byte[] diff(byte[] update, byte[] stateVector) throws UpdateException {
    try {
      return UpdateMerger.diffUpdate(update, stateVector);
    } catch (Lib0Exception | IllegalStateException | UnsupportedOperationException e) {
      throw new UpdateException("Malformed Yjs update: " + e.getMessage(), e);
    }
  }

  /** Y.encodeStateVectorFromUpdate. */
  public static byte[] stateVectorFromUpdate(byte[] update) throws UpdateException {
    try {
      return UpdateMerger.encodeStateVectorFromUpdate(update);
    } catch (Lib0Exception | IllegalStateException e) {
      throw new UpdateException("Malformed Yjs update: " + e.getMessage(), e);
    }
  }

  public static Map<Long, Long> decodeStateVector(byte[] stateVector) throws UpdateException {
    try {
      return Collections.unmodifiableMap(UpdateCodec.decodeStateVector(stateVector));
    } catch (Lib0Exception e) {
      throw new UpdateException("Malformed state vector: " + e.getMessage(), e);
    }
  }

  public static byte[] encodeStateVector(Map<Long, Long> stateVector) {
    return UpdateCodec.encodeStateVector(stateVector);
  }
}
