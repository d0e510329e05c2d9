package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.internal.struct.AbstractStruct;
import java.util.List;

/** Decoded structs of one client and a read cursor (Yjs {i, refs}). */
final class StructRefs {
  int i;
  List<AbstractStruct> refs;

  StructRefs(List<AbstractStruct> refs) {
    this.refs = refs;
  }
}
