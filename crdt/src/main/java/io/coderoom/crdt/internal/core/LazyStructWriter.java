package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.internal.struct.AbstractStruct;
import java.util.ArrayList;
import java.util.List;

/** Writes structs client by client, counting them. Yjs LazyStructWriter (src/utils/updates.js). */
final class LazyStructWriter {
  private record ClientStructs(long written, byte[] restEncoder) {}

  private long currClient;
  private long written;
  final UpdateEncoderV1 encoder;
  private final List<ClientStructs> clientStructs = new ArrayList<>();

  LazyStructWriter(UpdateEncoderV1 encoder) {
    this.encoder = encoder;
  }

  private void flush() {
    if (written > 0) {
      clientStructs.add(new ClientStructs(written, encoder.rest().toByteArray()));
      encoder.rest(new Lib0Writer());
      written = 0;
    }
  }

  void write(AbstractStruct struct, long offset) {
    // flush curr if we start another client
    if (written > 0 && currClient != struct.client) {
      flush();
    }
    if (written == 0) {
      currClient = struct.client;
      // write next client
      encoder.writeClient(struct.client);
      // write startClock
      encoder.rest().writeVarUint(struct.clock + offset);
    }
    struct.write(encoder, offset);
    written++;
  }

  void finish() {
    flush();
    // this is a fresh encoder because we called flush
    Lib0Writer restEncoder = encoder.rest();
    restEncoder.writeVarUint(clientStructs.size());
    for (ClientStructs part : clientStructs) {
      // Works because we know that the struct count is no larger than the number of bytes
      restEncoder.writeVarUint(part.written);
      restEncoder.writeUint8Array(part.restEncoder);
    }
  }
}
