package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.struct.Item;
import java.util.ArrayList;

/**
 * Cached positions in long lists. The choice of marker changes which neighbours an insert sees,
 * hence which origins it encodes, so this follows Yjs AbstractType.js exactly.
 */
public final class SearchMarkers {
  static final int MAX_SEARCH_MARKER = 80;

  private SearchMarkers() {}

  private static void refreshMarkerTimestamp(Branch b, SearchMarker marker) {
    marker.timestamp = b.doc.nextMarkerTimestamp();
  }

  private static void overwriteMarker(Branch b, SearchMarker marker, Item p, long index) {
    marker.p.marker(false);
    marker.p = p;
    p.marker(true);
    marker.index = index;
    marker.timestamp = b.doc.nextMarkerTimestamp();
  }

  private static SearchMarker markPosition(Branch b, Item p, long index) {
    ArrayList<SearchMarker> searchMarker = b.searchMarker;
    if (searchMarker.size() >= MAX_SEARCH_MARKER) {
      // override oldest marker (we don't want to create more objects)
      SearchMarker marker = searchMarker.get(0);
      for (int i = 1; i < searchMarker.size(); i++) {
        SearchMarker m = searchMarker.get(i);
        if (!(marker.timestamp < m.timestamp)) {
          marker = m;
        }
      }
      overwriteMarker(b, marker, p, index);
      return marker;
    } else {
      // create new marker
      SearchMarker pm = new SearchMarker(p, index, b.doc.nextMarkerTimestamp());
      searchMarker.add(pm);
      return pm;
    }
  }

  /** Yjs findMarker: a marker at or near {@code index}, or null. */
  public static SearchMarker findMarker(Branch yarray, long index) {
    if (yarray.start == null || index == 0 || yarray.searchMarker == null) {
      return null;
    }
    ArrayList<SearchMarker> sm = yarray.searchMarker;
    SearchMarker marker = null;
    if (!sm.isEmpty()) {
      marker = sm.get(0);
      for (int i = 1; i < sm.size(); i++) {
        SearchMarker b = sm.get(i);
        if (!(Math.abs(index - marker.index) < Math.abs(index - b.index))) {
          marker = b;
        }
      }
    }
    Item p = yarray.start;
    long pindex = 0;
    if (marker != null) {
      p = marker.p;
      pindex = marker.index;
      refreshMarkerTimestamp(yarray, marker); // we used it, we might need to use it again
    }
    // iterate to right if possible
    while (p.right != null && pindex < index) {
      if (!p.deleted() && p.countable()) {
        if (index < pindex + p.length) {
          break;
        }
        pindex += p.length;
      }
      p = p.right;
    }
    // iterate to left if necessary (might be that pindex > index)
    while (p.left != null && pindex > index) {
      p = p.left;
      if (!p.deleted() && p.countable()) {
        pindex -= p.length;
      }
    }
    // make sure p can't be merged with left, because that would screw up everything
    // in that case just return what we have (it is most likely the best marker anyway)
    // iterate to left until p can't be merged with left
    while (p.left != null && p.left.client == p.client && p.left.clock + p.left.length == p.clock) {
      p = p.left;
      if (!p.deleted() && p.countable()) {
        pindex -= p.length;
      }
    }
    if (marker != null
        && Math.abs(marker.index - pindex) < (double) p.parent.length / MAX_SEARCH_MARKER) {
      // adjust existing marker
      overwriteMarker(yarray, marker, p, pindex);
      return marker;
    } else {
      // create new marker
      return markPosition(yarray, p, pindex);
    }
  }

  /** Yjs updateMarkerChanges: shift markers after an insert (len > 0) or delete (len < 0). */
  public static void updateMarkerChanges(
      ArrayList<SearchMarker> searchMarker, long index, long len) {
    for (int i = searchMarker.size() - 1; i >= 0; i--) {
      SearchMarker m = searchMarker.get(i);
      if (len > 0) {
        Item p = m.p;
        p.marker(false);
        // Ideally we just want to do a simple position comparison, but this will only work if
        // search markers don't point to deleted items for formats.
        // Iterate marker to prev undeleted countable position so we know what to do when updating
        while (p != null && (p.deleted() || !p.countable())) {
          p = p.left;
          if (p != null && !p.deleted() && p.countable()) {
            // adjust position. the loop should break now
            m.index -= p.length;
          }
        }
        if (p == null || p.marker()) {
          // remove search marker if updated position is null or if position is already marked
          searchMarker.remove(i);
          continue;
        }
        m.p = p;
        p.marker(true);
      }
      if (index < m.index || (len > 0 && index == m.index)) {
        m.index = Math.max(index, m.index + len);
      }
    }
  }
}
