package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.content.ContentFormat;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.LinkedHashMap;

/**
 * A cursor in a text: its neighbours, its index and the formatting in effect there. Yjs
 * ItemTextListPosition, findNextPosition and findPosition (src/types/YText.js).
 */
public final class TextPosition {
  public Item left;
  public Item right;
  public long index;
  public final LinkedHashMap<String, Object> currentAttributes;

  TextPosition(Item left, Item right, long index, LinkedHashMap<String, Object> currentAttributes) {
    this.left = left;
    this.right = right;
    this.index = index;
    this.currentAttributes = currentAttributes;
  }

  /** Position at the start of the text (Yjs applyDelta). */
  public static TextPosition start(Branch parent) {
    return new TextPosition(null, parent.start, 0, new LinkedHashMap<>());
  }

  /** Yjs findPosition: the position at {@code index}, splitting an item if needed. */
  public static TextPosition find(
      Txn transaction, Branch parent, long index, boolean useSearchMarker) {
    LinkedHashMap<String, Object> currentAttributes = new LinkedHashMap<>();
    SearchMarker marker = useSearchMarker ? SearchMarkers.findMarker(parent, index) : null;
    if (marker != null) {
      TextPosition pos = new TextPosition(marker.p.left, marker.p, marker.index, currentAttributes);
      return pos.findNext(transaction, index - marker.index);
    }
    TextPosition pos = new TextPosition(null, parent.start, 0, currentAttributes);
    return pos.findNext(transaction, index);
  }

  void forward() {
    if (right == null) {
      throw new IllegalStateException("unexpected case");
    }
    if (right.content instanceof ContentFormat cf) {
      if (!right.deleted()) {
        TextOps.updateCurrentAttributes(currentAttributes, cf);
      }
    } else if (!right.deleted()) {
      index += right.length;
    }
    left = right;
    right = right.right;
  }

  /** Yjs findNextPosition. */
  private TextPosition findNext(Txn transaction, long count) {
    while (right != null && count > 0) {
      if (right.content instanceof ContentFormat cf) {
        if (!right.deleted()) {
          TextOps.updateCurrentAttributes(currentAttributes, cf);
        }
      } else if (!right.deleted()) {
        if (count < right.length) {
          // split right
          StructStore.getItemCleanStart(transaction, right.client, right.clock + count);
        }
        index += right.length;
        count -= right.length;
      }
      left = right;
      right = right.right;
      // we don't forward() because that would halve the performance
    }
    return this;
  }
}
