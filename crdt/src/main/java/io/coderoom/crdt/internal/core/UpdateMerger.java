package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.encoding.Lib0Reader;
import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.GC;
import io.coderoom.crdt.internal.struct.ID;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.Skip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Document-free update utilities: merge, diff, state vector. Yjs src/utils/updates.js. */
public final class UpdateMerger {
  private UpdateMerger() {}

  private static final Comparator<LazyStructReader> ORDER =
      (dec1, dec2) -> {
        AbstractStruct a = dec1.curr;
        AbstractStruct b = dec2.curr;
        if (a.client == b.client) {
          long clockDiff = a.clock - b.clock;
          if (clockDiff == 0) {
            // we are filtering skips anyway
            return a.getClass() == b.getClass() ? 0 : a instanceof Skip ? 1 : -1;
          }
          return clockDiff < 0 ? -1 : 1;
        }
        return Long.compare(b.client, a.client);
      };

  /**
   * V8's Array.prototype.sort for arrays shorter than 64 (TimSort: one natural run, reversed if
   * strictly descending, then binary insertion). The comparator of Yjs is not symmetric when an
   * Item and a GC share an id, so the exact algorithm decides their order.
   */
  private static void sort(List<LazyStructReader> a) {
    int n = a.size();
    if (n < 2) {
      return;
    }
    int runLength = 2;
    boolean descending = ORDER.compare(a.get(1), a.get(0)) < 0;
    for (int idx = 2; idx < n; idx++) {
      int order = ORDER.compare(a.get(idx), a.get(idx - 1));
      if (descending ? order >= 0 : order < 0) {
        break;
      }
      runLength++;
    }
    if (descending) {
      java.util.Collections.reverse(a.subList(0, runLength));
    }
    for (int start = runLength; start < n; start++) {
      LazyStructReader pivot = a.get(start);
      int left = 0;
      int right = start;
      while (left < right) {
        int mid = left + ((right - left) >> 1);
        if (ORDER.compare(pivot, a.get(mid)) < 0) {
          right = mid;
        } else {
          left = mid + 1;
        }
      }
      if (left < start) {
        a.remove(start);
        a.add(left, pivot);
      }
    }
  }

  private static AbstractStruct sliceStruct(AbstractStruct left, long diff) {
    if (left instanceof GC) {
      return new GC(left.client, left.clock + diff, left.length - diff);
    } else if (left instanceof Skip) {
      return new Skip(left.client, left.clock + diff, left.length - diff);
    } else {
      Item leftItem = (Item) left;
      Item item =
          new Item(
              leftItem.client,
              leftItem.clock + diff,
              null,
              new ID(leftItem.client, leftItem.clock + diff - 1),
              null,
              leftItem.rightOrigin,
              null,
              leftItem.parentSub,
              leftItem.content.splice(diff));
      item.parentId = leftItem.parentId;
      item.parentKey = leftItem.parentKey;
      return item;
    }
  }

  private static final class CurrWrite {
    AbstractStruct struct;
    long offset;

    CurrWrite(AbstractStruct struct, long offset) {
      this.struct = struct;
      this.offset = offset;
    }
  }

