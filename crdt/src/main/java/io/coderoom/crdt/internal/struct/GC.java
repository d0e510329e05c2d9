package io.coderoom.crdt.internal.struct;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;

/** A garbage-collected run of clocks. Yjs src/structs/GC.js. */
public final class GC extends AbstractStruct {
  public static final int REF = 0;

  public GC(long client, long clock, long length) {
    super(client, clock, length);
  }

  @Override
  public boolean deleted() {
    return true;
  }

  @Override
  public boolean mergeWith(AbstractStruct right) {
    if (!(right instanceof GC)) {
      return false;
    }
    length += right.length;
    return true;
  }

  @Override
  public void integrate(Txn transaction, long offset) {
    if (offset > 0) {
      clock += offset;
      length -= offset;
    }
    transaction.doc.store.addStruct(this);
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeInfo(REF);
    encoder.writeLen(length - offset);
  }

  @Override
  public long getMissing(Txn transaction, StructStore store) {
    return -1;
  }
}
