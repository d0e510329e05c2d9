package io.coderoom.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A binary WebSocket message framed once (RFC 6455 §5.2; a server's frames are unmasked), so a
 * broadcast writes the same bytes to every socket instead of encoding a frame per socket. The
 * pipeline's frame encoder lets a plain buffer through untouched; the server offers no extensions
 * (no compression), so these bytes are exactly what the encoder would write.
 */
public final class PreFramed {
  private static final int FIN_BINARY = 0x82;

  private PreFramed() {}

  /** The whole frame for {@code payload}; the caller owns the returned buffer. */
  public static ByteBuf binary(byte[] payload) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    // Direct memory from the pool: sockets write it as it is, without a copy per recipient.
    ByteBuf frame = ByteBufAllocator.DEFAULT.directBuffer(header + length);
    frame.writeByte(FIN_BINARY);
    if (length < 126) {
      frame.writeByte(length);
    } else if (length <= 0xFFFF) {
      frame.writeByte(126);
      frame.writeShort(length);
    } else {
      frame.writeByte(127);
      frame.writeLong(length);
    }
    frame.writeBytes(payload);
    return frame;
  }
}
