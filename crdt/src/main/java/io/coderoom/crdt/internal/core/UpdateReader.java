package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.Skip;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applying v1 updates: decode completely, then integrate, keeping what cannot be applied yet as
 * pending. Yjs src/utils/encoding.js (readUpdate, integrateStructs) and readAndApplyDeleteSet.
 */
public final class UpdateReader {
  private UpdateReader() {}

  /** One entry of a delete set in stream order. */
  private record DsEntry(long client, long clock, long len) {}

  /** A fully decoded update, ready to integrate. */
  private record Decoded(LinkedHashMap<Long, StructRefs> structs, List<DsEntry> ds) {}

  private static Decoded decode(byte[] update) {
    UpdateDecoderV1 decoder = new UpdateDecoderV1(new Lib0Reader(update));
    long numOfStateUpdates = decoder.rest().readVarUint();
    StructDecoding.checkCount(decoder, numOfStateUpdates);
    // sized once: a megabyte can name tens of thousands of clients
    LinkedHashMap<Long, StructRefs> clientRefs =
        LinkedHashMap.newLinkedHashMap((int) numOfStateUpdates);
    for (long i = 0; i < numOfStateUpdates; i++) {
      long numberOfStructs = decoder.rest().readVarUint();
      StructDecoding.checkCount(decoder, numberOfStructs);
      long client = decoder.readClient();
      long clock = decoder.rest().readVarUint();
      List<AbstractStruct> refs = new ArrayList<>((int) numberOfStructs);
      clientRefs.put(client, new StructRefs(refs));
      for (long k = 0; k < numberOfStructs; k++) {
        AbstractStruct s = StructDecoding.readStruct(decoder, client, clock);
        refs.add(s);
        clock += s.length;
      }
    }
    List<DsEntry> ds = new ArrayList<>();
    Map<Long, Long> rangeEnds = new HashMap<>();
    long numClients = decoder.rest().readVarUint();
    StructDecoding.checkCount(decoder, numClients);
    for (long i = 0; i < numClients; i++) {
      long client = decoder.readClient();
      long numberOfDeletes = decoder.rest().readVarUint();
      StructDecoding.checkCount(decoder, numberOfDeletes);
      for (long k = 0; k < numberOfDeletes; k++) {
        long clock = decoder.readDsClock();
        long len = decoder.readDsLen();
        if (clock + len > Lib0Reader.MAX_SAFE_INTEGER) {
          throw new io.coderoom.crdt.encoding.Lib0Exception("Integer out of Range");
        }
        // Yjs writes every delete set with each client once, its ranges sorted, none empty or
        // overlapping, and mishandles others it has to keep pending: it throws on an empty range
        // after integrating the update's structs (UpdateEncoderV2.writeDsLen), and stores ranges
        // out of order shifted (its V2 delete set encoding is relative to the previous range's
        // end). Accepted here, such an update would reach peers that throw or diverge.
        if (len == 0) {
          throw new io.coderoom.crdt.encoding.Lib0Exception(
              "Delete range of length 0 for client " + client);
        }
        if (clock < rangeEnds.getOrDefault(client, 0L)) {
          throw new io.coderoom.crdt.encoding.Lib0Exception(
              "Delete ranges of client " + client + " overlap or are out of order");
        }
        rangeEnds.put(client, clock + len);
        ds.add(new DsEntry(client, clock, len));
      }
    }
    return new Decoded(clientRefs, ds);
  }

  /**
   * Applies a v1 update. The update is decoded completely before the document is touched, so a
   * malformed update throws {@link io.coderoom.crdt.encoding.Lib0Exception} and changes nothing.
   */
  public static void applyUpdate(DocCore doc, byte[] update, Object origin) {
    Decoded decoded = decode(update);
    doc.transact(txn -> readUpdate(txn, decoded), origin, false);
  }

