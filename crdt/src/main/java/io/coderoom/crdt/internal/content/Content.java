package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.List;

/** Content of an item. Yjs AbstractContent (src/structs/Item.js). */
public sealed interface Content
    permits ContentAny,
        ContentBinary,
        ContentDeleted,
        ContentDoc,
        ContentEmbed,
        ContentFormat,
        ContentJSON,
        ContentString,
        ContentType {
  int REF_DELETED = 1;
  int REF_JSON = 2;
  int REF_BINARY = 3;
  int REF_STRING = 4;
  int REF_EMBED = 5;
  int REF_FORMAT = 6;
  int REF_TYPE = 7;
  int REF_ANY = 8;
  int REF_DOC = 9;

  long length();

  /** The values this content contributes to its parent (one per clock). */
  List<Object> getContent();

  /** The value at {@code index}, without materialising the whole content. */
  default Object get(int index) {
    return getContent().get(index);
  }

  boolean countable();

  Content copy();

  /** Cuts this content at {@code offset}; keeps the left part and returns the right part. */
  Content splice(long offset);

  boolean mergeWith(Content right);

  default void integrate(Txn transaction, Item item) {}

  default void delete(Txn transaction) {}

  default void gc(StructStore store) {}

  void write(UpdateEncoderV1 encoder, long offset);

  int ref();
}
