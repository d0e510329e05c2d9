package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import io.coderoom.crdt.internal.struct.Item;
import java.util.List;

/** Placeholder for deleted (collected) content of a given length. Yjs ContentDeleted.js. */
public final class ContentDeleted implements Content {
  private long len;

  public ContentDeleted(long len) {
    this.len = len;
  }

  @Override
  public long length() {
    return len;
  }

  @Override
  public List<Object> getContent() {
    return List.of();
  }

  @Override
  public boolean countable() {
    return false;
  }

  @Override
  public Content copy() {
    return new ContentDeleted(len);
  }

  @Override
  public Content splice(long offset) {
    ContentDeleted right = new ContentDeleted(len - offset);
    len = offset;
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    len += ((ContentDeleted) right).len;
    return true;
  }

  @Override
  public void integrate(Txn transaction, Item item) {
    transaction.deleteSet.add(item.client, item.clock, len);
    item.markDeleted();
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeLen(len - offset);
  }

  @Override
  public int ref() {
    return REF_DELETED;
  }
}