  /**
   * Applies a v1 update doing at most {@code workLimit} steps of work (see {@link Txn#spend}).
   * Structs and deletes that waited for missing dependencies are retried as part of the update, so
   * their work counts too: if the limit is reached while some waited, they are discarded and the
   * update is tried once more without them. It would be unfair to refuse an update because it
   * released structs someone else crafted; structs that legitimately wait never need this much
   * work, and their sender resends them on its next sync.
   *
   * @throws WorkLimitExceeded when the update needs more work; the document is then unchanged
   */
  public static void applyUpdate(DocCore doc, byte[] update, Object origin, long workLimit) {
    Decoded decoded = decode(update);
    try {
      doc.transactLimited(txn -> readUpdate(txn, decoded), origin, workLimit);
    } catch (WorkLimitExceeded e) {
      StructStore store = doc.store;
      StructStore.PendingStructs pendingStructs = store.pendingStructs;
      byte[] pendingDs = store.pendingDs;
      if (pendingStructs == null && pendingDs == null) {
        throw e;
      }
      store.pendingStructs = null;
      store.pendingDs = null;
      Decoded again = decode(update); // integrating changed the decoded structs
      try {
        doc.transactLimited(txn -> readUpdate(txn, again), origin, workLimit);
      } catch (WorkLimitExceeded alone) {
        store.pendingStructs = pendingStructs;
        store.pendingDs = pendingDs;
        throw alone;
      }
    }
  }

  /**
   * Applies the structs and deletes that wait for missing dependencies again, as applying the
   * document's own state would (Yjs can leave some waiting although everything they need arrived:
   * BUGS-FOUND.md 2), doing at most {@code workLimit} steps of work.
   *
   * @return false if they needed more work: they were discarded, and the rest of the document is
   *     unchanged
   */
  public static boolean retryPending(DocCore doc, long workLimit) {
    StructStore store = doc.store;
    if (store.pendingStructs == null && store.pendingDs == null) {
      return true;
    }
    doc.checkNoTransaction();
    LinkedHashMap<Long, StructRefs> structs =
        store.pendingStructs == null
            ? new LinkedHashMap<>()
            : decode(store.pendingStructs.update()).structs;
    List<DsEntry> ds = store.pendingDs == null ? List.of() : decode(store.pendingDs).ds;
    store.pendingStructs = null;
    store.pendingDs = null;
    try {
      doc.transactLimited(txn -> readUpdate(txn, new Decoded(structs, ds)), null, workLimit);
      return true;
    } catch (WorkLimitExceeded e) {
      return false;
    }
  }

  private static void readUpdate(Txn transaction, Decoded decoded) {
    // force that transaction.local is set to non-local
    transaction.local = false;
    boolean retry = false;
    DocCore doc = transaction.doc;
    StructStore store = doc.store;
    for (StructRefs refs : decoded.structs.values()) {
      for (AbstractStruct s : refs.refs) {
        if (s instanceof Item item && item.parentKey != null) {
          if (transaction.undoLog() != null && !doc.share.containsKey(item.parentKey)) {
            transaction.undoLog().rootCreated(item.parentKey);
          }
          item.parent = doc.getRoot(item.parentKey);
        }
      }
    }
    StructStore.PendingStructs restStructs = integrateStructs(transaction, store, decoded.structs);
    StructStore.PendingStructs pending = store.pendingStructs;
    if (pending != null) {
      // check if we can apply something
      for (Map.Entry<Long, Long> e : pending.missing().entrySet()) {
        if (e.getValue() < store.getState(e.getKey())) {
          retry = true;
          break;
        }
      }
      if (restStructs != null) {
        // merge restStructs into store.pending
        for (Map.Entry<Long, Long> e : restStructs.missing().entrySet()) {
          Long mclock = pending.missing().get(e.getKey());
          if (mclock == null || mclock > e.getValue()) {
            pending.missing().put(e.getKey(), e.getValue());
          }
        }
        store.pendingStructs =
            new StructStore.PendingStructs(
                pending.missing(),
                UpdateMerger.mergeUpdates(List.of(pending.update(), restStructs.update())));
      }
    } else {
      store.pendingStructs = restStructs;
    }
    byte[] dsRest = applyDeleteSet(transaction, store, decoded.ds);
    if (store.pendingDs != null) {
      Decoded pendingDs = decode(store.pendingDs);
      byte[] dsRest2 = applyDeleteSet(transaction, store, pendingDs.ds);
      if (dsRest != null && dsRest2 != null) {
        store.pendingDs = UpdateMerger.mergeUpdates(List.of(dsRest, dsRest2));
      } else {
        store.pendingDs = dsRest != null ? dsRest : dsRest2;
      }
    } else {
      store.pendingDs = dsRest;
    }
    if (retry) {
      byte[] update = store.pendingStructs.update();
      store.pendingStructs = null;
      readUpdate(transaction, decode(update));
    }
  }

