package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.struct.Item;

/** A cached (item, index) position of a list. Yjs ArraySearchMarker (AbstractType.js). */
public final class SearchMarker {
  public Item p;
  public long index;
  public long timestamp;

  SearchMarker(Item p, long index, long timestamp) {
    p.marker(true);
    this.p = p;
    this.index = index;
    this.timestamp = timestamp;
  }
}
