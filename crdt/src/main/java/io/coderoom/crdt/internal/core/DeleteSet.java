package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.ID;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Deleted clock ranges per client. Yjs src/utils/DeleteSet.js. */
public final class DeleteSet {
  /** One deleted range. */
  public record DeleteItem(long clock, long len) {}

  public final Map<Long, ArrayList<DeleteItem>> clients = new LinkedHashMap<>();

  public void add(long client, long clock, long length) {
    clients.computeIfAbsent(client, c -> new ArrayList<>()).add(new DeleteItem(clock, length));
  }

  public boolean isEmpty() {
    return clients.isEmpty();
  }

  static int findIndexDS(List<DeleteItem> dis, long clock) {
    int left = 0;
    int right = dis.size() - 1;
    while (left <= right) {
      int midindex = (left + right) >>> 1;
      DeleteItem mid = dis.get(midindex);
      long midclock = mid.clock;
      if (midclock <= clock) {
        if (clock < midclock + mid.len) {
          return midindex;
        }
        left = midindex + 1;
      } else {
        right = midindex - 1;
      }
    }
    return -1;
  }

  public boolean isDeleted(ID id) {
    return isDeleted(id.client(), id.clock());
  }

  public boolean isDeleted(long client, long clock) {
    List<DeleteItem> dis = clients.get(client);
    return dis != null && findIndexDS(dis, clock) >= 0;
  }

  public void sortAndMerge() {
    for (ArrayList<DeleteItem> dels : clients.values()) {
      dels.sort((a, b) -> Long.compare(a.clock, b.clock));
      int i;
      int j;
      for (i = 1, j = 1; i < dels.size(); i++) {
        DeleteItem left = dels.get(j - 1);
        DeleteItem right = dels.get(i);
        if (left.clock + left.len >= right.clock) {
          dels.set(
              j - 1,
              new DeleteItem(left.clock, Math.max(left.len, right.clock + right.len - left.clock)));
        } else {
          if (j < i) {
            dels.set(j, right);
          }
          j++;
        }
      }
      if (j < dels.size()) {
        dels.subList(j, dels.size()).clear();
      }
    }
  }

  public static DeleteSet merge(List<DeleteSet> dss) {
    DeleteSet merged = new DeleteSet();
    for (int dssI = 0; dssI < dss.size(); dssI++) {
      for (Map.Entry<Long, ArrayList<DeleteItem>> e : dss.get(dssI).clients.entrySet()) {
        Long client = e.getKey();
        if (!merged.clients.containsKey(client)) {
          ArrayList<DeleteItem> dels = new ArrayList<>(e.getValue());
          for (int i = dssI + 1; i < dss.size(); i++) {
            List<DeleteItem> other = dss.get(i).clients.get(client);
            if (other != null) {
              dels.addAll(other);
            }
          }
          merged.clients.put(client, dels);
        }
      }
    }
    merged.sortAndMerge();
    return merged;
  }

  public static DeleteSet fromStructStore(StructStore ss) {
    DeleteSet ds = new DeleteSet();
    ss.clients.forEach(
        (client, structs) -> {
          ArrayList<DeleteItem> dsitems = new ArrayList<>();
          for (int i = 0; i < structs.size(); i++) {
            AbstractStruct struct = structs.get(i);
            if (struct.deleted()) {
              long clock = struct.clock;
              long len = struct.length;
              while (i + 1 < structs.size() && structs.get(i + 1).deleted()) {
                len += structs.get(++i).length;
              }
              dsitems.add(new DeleteItem(clock, len));
            }
          }
          if (!dsitems.isEmpty()) {
            ds.clients.put(client, dsitems);
          }
        });
    return ds;
  }

  public void write(UpdateEncoderV1 encoder) {
    encoder.rest().writeVarUint(clients.size());
    List<Map.Entry<Long, ArrayList<DeleteItem>>> entries = new ArrayList<>(clients.entrySet());
    // deterministic order: higher client ids first
    entries.sort((a, b) -> Long.compare(b.getKey(), a.getKey()));
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : entries) {
      encoder.resetDsCurVal();
      encoder.rest().writeVarUint(e.getKey());
      List<DeleteItem> dsitems = e.getValue();
      encoder.rest().writeVarUint(dsitems.size());
      for (DeleteItem item : dsitems) {
        encoder.writeDsClock(item.clock);
        encoder.writeDsLen(item.len);
      }
    }
  }

  public static DeleteSet read(UpdateDecoderV1 decoder) {
    DeleteSet ds = new DeleteSet();
    long numClients = decoder.rest().readVarUint();
    checkCount(decoder, numClients, 2);
    for (long i = 0; i < numClients; i++) {
      decoder.resetDsCurVal();
      long client = decoder.readClient();
      long numberOfDeletes = decoder.rest().readVarUint();
      checkCount(decoder, numberOfDeletes, 2);
      if (numberOfDeletes > 0) {
        ArrayList<DeleteItem> dsField = ds.clients.computeIfAbsent(client, c -> new ArrayList<>());
        for (long k = 0; k < numberOfDeletes; k++) {
          long clock = decoder.readDsClock();
          long len = decoder.readDsLen();
          dsField.add(new DeleteItem(clock, len));
        }
      }
    }
    return ds;
  }

  static void checkCount(UpdateDecoderV1 decoder, long count, int minBytesEach) {
    if (count > decoder.rest().remaining() / minBytesEach + 1) {
      throw new io.coderoom.crdt.encoding.Lib0Exception("Unexpected end of array");
    }
  }

  public void iterateDeletedStructs(Txn transaction, Consumer<AbstractStruct> f) {
    clients.forEach(
        (clientid, deletes) -> {
          ArrayList<AbstractStruct> structs = transaction.doc.store.clients.get(clientid);
          if (structs != null) {
            AbstractStruct lastStruct = structs.get(structs.size() - 1);
            long clockState = lastStruct.clock + lastStruct.length;
            for (int i = 0; i < deletes.size() && deletes.get(i).clock < clockState; i++) {
              DeleteItem del = deletes.get(i);
              StructStore.iterateStructs(transaction, structs, del.clock, del.len, f);
            }
          }
        });
  }
}
