package io.coderoom.crdt.sync;

/** A y-protocols message that is malformed, truncated, of an unknown type or not allowed. */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
