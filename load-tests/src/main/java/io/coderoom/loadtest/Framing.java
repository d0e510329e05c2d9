package io.coderoom.loadtest;

import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.encoding.Lib0Writer;
import java.util.List;
import java.util.Optional;

/**
 * How a server wraps y-websocket messages on the wire: plain (y-websocket, Coderoom), or
 * Hocuspocus's, which prefixes every message with the document name and wants an auth message
 * first.
 */
sealed interface Framing permits Framing.Plain, Framing.Hocuspocus {
  /** Messages to send before anything else. */
  List<byte[]> hello();

  byte[] wrap(byte[] message);

  /** The y-websocket message inside a frame, or empty for frames of the server's own. */
  Optional<byte[]> unwrap(byte[] frame);

  record Plain() implements Framing {
    @Override
    public List<byte[]> hello() {
      return List.of();
    }

    @Override
    public byte[] wrap(byte[] message) {
      return message;
    }

    @Override
    public Optional<byte[]> unwrap(byte[] frame) {
      return Optional.of(frame);
    }
  }

  /** Hocuspocus 3 (packages/server/src/types.ts, packages/common/src/auth.ts). */
  record Hocuspocus(String documentName) implements Framing {
    private static final int SYNC = 0;
    private static final int AUTH = 2;
    private static final int SYNC_REPLY = 4;
    private static final int AUTH_TOKEN = 0;

    @Override
    public List<byte[]> hello() {
      Lib0Writer auth = new Lib0Writer();
      auth.writeVarString(documentName);
      auth.writeVarUint(AUTH);
      auth.writeVarUint(AUTH_TOKEN);
      auth.writeVarString("");
      return List.of(auth.toByteArray());
    }

    @Override
    public byte[] wrap(byte[] message) {
      Lib0Writer framed = new Lib0Writer(message.length + documentName.length() + 4);
      framed.writeVarString(documentName);
      framed.writeUint8Array(message);
      return framed.toByteArray();
    }

    @Override
    public Optional<byte[]> unwrap(byte[] frame) {
      Lib0Reader reader = new Lib0Reader(frame);
      reader.readVarString();
      int type = (int) reader.readVarUint();
      if (type != SYNC && type != SYNC_REPLY) {
        return Optional.empty(); // auth replies, awareness, sync status: not measured
      }
      Lib0Writer message = new Lib0Writer(reader.remaining() + 1);
      message.writeVarUint(SYNC);
      message.writeUint8Array(reader.readTailAsUint8Array());
      return Optional.of(message.toByteArray());
    }
  }
}
