package io.coderoom.crdt.sync;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.encoding.Lib0Writer;
import java.util.Objects;

/**
 * Encodes and decodes y-websocket frames byte-for-byte like y-protocols (sync.js, auth.js) and
 * y-websocket: {@code varUint type} then the body. Bytes after a complete message are ignored, as
 * lib0's decoder does.
 */
public final class SyncProtocol {
  private SyncProtocol() {}

  public static byte[] encode(Message message) {
    Objects.requireNonNull(message, "message");
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(message.type());
    switch (message) {
      case Message.Sync s -> {
        w.writeVarUint(s.message().type());
        w.writeVarUint8Array(s.message().payload());
      }
      case Message.AwarenessUpdate a -> w.writeVarUint8Array(a.update());
      case Message.PermissionDenied p -> {
        w.writeVarUint(Message.AUTH_PERMISSION_DENIED);
        w.writeVarString(p.reason());
      }
      case Message.QueryAwareness q -> {
        // the type is the whole message
      }
    }
    return w.toByteArray();
  }

  public static byte[] encode(SyncMessage message) {
    return encode(new Message.Sync(message));
  }

  public static Message decode(byte[] frame) throws ProtocolException {
    Objects.requireNonNull(frame, "frame");
    Lib0Reader r = new Lib0Reader(frame);
    try {
      long type = r.readVarUint();
      if (type == Message.MESSAGE_SYNC) {
        return new Message.Sync(readSyncMessage(r));
      } else if (type == Message.MESSAGE_AWARENESS) {
        return new Message.AwarenessUpdate(r.readVarUint8Array());
      } else if (type == Message.MESSAGE_AUTH) {
        long sub = r.readVarUint();
        if (sub != Message.AUTH_PERMISSION_DENIED) {
          throw new ProtocolException("unknown auth message type " + sub);
        }
        return new Message.PermissionDenied(r.readVarString());
      } else if (type == Message.MESSAGE_QUERY_AWARENESS) {
        return new Message.QueryAwareness();
      }
      throw new ProtocolException("unknown message type " + type);
    } catch (Lib0Exception | IndexOutOfBoundsException e) {
      throw new ProtocolException("malformed message: " + e.getMessage(), e);
    }
  }

  private static SyncMessage readSyncMessage(Lib0Reader r) throws ProtocolException {
    long sub = r.readVarUint();
    if (sub == SyncMessage.STEP1) {
      return new SyncMessage.Step1(r.readVarUint8Array());
    } else if (sub == SyncMessage.STEP2) {
      return new SyncMessage.Step2(r.readVarUint8Array());
    } else if (sub == SyncMessage.UPDATE) {
      return new SyncMessage.Update(r.readVarUint8Array());
    }
    throw new ProtocolException("unknown sync message type " + sub);
  }

  /** The step 1 frame a peer sends first: the document's state vector. */
  public static byte[] syncStep1(Doc doc) {
    return encode(new SyncMessage.Step1(doc.encodeStateVector()));
  }

  /** The step 2 frame answering a peer's state vector with everything that peer misses. */
  public static byte[] syncStep2(Doc doc, byte[] stateVector) throws ProtocolException {
    try {
      return encode(new SyncMessage.Step2(doc.encodeStateAsUpdate(stateVector)));
    } catch (UpdateException e) {
      throw new ProtocolException("malformed state vector in sync step 1: " + e.getMessage(), e);
    }
  }

  /** An update frame (sync type 2) carrying one Yjs v1 update. */
  public static byte[] update(byte[] update) {
    return encode(new SyncMessage.Update(update));
  }

  /** An awareness frame carrying an encoded awareness update. */
  public static byte[] awareness(byte[] awarenessUpdate) {
    return encode(new Message.AwarenessUpdate(awarenessUpdate));
  }

  public static byte[] permissionDenied(String reason) {
    return encode(new Message.PermissionDenied(reason));
  }

  public static byte[] queryAwareness() {
    return encode(new Message.QueryAwareness());
  }
}
