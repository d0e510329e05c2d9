package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.encoding.Lib0Exception;
import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.internal.content.JsonParser;
import io.coderoom.crdt.internal.struct.ID;

/** Update format v1 reader (also the v1 delete-set reader). Yjs src/utils/UpdateDecoder.js. */
public final class UpdateDecoderV1 {
  private final Lib0Reader rest;

  public UpdateDecoderV1(Lib0Reader rest) {
    this.rest = rest;
  }

  public Lib0Reader rest() {
    return rest;
  }

  public void resetDsCurVal() {}

  public long readDsClock() {
    return rest.readVarUint();
  }

  public long readDsLen() {
    return rest.readVarUint();
  }

  public ID readLeftID() {
    return new ID(readClientId(), rest.readVarUint());
  }

  public ID readRightID() {
    return new ID(readClientId(), rest.readVarUint());
  }

  public long readClient() {
    return readClientId();
  }

  private long readClientId() {
    long c = rest.readVarUint();
    if (c > 0xFFFFFFFFL) {
      throw new Lib0Exception("client id " + c + " is not an unsigned 32-bit integer");
    }
    return c;
  }

  public int readInfo() {
    return rest.readUint8();
  }

  public String readString() {
    return rest.readVarString();
  }

  public boolean readParentInfo() {
    return rest.readVarUint() == 1;
  }

  public long readTypeRef() {
    return rest.readVarUint();
  }

  public long readLen() {
    return rest.readVarUint();
  }

  public Object readAny() {
    return rest.readAny();
  }

  public byte[] readBuf() {
    return rest.readVarUint8Array();
  }

  public Object readJSON() {
    String s = rest.readVarString();
    try {
      return JsonParser.parse(s);
    } catch (IllegalArgumentException e) {
      throw new Lib0Exception("invalid JSON content: " + e.getMessage());
    }
  }

  public String readKey() {
    return rest.readVarString();
  }
}
