package io.coderoom.crdt.internal.struct;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;

/** A gap in an update (clocks this update does not carry). Yjs src/structs/Skip.js. */
public final class Skip extends AbstractStruct {
  public static final int REF = 10;

  public Skip(long client, long clock, long length) {
    super(client, clock, length);
  }

  @Override
  public boolean deleted() {
    return true;
  }

  @Override
  public boolean mergeWith(AbstractStruct right) {
    if (!(right instanceof Skip)) {
      return false;
    }
    length += right.length;
    return true;
  }

  @Override
  public void integrate(Txn transaction, long offset) {
    throw new IllegalStateException("Skip structs cannot be integrated");
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeInfo(REF);
    // Skips cannot use length prediction, hence a plain varUint (as Yjs)
    encoder.rest().writeVarUint(length - offset);
  }

  @Override
  public long getMissing(Txn transaction, StructStore store) {
    return -1;
  }
}
