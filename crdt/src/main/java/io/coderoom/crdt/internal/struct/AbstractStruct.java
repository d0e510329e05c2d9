package io.coderoom.crdt.internal.struct;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;

/** Base of every struct: a run of {@code length} clocks of one client. Yjs AbstractStruct.js. */
public abstract sealed class AbstractStruct permits Item, GC, Skip {
  public final long client;
  public long clock;
  public long length;

  protected AbstractStruct(long client, long clock, long length) {
    this.client = client;
    this.clock = clock;
    this.length = length;
  }

  public final ID id() {
    return new ID(client, clock);
  }

  public abstract boolean deleted();

  public abstract boolean mergeWith(AbstractStruct right);

  public abstract void write(UpdateEncoderV1 encoder, long offset);

  public abstract void integrate(Txn transaction, long offset);

  /** The client whose structs are missing to integrate this one, or -1. */
  public abstract long getMissing(Txn transaction, StructStore store);
}