  /** Yjs mergeUpdates (v1). */
  public static byte[] mergeUpdates(List<byte[]> updates) {
    if (updates.size() == 1) {
      return updates.get(0);
    }
    List<UpdateDecoderV1> updateDecoders = new ArrayList<>();
    List<LazyStructReader> lazyStructDecoders = new ArrayList<>();
    for (byte[] update : updates) {
      UpdateDecoderV1 d = new UpdateDecoderV1(new Lib0Reader(update));
      updateDecoders.add(d);
      lazyStructDecoders.add(new LazyStructReader(d, true));
    }
    CurrWrite currWrite = null;
    UpdateEncoderV1 updateEncoder = new UpdateEncoderV1();
    LazyStructWriter lazyStructEncoder = new LazyStructWriter(updateEncoder);
    while (true) {
      // Write higher clients first ⇒ sort by clientID & clock and remove decoders without content
      lazyStructDecoders.removeIf(dec -> dec.curr == null);
      sort(lazyStructDecoders);
      if (lazyStructDecoders.isEmpty()) {
        break;
      }
      LazyStructReader currDecoder = lazyStructDecoders.get(0);
      // write from currDecoder until the next operation is from another client or if filler-struct
      long firstClient = currDecoder.curr.client;
      if (currWrite != null) {
        AbstractStruct curr = currDecoder.curr;
        boolean iterated = false;
        // iterate until we find something that we haven't written already
        // remember: first the high client-ids are written
        while (curr != null
            && curr.clock + curr.length <= currWrite.struct.clock + currWrite.struct.length
            && curr.client >= currWrite.struct.client) {
          curr = currDecoder.next();
          iterated = true;
        }
        if (curr == null
            || curr.client != firstClient
            || (iterated && curr.clock > currWrite.struct.clock + currWrite.struct.length)) {
          continue;
        }
        if (firstClient != currWrite.struct.client) {
          lazyStructEncoder.write(currWrite.struct, currWrite.offset);
          currWrite = new CurrWrite(curr, 0);
          currDecoder.next();
        } else {
          if (currWrite.struct.clock + currWrite.struct.length < curr.clock) {
            // there is a gap between currWrite and curr
            if (currWrite.struct instanceof Skip) {
              // extend existing skip
              currWrite.struct.length = curr.clock + curr.length - currWrite.struct.clock;
            } else {
              lazyStructEncoder.write(currWrite.struct, currWrite.offset);
              long diff = curr.clock - currWrite.struct.clock - currWrite.struct.length;
              Skip struct =
                  new Skip(firstClient, currWrite.struct.clock + currWrite.struct.length, diff);
              currWrite = new CurrWrite(struct, 0);
            }
          } else {
            long diff = currWrite.struct.clock + currWrite.struct.length - curr.clock;
            if (diff > 0) {
              if (currWrite.struct instanceof Skip) {
                // prefer to slice Skip because the other struct might contain more information
                currWrite.struct.length -= diff;
              } else {
                curr = sliceStruct(curr, diff);
              }
            }
            if (!currWrite.struct.mergeWith(curr)) {
              lazyStructEncoder.write(currWrite.struct, currWrite.offset);
              currWrite = new CurrWrite(curr, 0);
              currDecoder.next();
            }
          }
        }
      } else {
        currWrite = new CurrWrite(currDecoder.curr, 0);
        currDecoder.next();
      }
      for (AbstractStruct next = currDecoder.curr;
          next != null
              && next.client == firstClient
              && next.clock == currWrite.struct.clock + currWrite.struct.length
              && !(next instanceof Skip);
          next = currDecoder.next()) {
        lazyStructEncoder.write(currWrite.struct, currWrite.offset);
        currWrite = new CurrWrite(next, 0);
      }
    }
    if (currWrite != null) {
      lazyStructEncoder.write(currWrite.struct, currWrite.offset);
    }
    lazyStructEncoder.finish();
    List<DeleteSet> dss = new ArrayList<>();
    for (UpdateDecoderV1 d : updateDecoders) {
      dss.add(DeleteSet.read(d));
    }
    DeleteSet ds = DeleteSet.merge(dss);
    ds.write(updateEncoder);
    return updateEncoder.toByteArray();
  }

  /** Yjs diffUpdate (v1). */
  public static byte[] diffUpdate(byte[] update, byte[] sv) {
    Map<Long, Long> state = UpdateCodec.decodeStateVector(sv);
    UpdateEncoderV1 encoder = new UpdateEncoderV1();
    LazyStructWriter lazyStructWriter = new LazyStructWriter(encoder);
    UpdateDecoderV1 decoder = new UpdateDecoderV1(new Lib0Reader(update));
    LazyStructReader reader = new LazyStructReader(decoder, false);
    while (reader.curr != null) {
      AbstractStruct curr = reader.curr;
      long currClient = curr.client;
      long svClock = state.getOrDefault(currClient, 0L);
      if (curr instanceof Skip) {
        // the first written struct shouldn't be a skip
        reader.next();
        continue;
      }
      if (curr.clock + curr.length > svClock) {
        lazyStructWriter.write(curr, Math.max(svClock - curr.clock, 0));
        reader.next();
        while (reader.curr != null && reader.curr.client == currClient) {
          lazyStructWriter.write(reader.curr, 0);
          reader.next();
        }
      } else {
        // read until something new comes up
        while (reader.curr != null
            && reader.curr.client == currClient
            && reader.curr.clock + reader.curr.length <= svClock) {
          reader.next();
        }
      }
    }
    lazyStructWriter.finish();
    DeleteSet ds = DeleteSet.read(decoder);
    ds.write(encoder);
    return encoder.toByteArray();
  }

  /** Yjs encodeStateVectorFromUpdate (v1). */
  public static byte[] encodeStateVectorFromUpdate(byte[] update) {
    Lib0Writer pairs = new Lib0Writer();
    LazyStructReader updateDecoder =
        new LazyStructReader(new UpdateDecoderV1(new Lib0Reader(update)), false);
    AbstractStruct curr = updateDecoder.curr;
    Lib0Writer out = new Lib0Writer();
    if (curr != null) {
      long size = 0;
      long currClient = curr.client;
      boolean stopCounting = curr.clock != 0; // must start at 0
      long currClock = stopCounting ? 0 : curr.clock + curr.length;
      for (; curr != null; curr = updateDecoder.next()) {
        if (currClient != curr.client) {
          if (currClock != 0) {
            size++;
            // We found a new client; write what we have so far
            pairs.writeVarUint(currClient);
            pairs.writeVarUint(currClock);
          }
          // resetting
          currClient = curr.client;
          currClock = 0;
          stopCounting = curr.clock != 0;
        }
        // we ignore skips
        if (curr instanceof Skip) {
          stopCounting = true;
        }
        if (!stopCounting) {
          currClock = curr.clock + curr.length;
        }
      }
      // write what we have
      if (currClock != 0) {
        size++;
        pairs.writeVarUint(currClient);
        pairs.writeVarUint(currClock);
      }
      out.writeVarUint(size);
      out.writeWriter(pairs);
    } else {
      out.writeVarUint(0);
    }
    return out.toByteArray();
  }
}
