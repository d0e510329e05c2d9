package io.coderoom.crdt.sync;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import java.util.List;
import java.util.Objects;

/**
 * The sync side of one connection, as a y-websocket server runs it (y-protocols/sync.js
 * readSyncMessage): send step 1 on open, answer the peer's step 1 with step 2, apply the peer's
 * step 2 and updates to the document with this session as the transaction origin. A read-only
 * session never applies what the peer sends and reports it as rejected instead.
 *
 * <p>Not thread-safe: drive it on the thread that owns the document.
 */
public final class SyncSession {
  private final Doc doc;
  private final boolean readOnly;
  private boolean synced;

  private SyncSession(Doc doc, boolean readOnly) {
    this.doc = Objects.requireNonNull(doc, "doc");
    this.readOnly = readOnly;
  }

  /** A session whose peer may edit the document. */
  public static SyncSession of(Doc doc) {
    return new SyncSession(doc, false);
  }

  /** A session whose peer only watches: its step 2 and updates are never applied. */
  public static SyncSession readOnly(Doc doc) {
    return new SyncSession(doc, true);
  }

  public Doc doc() {
    return doc;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  /** True once the peer's step 2 has arrived, like y-websocket's {@code synced}. */
  public boolean synced() {
    return synced;
  }

  /** The frame to send when the connection opens: step 1 with the document's state vector. */
  public byte[] start() {
    return SyncProtocol.syncStep1(doc);
  }

  /**
   * Handles one sync message from the peer.
   *
   * @throws ProtocolException if the payload is malformed; the document is then unchanged
   */
  public Outcome receive(SyncMessage message) throws ProtocolException {
    Objects.requireNonNull(message, "message");
    switch (message) {
      case SyncMessage.Step1 s -> {
        return new Outcome(List.of(SyncProtocol.syncStep2(doc, s.stateVector())), false, false);
      }
      case SyncMessage.Step2 s -> {
        Outcome o = apply(s.update(), "sync step 2");
        synced = true;
        return o;
      }
      case SyncMessage.Update u -> {
        return apply(u.update(), "update");
      }
    }
  }

  private Outcome apply(byte[] update, String what) throws ProtocolException {
    if (readOnly) {
      return new Outcome(List.of(), false, true);
    }
    try {
      doc.applyUpdate(update, this);
    } catch (UpdateException e) {
      throw new ProtocolException("malformed " + what + ": " + e.getMessage(), e);
    }
    return new Outcome(List.of(), true, false);
  }

  /**
   * What handling a message did.
   *
   * @param replies frames to send back to the peer, in order
   * @param applied the peer's update was applied to the document (its changes reach the document's
   *     update listeners with this session as origin)
   * @param rejected the session is read-only and dropped the peer's update
   */
  public record Outcome(List<byte[]> replies, boolean applied, boolean rejected) {
    public Outcome {
      replies = List.copyOf(replies);
    }
  }
}
