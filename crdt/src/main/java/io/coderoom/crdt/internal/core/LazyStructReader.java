package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.Skip;

/** Reads the structs of an update one at a time. Yjs LazyStructReader (src/utils/updates.js). */
final class LazyStructReader {
  private final UpdateDecoderV1 decoder;
  private final boolean filterSkips;
  private long clientsLeft;
  private long structsLeft;
  private long client;
  private long clock;
  AbstractStruct curr;

  LazyStructReader(UpdateDecoderV1 decoder, boolean filterSkips) {
    this.decoder = decoder;
    this.filterSkips = filterSkips;
    this.clientsLeft = decoder.rest().readVarUint();
    StructDecoding.checkCount(decoder, clientsLeft);
    next();
  }

  private AbstractStruct gen() {
    while (structsLeft == 0) {
      if (clientsLeft == 0) {
        return null;
      }
      clientsLeft--;
      structsLeft = decoder.rest().readVarUint();
      StructDecoding.checkCount(decoder, structsLeft);
      client = decoder.readClient();
      clock = decoder.rest().readVarUint();
    }
    structsLeft--;
    AbstractStruct s = StructDecoding.readStruct(decoder, client, clock);
    clock += s.length;
    return s;
  }

  AbstractStruct next() {
    do {
      curr = gen();
    } while (filterSkips && curr instanceof Skip);
    return curr;
  }
}
