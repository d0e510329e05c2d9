package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import java.util.List;

/** A byte array. Yjs src/structs/ContentBinary.js. */
public final class ContentBinary implements Content {
  public final byte[] content;

  public ContentBinary(byte[] content) {
    this.content = content;
  }

  @Override
  public long length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return List.of((Object) content.clone());
  }

  @Override
  public boolean countable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentBinary(content);
  }

  @Override
  public Content splice(long offset) {
    throw new UnsupportedOperationException("ContentBinary cannot be split");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeBuf(content);
  }

  @Override
  public int ref() {
    return REF_BINARY;
  }
}
