package io.coderoom.crdt.internal.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * The clock ranges of one client that applying a delete set has walked so far, so that each struct
 * is walked once however the set's entries overlap (see UpdateReader.applyDeleteSet).
 */
final class WalkedRanges {
  /** Visits the clocks {@code from} to {@code to} (exclusive). */
  @FunctionalInterface
  interface Visitor {
    void visit(long from, long to);
  }

  /** Disjoint ranges, start to end (exclusive). */
  private final TreeMap<Long, Long> ranges = new TreeMap<>();

  /** Visits the parts of {@code from}..{@code to} not walked yet, in order, and records them. */
  void walk(long from, long to, Visitor visitor) {
    if (from >= to) {
      return;
    }
    Map.Entry<Long, Long> last = ranges.lastEntry();
    if (last == null || last.getValue() <= from) {
      // entries in order (as Yjs writes them): nothing to skip
      visitor.visit(from, to);
      if (last != null && last.getValue() == from) {
        ranges.put(last.getKey(), to);
      } else {
        ranges.put(from, to);
      }
      return;
    }
    long cur = from;
    Map.Entry<Long, Long> before = ranges.floorEntry(from);
    if (before != null && before.getValue() > cur) {
      cur = before.getValue();
    }
    while (cur < to) {
      Map.Entry<Long, Long> next = ranges.ceilingEntry(cur);
      long partEnd = next == null ? to : Math.min(to, next.getKey());
      if (partEnd > cur) {
        visitor.visit(cur, partEnd);
      }
      if (next == null || next.getKey() >= to) {
        break;
      }
      cur = next.getValue();
    }
    record(from, to);
  }

  /** Adds {@code from}..{@code to}, merging the ranges it touches. */
  private void record(long from, long to) {
    long start = from;
    long end = to;
    Map.Entry<Long, Long> before = ranges.floorEntry(from);
    if (before != null && before.getValue() >= from) {
      start = before.getKey();
      end = Math.max(end, before.getValue());
      ranges.remove(before.getKey());
    }
    for (Map.Entry<Long, Long> e = ranges.ceilingEntry(start);
        e != null && e.getKey() <= end;
        e = ranges.ceilingEntry(start)) {
      end = Math.max(end, e.getValue());
      ranges.remove(e.getKey());
    }
    ranges.put(start, end);
  }
}