  /**
   * Yjs readAndApplyDeleteSet; returns the deletes that could not be applied as an update.
   *
   * <p>Unlike Yjs, a clock range that an earlier entry of the same delete set covered is not walked
   * again: a crafted delete set repeating one large range would otherwise walk the same structs
   * once per entry. Everything in a walked range is deleted already, so skipping it deletes and
   * splits exactly what Yjs does, in the same order.
   */
  private static byte[] applyDeleteSet(Txn transaction, StructStore store, List<DsEntry> entries) {
    DeleteSet unappliedDS = new DeleteSet();
    Map<Long, WalkedRanges> walked = new HashMap<>();
    for (DsEntry e : entries) {
      long client = e.client;
      ArrayList<AbstractStruct> structs = store.clients.get(client);
      long state = store.getState(client);
      long clock = e.clock;
      long clockEnd = clock + e.len;
      if (clock < state) {
        if (state < clockEnd) {
          unappliedDS.add(client, state, clockEnd - state);
        }
        walked
            .computeIfAbsent(client, c -> new WalkedRanges())
            .walk(
                clock,
                Math.min(clockEnd, state),
                (from, to) -> deleteRange(transaction, structs, from, to));
      } else {
        unappliedDS.add(client, clock, clockEnd - clock);
      }
    }
    if (!unappliedDS.clients.isEmpty()) {
      UpdateEncoderV1 ds = new UpdateEncoderV1();
      ds.rest().writeVarUint(0); // encode 0 structs
      unappliedDS.write(ds);
      return ds.toByteArray();
    }
    return null;
  }

  /** Deletes the clocks {@code clock} to {@code clockEnd} (exclusive) of one client's structs. */
  private static void deleteRange(
      Txn transaction, ArrayList<AbstractStruct> structs, long clock, long clockEnd) {
    int index = StructStore.findIndexSS(structs, clock);
    AbstractStruct struct = structs.get(index);
    // split the first item if necessary
    if (!struct.deleted() && struct.clock < clock) {
      StructStore.insertAfter(
          transaction,
          structs,
          index,
          Item.splitItem(transaction, (Item) struct, clock - struct.clock));
      index++; // we now want to use the next struct
    }
    while (index < structs.size()) {
      struct = structs.get(index++);
      if (struct.clock < clockEnd) {
        if (!struct.deleted()) {
          Item item = (Item) struct;
          if (clockEnd < struct.clock + struct.length) {
            StructStore.insertAfter(
                transaction,
                structs,
                index - 1,
                Item.splitItem(transaction, item, clockEnd - struct.clock));
          }
          item.delete(transaction);
        }
      } else {
        break;
      }
    }
  }

