package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.internal.content.JsonWriter;
import io.coderoom.crdt.internal.struct.ID;

/** Update format v1 writer (also the v1 delete-set writer). Yjs src/utils/UpdateEncoder.js. */
public final class UpdateEncoderV1 {
  private Lib0Writer rest;

  public UpdateEncoderV1() {
    this.rest = new Lib0Writer(256);
  }

  public Lib0Writer rest() {
    return rest;
  }

  public void rest(Lib0Writer w) {
    this.rest = w;
  }

  public byte[] toByteArray() {
    return rest.toByteArray();
  }

  public void resetDsCurVal() {}

  public void writeDsClock(long clock) {
    rest.writeVarUint(clock);
  }

  public void writeDsLen(long len) {
    rest.writeVarUint(len);
  }

  public void writeLeftID(ID id) {
    rest.writeVarUint(id.client());
    rest.writeVarUint(id.clock());
  }

  public void writeRightID(ID id) {
    rest.writeVarUint(id.client());
    rest.writeVarUint(id.clock());
  }

  public void writeClient(long client) {
    rest.writeVarUint(client);
  }

  public void writeInfo(int info) {
    rest.writeUint8(info);
  }

  public void writeString(String s) {
    rest.writeVarString(s);
  }

  public void writeParentInfo(boolean isYKey) {
    rest.writeVarUint(isYKey ? 1 : 0);
  }

  public void writeTypeRef(int info) {
    rest.writeVarUint(info);
  }

  public void writeLen(long len) {
    rest.writeVarUint(len);
  }

  public void writeAny(Object any) {
    rest.writeAny(any);
  }

  public void writeBuf(byte[] buf) {
    rest.writeVarUint8Array(buf);
  }

  public void writeJSON(Object embed) {
    rest.writeVarString(JsonWriter.stringify(embed));
  }

  public void writeKey(String key) {
    rest.writeVarString(key);
  }
}
