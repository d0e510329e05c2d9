package io.coderoom.runner.agent.sandbox;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One output stream of a run: turns the bytes a program writes into text that every later step can
 * relay, show and store as it is, keeps it up to a cap, and says when the program wrote more.
 *
 * <p>A program may write any bytes. Invalid UTF-8 becomes U+FFFD (a character split between two
 * chunks is kept whole); control characters other than tab, newline and carriage return become
 * visible: C0 controls as their Unicode control pictures (NUL as U+2400 "␀", ESC as U+241B "␛"),
 * DEL as U+2421, and C1 controls as U+FFFD. So no NUL reaches PostgreSQL (its {@code text} and
 * {@code jsonb} refuse it), no escape sequence reaches a terminal or console, and nothing the
 * program wrote is invisible.
 *
 * <p>The cap counts the UTF-8 bytes of the text kept, so what is relayed and stored stays within it
 * whatever the program wrote (a control character takes three bytes once visible).
 */
final class OutputCapture {
  /** The most bytes of one character left undecoded at the end of a chunk. */
  private static final int MAX_SPLIT = 3;

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
    // A character never takes fewer bytes as text than it was written with (U+FFFD and the control
    // pictures take three), so more than the room left cannot fit: decode only that much.
    long room = limitBytes - bytes;
    int take = (int) Math.min(chunk.length, room);
    ByteBuffer in = ByteBuffer.allocate(pending.remaining() + take);
    in.put(pending).put(chunk, 0, take).flip();
    CharBuffer decoded = CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, decoded, false);
    decoded.flip();
    pending = in.remaining() <= MAX_SPLIT ? in.slice() : ByteBuffer.allocate(0);
    StringBuilder added = new StringBuilder(decoded.remaining());
    while (decoded.hasRemaining()) {
      char c = decoded.get();
      if (Character.isHighSurrogate(c)
          && decoded.hasRemaining()
          && Character.isLowSurrogate(decoded.get(decoded.position()))) {
        // A character outside the BMP: four bytes.
        if (room < 4) {
          truncated = true;
          break;
        }
        added.append(c).append(decoded.get());
        room -= 4;
        continue;
      }
      char shown = visible(c);
      int size = utf8Size(shown);
      if (size > room) {
        truncated = true;
        break;
      }
      added.append(shown);
      room -= size;
    }
    if (take < chunk.length) {
      // The rest would need more bytes than are left (see above).
      truncated = true;
    }
    if (truncated) {
      pending = ByteBuffer.allocate(0);
    }
    bytes = limitBytes - room;
    text.append(added);
    return added.toString();
  }

  /**
   * All text kept so far; bytes of a character the program never finished count as one U+FFFD when
   * it fits.
   */
  synchronized String text() {
    if (pending.hasRemaining() && bytes + utf8Size('\uFFFD') <= limitBytes) {
      return text + "\uFFFD";
    }
    return text.toString();
  }

  synchronized boolean truncated() {
    return truncated;
  }

  /** How a decoded character is shown: itself, or a visible stand-in for a control character. */
  static char visible(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return c;
    }
    if (c < 0x20) {
      return (char) (0x2400 + c);
    }
    if (c == 0x7f) {
      return '\u2421';
    }
    if ((c >= 0x80 && c <= 0x9f) || Character.isSurrogate(c)) {
      return '\uFFFD';
    }
    return c;
  }

  private static int utf8Size(char c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
}
