package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.internal.content.Contents;
import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.GC;
import io.coderoom.crdt.internal.struct.ID;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.Skip;

/** Reads one struct of the v1 format (shared by the update reader and the lazy reader). */
final class StructDecoding {
  private StructDecoding() {}

  static AbstractStruct readStruct(UpdateDecoderV1 decoder, long client, long clock) {
    int info = decoder.readInfo();
    AbstractStruct struct;
    if (info == Skip.REF) {
      long len = decoder.rest().readVarUint();
      struct = new Skip(client, clock, len);
    } else if ((info & Item.CONTENT_REF_MASK) == GC.REF) {
      long len = decoder.readLen();
      if (len <= 0) {
        throw new Lib0Exception("zero-length GC struct");
      }
      struct = new GC(client, clock, len);
    } else {
      boolean cantCopyParentInfo = (info & (Item.HAS_ORIGIN | Item.HAS_RIGHT_ORIGIN)) == 0;
      ID origin = (info & Item.HAS_ORIGIN) != 0 ? decoder.readLeftID() : null;
      ID rightOrigin = (info & Item.HAS_RIGHT_ORIGIN) != 0 ? decoder.readRightID() : null;
      String parentKey = null;
      ID parentId = null;
      if (cantCopyParentInfo) {
        if (decoder.readParentInfo()) {
          parentKey = decoder.readString();
        } else {
          parentId = decoder.readLeftID();
        }
      }
      String parentSub =
          cantCopyParentInfo && (info & Item.HAS_PARENT_SUB) != 0 ? decoder.readString() : null;
      Item item =
          new Item(
              client,
              clock,
              null,
              origin,
              null,
              rightOrigin,
              null,
              parentSub,
              Contents.read(decoder, info));
      item.parentKey = parentKey;
      item.parentId = parentId;
      // an item can only reference older clocks of its own client
      if (selfReference(origin, client, clock)
          || selfReference(rightOrigin, client, clock)
          || selfReference(parentId, client, clock)) {
        throw new Lib0Exception("item " + client + ":" + clock + " references its own future");
      }
      struct = item;
    }
    if (clock + struct.length > Lib0Reader.MAX_SAFE_INTEGER) {
      throw new Lib0Exception("Integer out of Range");
    }
    return struct;
  }

  private static boolean selfReference(ID id, long client, long clock) {
    return id != null && id.client() == client && id.clock() >= clock;
  }

  static void checkCount(UpdateDecoderV1 decoder, long count) {
    if (count > decoder.rest().remaining()) {
      throw new Lib0Exception("Unexpected end of array");
    }
  }
}
