package io.coderoom.crdt.encoding;

/** Malformed, truncated or out-of-range lib0 input. Unchecked; the public API wraps it. */
public final class Lib0Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Lib0Exception(String message) {
    super(message);
  }

  static Lib0Exception unexpectedEnd() {
    return new Lib0Exception("Unexpected end of array");
  }
}
