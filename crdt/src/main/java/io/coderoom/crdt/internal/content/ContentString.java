package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import java.util.ArrayList;
import java.util.List;

/** A run of UTF-16 code units. Yjs src/structs/ContentString.js. */
public final class ContentString implements Content {
  private static final String REPLACEMENT = "\uFFFD";

  public String str;

  public ContentString(String str) {
    this.str = str;
  }

  @Override
  public long length() {
    return str.length();
  }

  @Override
  public List<Object> getContent() {
    List<Object> out = new ArrayList<>(str.length());
    for (int i = 0; i < str.length(); i++) {
      out.add(String.valueOf(str.charAt(i)));
    }
    return out;
  }

  @Override
  public Object get(int index) {
    return String.valueOf(str.charAt(index));
  }

  @Override
  public boolean countable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentString(str);
  }

  @Override
  public Content splice(long offset) {
    int o = (int) offset;
    ContentString right = new ContentString(str.substring(o));
    str = str.substring(0, o);
    // Splitting a surrogate pair would encode an invalid document (yjs#248): replace both halves
    char firstCharCode = str.charAt(o - 1);
    if (firstCharCode >= 0xD800 && firstCharCode <= 0xDBFF) {
      str = str.substring(0, o - 1) + REPLACEMENT;
      right.str = REPLACEMENT + (right.str.isEmpty() ? "" : right.str.substring(1));
    }
    return right;
  }

  @Override
  public boolean mergeWith(Content right) {
    str = str.concat(((ContentString) right).str);
    return true;
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeString(offset == 0 ? str : str.substring((int) offset));
  }

  @Override
  public int ref() {
    return REF_STRING;
  }
}
