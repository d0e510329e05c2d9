package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** JSON-like values written with lib0 writeAny. Yjs src/structs/ContentAny.js. */
public final class ContentAny implements Content {
  private ArrayList<Object> arr;

  public ContentAny(List<Object> arr) {
    this.arr = arr instanceof ArrayList<Object> a ? a : new ArrayList<>(arr);
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
  public Object get(int index) {
    return arr.get(index);
  }

  @Override
  public boolean countable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentAny(new ArrayList<>(arr));
  }

  @Override
  public Content splice(long offset) {
    int o = (int) offset;
    ContentAny right = new ContentAny(new ArrayList<>(arr.subList(o, arr.size())));
    arr = new ArrayList<>(arr.subList(0, o));
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    arr.addAll(((ContentAny) right).arr);
    return true;
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    int len = arr.size();
    encoder.writeLen(len - offset);
    for (int i = (int) offset; i < len; i++) {
      encoder.writeAny(arr.get(i));
    }
  }

  @Override
  public int ref() {
    return REF_ANY;
  }
}
