package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing documents and state vectors as v1 updates. Yjs src/utils/encoding.js (write side). */
public final class UpdateCodec {
  private UpdateCodec() {}

  private static void writeStructs(
      UpdateEncoderV1 encoder, ArrayList<AbstractStruct> structs, long client, long clock) {
    // write first id
    clock = Math.max(clock, structs.get(0).clock); // make sure the first id exists
    int startNewStructs = StructStore.findIndexSS(structs, clock);
    encoder.rest().writeVarUint(structs.size() - startNewStructs);
    encoder.writeClient(client);
    encoder.rest().writeVarUint(clock);
    AbstractStruct firstStruct = structs.get(startNewStructs);
    // write first struct with an offset
    firstStruct.write(encoder, clock - firstStruct.clock);
    for (int i = startNewStructs + 1; i < structs.size(); i++) {
      structs.get(i).write(encoder, 0);
    }
  }

  public static void writeClientsStructs(
      UpdateEncoderV1 encoder, StructStore store, Map<Long, Long> targetSv) {
    Map<Long, Long> sm = new HashMap<>();
    targetSv.forEach(
        (client, clock) -> {
          // only write if new structs are available
          if (store.getState(client) > clock) {
            sm.put(client, clock);
          }
        });
    store
        .getStateVector()
        .forEach(
            (client, clock) -> {
              if (!targetSv.containsKey(client)) {
                sm.put(client, 0L);
              }
            });
    encoder.rest().writeVarUint(sm.size());
    // write items with higher client ids first: this heavily improves the conflict algorithm
    List<Long> clients = new ArrayList<>(sm.keySet());
    clients.sort(Collections.reverseOrder());
    for (Long client : clients) {
      writeStructs(encoder, store.clients.get(client), client, sm.get(client));
    }
  }

  static boolean writeUpdateMessageFromTransaction(UpdateEncoderV1 encoder, Txn transaction) {
    if (transaction.deleteSet.clients.isEmpty()) {
      boolean any = false;
      for (Map.Entry<Long, Long> e : transaction.afterState.entrySet()) {
        if (!e.getValue().equals(transaction.beforeState.get(e.getKey()))) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    transaction.deleteSet.sortAndMerge();
    writeClientsStructs(encoder, transaction.doc.store, transaction.beforeState);
    transaction.deleteSet.write(encoder);
    return true;
  }

  public static byte[] encodeStateAsUpdate(DocCore doc, byte[] encodedTargetStateVector) {
    Map<Long, Long> targetStateVector = decodeStateVector(encodedTargetStateVector);
    UpdateEncoderV1 encoder = new UpdateEncoderV1();
    writeClientsStructs(encoder, doc.store, targetStateVector);
    DeleteSet.fromStructStore(doc.store).write(encoder);
    List<byte[]> updates = new ArrayList<>();
    updates.add(encoder.toByteArray());
    // also add the pending updates (if there are any)
    if (doc.store.pendingDs != null) {
      updates.add(doc.store.pendingDs);
    }
    if (doc.store.pendingStructs != null) {
      updates.add(
          UpdateMerger.diffUpdate(doc.store.pendingStructs.update(), encodedTargetStateVector));
    }
    if (updates.size() > 1) {
      return UpdateMerger.mergeUpdates(updates);
    }
    return updates.get(0);
  }

  public static Map<Long, Long> decodeStateVector(byte[] sv) {
    Lib0Reader r = new Lib0Reader(sv);
    Map<Long, Long> ss = new LinkedHashMap<>();
    long ssLength = r.readVarUint();
    if (ssLength > r.remaining()) {
      throw new io.coderoom.crdt.encoding.Lib0Exception("Unexpected end of array");
    }
    for (long i = 0; i < ssLength; i++) {
      long client = r.readVarUint();
      long clock = r.readVarUint();
      ss.put(client, clock);
    }
    return ss;
  }

  public static byte[] encodeStateVector(Map<Long, Long> sv) {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(sv.size());
    List<Long> clients = new ArrayList<>(sv.keySet());
    clients.sort(Collections.reverseOrder());
    for (Long client : clients) {
      w.writeVarUint(client);
      w.writeVarUint(sv.get(client));
    }
    return w.toByteArray();
  }
}
