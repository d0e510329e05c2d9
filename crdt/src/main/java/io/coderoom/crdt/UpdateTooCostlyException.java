package io.coderoom.crdt;

/**
 * An update would need more work to apply than its work limit allows (see {@link
 * Doc#applyUpdate(byte[], Object, long)}); it was refused and the document was left unchanged.
 */
public final class UpdateTooCostlyException extends UpdateException {
  private static final long serialVersionUID = 1L;

  private final long workLimit;

  UpdateTooCostlyException(long workLimit) {
    super(
        "The update needs more than "
            + workLimit
            + " steps of work to apply (many concurrent changes at one place); it was refused");
    this.workLimit = workLimit;
  }

  /** The limit the update exceeded. */
  public long workLimit() {
    return workLimit;
  }
}