  /** Yjs integrateStructs: returns what could not be integrated (or null). */
  private static StructStore.PendingStructs integrateStructs(
      Txn transaction, StructStore store, LinkedHashMap<Long, StructRefs> clientsStructRefs) {
    ArrayList<AbstractStruct> stack = new ArrayList<>();
    // take the higher client ids first
    ArrayList<Long> clientsStructRefsIds = new ArrayList<>(clientsStructRefs.keySet());
    Collections.sort(clientsStructRefsIds);
    if (clientsStructRefsIds.isEmpty()) {
      return null;
    }
    StructRefs curStructsTarget = nextStructTarget(clientsStructRefs, clientsStructRefsIds);
    if (curStructsTarget == null) {
      return null;
    }
    StructStore restStructs = new StructStore();
    Map<Long, Long> missingSV = new HashMap<>();
    AbstractStruct stackHead = curStructsTarget.refs.get(curStructsTarget.i++);
    // caching the state because it is used very often
    Map<Long, Long> state = new HashMap<>();
    while (true) {
      if (!(stackHead instanceof Skip)) {
        long headClient = stackHead.client;
        Long cached = state.get(headClient);
        long localClock;
        if (cached == null) {
          localClock = store.getState(headClient);
          state.put(headClient, localClock);
        } else {
          localClock = cached;
        }
        long offset = localClock - stackHead.clock;
        if (offset < 0) {
          // update from the same client is missing
          stack.add(stackHead);
          updateMissingSv(missingSV, headClient, stackHead.clock - 1);
          // hit a dead wall, add all items from stack to restSS
          addStackToRestSS(stack, clientsStructRefs, restStructs);
        } else {
          long missing = stackHead.getMissing(transaction, store);
          if (missing != -1) {
            stack.add(stackHead);
            // get the struct reader that has the missing struct
            StructRefs structRefs = clientsStructRefs.get(missing);
            if (structRefs == null || structRefs.refs.size() == structRefs.i) {
              // causally depends on another update message that doesn't exist yet
              updateMissingSv(missingSV, missing, store.getState(missing));
              addStackToRestSS(stack, clientsStructRefs, restStructs);
            } else {
              stackHead = structRefs.refs.get(structRefs.i++);
              continue;
            }
          } else if (offset == 0 || offset < stackHead.length) {
            // all fine, apply the stackhead
            stackHead.integrate(transaction, offset);
            state.put(headClient, stackHead.clock + stackHead.length);
          }
        }
      }
      // iterate to next stackHead
      if (!stack.isEmpty()) {
        stackHead = stack.remove(stack.size() - 1);
      } else if (curStructsTarget != null && curStructsTarget.i < curStructsTarget.refs.size()) {
        stackHead = curStructsTarget.refs.get(curStructsTarget.i++);
      } else {
        curStructsTarget = nextStructTarget(clientsStructRefs, clientsStructRefsIds);
        if (curStructsTarget == null) {
          // we are done!
          break;
        } else {
          stackHead = curStructsTarget.refs.get(curStructsTarget.i++);
        }
      }
    }
    if (!restStructs.clients.isEmpty()) {
      UpdateEncoderV1 encoder = new UpdateEncoderV1();
      UpdateCodec.writeClientsStructs(encoder, restStructs, Map.of());
      // write empty deleteset
      encoder.rest().writeVarUint(0);
      return new StructStore.PendingStructs(missingSV, encoder.toByteArray());
    }
    return null;
  }

  private static void updateMissingSv(Map<Long, Long> missingSV, long client, long clock) {
    Long mclock = missingSV.get(client);
    if (mclock == null || mclock > clock) {
      missingSV.put(client, clock);
    }
  }

  /** The structs of the highest client that has any left (removed clients have none). */
  private static StructRefs nextStructTarget(
      Map<Long, StructRefs> clientsStructRefs, ArrayList<Long> ids) {
    while (!ids.isEmpty()) {
      StructRefs next = clientsStructRefs.get(ids.get(ids.size() - 1));
      if (next != null && next.refs.size() != next.i) {
        return next;
      }
      ids.remove(ids.size() - 1);
    }
    return null;
  }

  private static void addStackToRestSS(
      ArrayList<AbstractStruct> stack,
      Map<Long, StructRefs> clientsStructRefs,
      StructStore restStructs) {
    for (AbstractStruct item : stack) {
      long client = item.client;
      StructRefs inapplicableItems = clientsStructRefs.get(client);
      if (inapplicableItems != null) {
        // decrement because we weren't able to apply previous operation
        inapplicableItems.i--;
        restStructs.clients.put(
            client,
            new ArrayList<>(
                inapplicableItems.refs.subList(
                    inapplicableItems.i, inapplicableItems.refs.size())));
        clientsStructRefs.remove(client);
        inapplicableItems.i = 0;
        inapplicableItems.refs = new ArrayList<>();
      } else {
        // item was the last item on clientsStructRefs and the field was already cleared
        ArrayList<AbstractStruct> single = new ArrayList<>();
        single.add(item);
        restStructs.clients.put(client, single);
      }
      // Yjs removes the client from clientsStructRefsIds here so that the same structs are not
      // applied again; nextStructTarget skips removed clients instead, as removing from the middle
      // of the list costs its length, for every client of an update that waits
    }
    stack.clear();
  }
}
