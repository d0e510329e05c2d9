package io.coderoom.crdt.sync;

import java.util.Arrays;
import java.util.Objects;

/**
 * One frame of the y-websocket protocol: a varUint message type followed by its body (y-websocket's
 * messageSync, messageAwareness, messageAuth, messageQueryAwareness).
 */
public sealed interface Message {
  int MESSAGE_SYNC = 0;
  int MESSAGE_AWARENESS = 1;
  int MESSAGE_AUTH = 2;
  int MESSAGE_QUERY_AWARENESS = 3;

  /** y-protocols/auth.js messagePermissionDenied. */
  int AUTH_PERMISSION_DENIED = 0;

  /** The y-websocket message type on the wire. */
  int type();

  /** A sync message (type 0). */
  record Sync(SyncMessage message) implements Message {
    public Sync {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public int type() {
      return MESSAGE_SYNC;
    }
  }

  /** An awareness update (type 1), kept encoded; see {@link Awareness#applyUpdate}. */
  record AwarenessUpdate(byte[] update) implements Message {
    public AwarenessUpdate {
      Objects.requireNonNull(update, "update");
    }

    @Override
    public int type() {
      return MESSAGE_AWARENESS;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AwarenessUpdate a && Arrays.equals(update, a.update);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(update);
    }

    @Override
    public String toString() {
      return "AwarenessUpdate[" + update.length + " bytes]";
    }
  }

  /** Auth message (type 2) with sub-type 0: the server refused the client, with a reason. */
  record PermissionDenied(String reason) implements Message {
    public PermissionDenied {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int type() {
      return MESSAGE_AUTH;
    }
  }

  /** Query awareness (type 3): "send me every awareness state you know". */
  record QueryAwareness() implements Message {
    @Override
    public int type() {
      return MESSAGE_QUERY_AWARENESS;
    }
  }
}
