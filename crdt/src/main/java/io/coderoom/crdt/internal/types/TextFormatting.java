package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.content.Content;
import io.coderoom.crdt.internal.content.ContentFormat;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.GC;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Removal of redundant formatting items after deletes and concurrent formatting. Yjs
 * cleanupFormattingGap, cleanupContextlessFormattingGap, cleanupYTextFormatting and
 * cleanupYTextAfterTransaction (src/types/YText.js).
 */
public final class TextFormatting {
  private TextFormatting() {}

  static int cleanupFormattingGap(
      Txn transaction,
      Item start,
      Item curr,
      Map<String, Object> startAttributes,
      Map<String, Object> currAttributes) {
    Item end = start;
    Map<String, ContentFormat> endFormats = null;
    while (end != null && (!end.countable() || end.deleted())) {
      if (!end.deleted() && end.content instanceof ContentFormat cf) {
        if (endFormats == null) {
          endFormats = new HashMap<>();
        }
        endFormats.put(cf.key, cf);
      }
      end = end.right;
    }
    int cleanups = 0;
    boolean reachedCurr = false;
    while (start != end) {
      if (curr == start) {
        reachedCurr = true;
      }
      if (!start.deleted()) {
        Content content = start.content;
        if (content instanceof ContentFormat cf) {
          String key = cf.key;
          Object value = cf.value;
          Object startAttrValue = startAttributes.get(key);
          if ((endFormats == null ? null : endFormats.get(key)) != content
              || Attrs.strictEquals(startAttrValue, value)) {
            // Either this format is overwritten or it is not necessary because the attribute
            // already existed.
            start.delete(transaction);
            cleanups++;
            if (!reachedCurr
                && Attrs.strictEquals(currAttributes.get(key), value)
                && !Attrs.strictEquals(startAttrValue, value)) {
              if (startAttrValue == null) {
                currAttributes.remove(key);
              } else {
                currAttributes.put(key, startAttrValue);
              }
            }
          }
          if (!reachedCurr && !start.deleted()) {
            TextOps.updateCurrentAttributes(currAttributes, cf);
          }
        }
      }
      start = start.right;
    }
    return cleanups;
  }

  private static void cleanupContextlessFormattingGap(Txn transaction, Item item) {
    // iterate until item.right is null or content
    while (item != null
        && item.right != null
        && (item.right.deleted() || !item.right.countable())) {
      item = item.right;
    }
    Set<String> attrs = new java.util.HashSet<>();
    // iterate back until a content item is found
    while (item != null && (item.deleted() || !item.countable())) {
      if (!item.deleted() && item.content instanceof ContentFormat cf) {
        String key = cf.key;
        if (attrs.contains(key)) {
          item.delete(transaction);
        } else {
          attrs.add(key);
        }
      }
      item = item.left;
    }
  }

  /** Yjs cleanupYTextFormatting; returns the number of removed formatting items. */
  public static int cleanupType(Branch type) {
    int[] res = {0};
    type.doc.transact(
        transaction -> {
          Item start = type.start;
          Item end = type.start;
          Map<String, Object> startAttributes = new HashMap<>();
          Map<String, Object> currentAttributes = new HashMap<>(startAttributes);
          while (end != null) {
            if (!end.deleted()) {
              if (end.content instanceof ContentFormat cf) {
                TextOps.updateCurrentAttributes(currentAttributes, cf);
              } else {
                res[0] +=
                    cleanupFormattingGap(
                        transaction, start, end, startAttributes, currentAttributes);
                startAttributes = new HashMap<>(currentAttributes);
                start = end;
              }
            }
            end = end.right;
          }
        },
        null,
        true);
    return res[0];
  }

  /** Yjs cleanupYTextAfterTransaction. */
  public static void cleanupAfterTransaction(Txn transaction) {
    Set<Branch> needFullCleanup = new LinkedHashSet<>();
    var doc = transaction.doc;
    // check if another formatting item was inserted
    for (Map.Entry<Long, Long> e : transaction.afterState.entrySet()) {
      long client = e.getKey();
      long afterClock = e.getValue();
      long clock = transaction.beforeState.getOrDefault(client, 0L);
      if (afterClock == clock) {
        continue;
      }
      StructStore.iterateStructs(
          transaction,
          doc.store.clients.get(client),
          clock,
          afterClock,
          item -> {
            if (!item.deleted()
                && item instanceof Item it
                && it.content instanceof ContentFormat
                && it.parent != null) {
              needFullCleanup.add(it.parent);
            }
          });
    }
    // cleanup in a new transaction
    doc.transact(
        t -> {
          transaction.deleteSet.iterateDeletedStructs(
              transaction,
              (AbstractStruct s) -> {
                if (s instanceof GC || !(s instanceof Item item)) {
                  return;
                }
                if (item.parent == null
                    || !item.parent.hasFormatting
                    || needFullCleanup.contains(item.parent)) {
                  return;
                }
                Branch parent = item.parent;
                if (item.content instanceof ContentFormat) {
                  needFullCleanup.add(parent);
                } else {
                  // If no formatting attribute was inserted or deleted, we can make due with
                  // contextless formatting cleanups. Contextless: it is not necessary to compute
                  // currentAttributes for the affected position.
                  cleanupContextlessFormattingGap(t, item);
                }
              });
          // If a formatting item was inserted, we simply clean the whole type.
          // We need to compute currentAttributes for the current position anyway.
          for (Branch yText : new ArrayList<>(needFullCleanup)) {
            cleanupType(yText);
          }
        },
        null,
        true);
  }
}
