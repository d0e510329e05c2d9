package io.coderoom.crdt;

/**
 * A Yjs update or state vector could not be decoded, or an update needed too much work to apply
 * ({@link UpdateTooCostlyException}); the document was left unchanged.
 */
public sealed class UpdateException extends Exception permits UpdateTooCostlyException {
  private static final long serialVersionUID = 1L;

  public UpdateException(String message) {
    super(message);
  }

  public UpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
