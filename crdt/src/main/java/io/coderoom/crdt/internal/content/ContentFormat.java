package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import io.coderoom.crdt.internal.struct.Item;
import java.util.List;

/** A formatting mark (key/value) in a text. Yjs src/structs/ContentFormat.js. */
public final class ContentFormat implements Content {
  public final String key;
  public final Object value;

  public ContentFormat(String key, Object value) {
    this.key = key;
    this.value = value;
  }

  @Override
  public long length() {
    return 1;
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
    return new ContentFormat(key, value);
  }

  @Override
  public Content splice(long offset) {
    throw new UnsupportedOperationException("ContentFormat cannot be split");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void integrate(Txn transaction, Item item) {
    if (transaction.undoLog() != null) {
      transaction.undoLog().formatting(item.parent);
    }
    // search markers are unsupported for rich text documents (as in Yjs)
    item.parent.searchMarker = null;
    item.parent.hasFormatting = true;
    item.parent.hasFormatItems = true;
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeKey(key);
    encoder.writeJSON(value);
  }

  @Override
  public int ref() {
    return REF_FORMAT;
  }
}
