package io.coderoom.runner.agent.sandbox;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One output stream of a run: keeps up to a byte cap, decodes UTF-8 across chunk boundaries, and
 * says when the program wrote more than the cap.
 */
final class OutputCapture {
  private final long limitBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final StringBuilder text = new StringBuilder();
  private ByteBuffer pending = ByteBuffer.allocate(0);
  private long bytes;
  private boolean truncated;

  OutputCapture(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  /**
   * Adds a chunk; returns the newly decoded text within the cap (possibly empty). After the cap is
   * passed, {@link #truncated()} is true and nothing more is kept.
   */
  synchronized String append(byte[] chunk) {
    if (truncated) {
      return "";
    }
    int keep = chunk.length;
    if (bytes + chunk.length > limitBytes) {
      keep = (int) (limitBytes - bytes);
      truncated = true;
    }
    bytes += keep;
    ByteBuffer in = ByteBuffer.allocate(pending.remaining() + keep);
    in.put(pending).put(chunk, 0, keep).flip();
    CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, out, truncated);
    pending = in.slice();
    out.flip();
    String decoded = out.toString();
    text.append(decoded);
    return decoded;
  }

  synchronized String text() {
    return text.toString();
  }

  synchronized boolean truncated() {
    return truncated;
  }
}
