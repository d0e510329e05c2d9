package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.encoding.Lib0Any;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Legacy JSON values (one JSON string per value). Yjs src/structs/ContentJSON.js. */
public final class ContentJSON implements Content {
  private ArrayList<Object> arr;

  public ContentJSON(List<Object> arr) {
    this.arr = new ArrayList<>(arr);
  }

  @Override
  public long length() {
    return arr.size();
  }

  @Override
  public List<Object> getContent() {
    return Collections.unmodifiableList(arr);
  }

  @Override
  public boolean countable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentJSON(arr);
  }

  @Override
  public Content splice(long offset) {
    int o = (int) offset;
    ContentJSON right = new ContentJSON(arr.subList(o, arr.size()));
    arr = new ArrayList<>(arr.subList(0, o));
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    arr.addAll(((ContentJSON) right).arr);
    return true;
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    int len = arr.size();
    encoder.writeLen(len - offset);
    for (int i = (int) offset; i < len; i++) {
      Object c = arr.get(i);
      encoder.writeString(c == Lib0Any.UNDEFINED ? "undefined" : JsonWriter.stringify(c));
    }
  }

  @Override
  public int ref() {
    return REF_JSON;
  }
}
