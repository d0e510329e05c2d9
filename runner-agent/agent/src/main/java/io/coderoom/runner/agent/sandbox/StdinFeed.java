package io.coderoom.runner.agent.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The stdin of an exec as docker-java reads it: text queued by the agent, handed over in the order
 * it was written. docker-java copies it to the exec's attached stream on its own thread, flushing
 * after every read, so each write reaches the program at once. The end is the agent's (after the
 * exec ended): Docker does not close an exec's stdin when docker-java half-closes the stream, so
 * the programs fed this way are told the end in their input.
 */
final class StdinFeed extends InputStream {
  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int position;
  private volatile boolean ended;

  void write(String text) {
    if (!ended && !text.isEmpty()) {
      chunks.add(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Ends the stream, so docker-java's copying thread finishes. */
  void end() {
    ended = true;
    chunks.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == current.length) {
      if (current == END) {
        return -1;
      }
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("stdin feed interrupted");
      }
      position = 0;
      if (current == END) {
        return -1;
      }
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, n);
    position += n;
    return n;
  }
}
