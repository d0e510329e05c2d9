package io.coderoom.crdt;

/** A Yjs update or state vector could not be decoded; the document was left unchanged. */
public final class UpdateException extends Exception {
  private static final long serialVersionUID = 1L;

  public UpdateException(String message) {
    super(message);
  }

  public UpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
