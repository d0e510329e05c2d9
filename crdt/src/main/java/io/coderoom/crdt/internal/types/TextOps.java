package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.encoding.JsObjects;
import io.coderoom.crdt.internal.content.Content;
import io.coderoom.crdt.internal.content.ContentEmbed;
import io.coderoom.crdt.internal.content.ContentFormat;
import io.coderoom.crdt.internal.content.ContentString;
import io.coderoom.crdt.internal.content.ContentType;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rich-text algorithms. Yjs src/types/YText.js. */
public final class TextOps {
  private TextOps() {}

  public static void updateCurrentAttributes(
      Map<String, Object> currentAttributes, ContentFormat format) {
    if (format.value == null) {
      currentAttributes.remove(format.key);
    } else {
      currentAttributes.put(format.key, format.value);
    }
  }

  private static Item newItem(Txn transaction, Branch parent, Item left, Item right, Content c) {
    long client = transaction.doc.clientId;
    return new Item(
        client,
        transaction.doc.store.getState(client),
        left,
        left == null ? null : left.lastId(),
        right,
        right == null ? null : right.id(),
        parent,
        null,
        c);
  }

  private static void insertNegatedAttributes(
      Txn transaction, Branch parent, TextPosition currPos, Map<String, Object> negatedAttributes) {
    // check if we really need to remove attributes
    while (currPos.right != null
        && (currPos.right.deleted()
            || (currPos.right.content instanceof ContentFormat cf
                // Yjs compares with Map.get, where a missing key (undefined) equals nothing
                && negatedAttributes.containsKey(cf.key)
                && Attrs.equalAttrs(negatedAttributes.get(cf.key), cf.value)))) {
      if (!currPos.right.deleted()) {
        negatedAttributes.remove(((ContentFormat) currPos.right.content).key);
      }
      currPos.forward();
    }
    for (Map.Entry<String, Object> e : negatedAttributes.entrySet()) {
      Item left = currPos.left;
      Item right = currPos.right;
      Item nextFormat =
          newItem(transaction, parent, left, right, new ContentFormat(e.getKey(), e.getValue()));
      nextFormat.integrate(transaction, 0);
      currPos.right = nextFormat;
      currPos.forward();
    }
  }

  private static void minimizeAttributeChanges(
      TextPosition currPos, Map<String, Object> attributes) {
    // go right while attributes[right.key] === right.value (or right is deleted)
    while (true) {
      if (currPos.right == null) {
        break;
      } else if (currPos.right.deleted()
          || (currPos.right.content instanceof ContentFormat cf
              && Attrs.equalAttrs(attributes.get(cf.key), cf.value))) {
        // continue
      } else {
        break;
      }
      currPos.forward();
    }
  }

  private static LinkedHashMap<String, Object> insertAttributes(
      Txn transaction, Branch parent, TextPosition currPos, Map<String, Object> attributes) {
    LinkedHashMap<String, Object> negatedAttributes = new LinkedHashMap<>();
    // insert format-start items
    for (String key : JsObjects.keys(attributes)) {
      Object val = attributes.get(key);
      Object currentVal = currPos.currentAttributes.get(key);
      if (!Attrs.equalAttrs(currentVal, val)) {
        // save negated attribute (set null if currentVal undefined)
        negatedAttributes.put(key, currentVal);
        Item left = currPos.left;
        Item right = currPos.right;
        currPos.right = newItem(transaction, parent, left, right, new ContentFormat(key, val));
        currPos.right.integrate(transaction, 0);
        currPos.forward();
      }
    }
    return negatedAttributes;
  }

  /** Yjs insertText; {@code text} is a String, an embed or a Branch of a shared type. */
  public static void insertText(
      Txn transaction,
      Branch parent,
      TextPosition currPos,
      Object text,
      Map<String, Object> attributesIn) {
    Map<String, Object> attributes;
    LinkedHashMap<String, Object> negatedAttributes;
    if (attributesIn.isEmpty() && currPos.currentAttributes.isEmpty()) {
      // plain text: nothing to format (fast path, same effect)
      attributes = Map.of();
      minimizeAttributeChanges(currPos, attributes);
      negatedAttributes = null;
    } else {
      LinkedHashMap<String, Object> attrs = new LinkedHashMap<>(attributesIn);
      currPos.currentAttributes.forEach(
          (key, val) -> {
            if (!attrs.containsKey(key)) {
              attrs.put(key, null);
            }
          });
      attributes = attrs;
      minimizeAttributeChanges(currPos, attributes);
      negatedAttributes = insertAttributes(transaction, parent, currPos, attributes);
    }
    // insert content
    Content content =
        text instanceof String s
            ? new ContentString(s)
            : text instanceof Branch b ? new ContentType(b) : new ContentEmbed(text);
    Item left = currPos.left;
    Item right = currPos.right;
    long index = currPos.index;
    if (parent.searchMarker != null) {
      SearchMarkers.updateMarkerChanges(parent.searchMarker, currPos.index, content.length());
    }
    right = newItem(transaction, parent, left, right, content);
    right.integrate(transaction, 0);
    currPos.right = right;
    currPos.index = index;
    currPos.forward();
    if (negatedAttributes != null && !negatedAttributes.isEmpty()) {
      insertNegatedAttributes(transaction, parent, currPos, negatedAttributes);
    }
  }

  public static void formatText(
      Txn transaction,
      Branch parent,
      TextPosition currPos,
      long length,
      Map<String, Object> attributes) {
    minimizeAttributeChanges(currPos, attributes);
    LinkedHashMap<String, Object> negatedAttributes =
        insertAttributes(transaction, parent, currPos, attributes);
    // iterate until first non-format or null is found
    // delete all formats with attributes[format.key] != null
    // also check the attributes after the first non-format as we do not want to insert redundant
    // negated attributes there
    iterationLoop:
    while (currPos.right != null
        && (length > 0
            || (!negatedAttributes.isEmpty()
                && (currPos.right.deleted() || currPos.right.content instanceof ContentFormat)))) {
      if (!currPos.right.deleted()) {
        if (currPos.right.content instanceof ContentFormat cf) {
          String key = cf.key;
          Object value = cf.value;
          if (attributes.containsKey(key)) {
            Object attr = attributes.get(key);
            if (Attrs.equalAttrs(attr, value)) {
              negatedAttributes.remove(key);
            } else {
              if (length == 0) {
                // no need to further extend negatedAttributes
                break iterationLoop;
              }
              negatedAttributes.put(key, value);
            }
            currPos.right.delete(transaction);
          } else {
            currPos.currentAttributes.put(key, value);
          }
        } else {
          if (length < currPos.right.length) {
            StructStore.getItemCleanStart(
                transaction, currPos.right.client, currPos.right.clock + length);
          }
          length -= currPos.right.length;
        }
      }
      currPos.forward();
    }
    // Quill just assumes that the editor starts with a newline and that it always
    // ends with a newline. We only insert that newline when a new newline is
    // inserted - i.e when length is bigger than type.length
    if (length > 0) {
      StringBuilder newlines = new StringBuilder();
      for (; length > 0; length--) {
        newlines.append('\n');
      }
      currPos.right =
          newItem(
              transaction,
              parent,
              currPos.left,
              currPos.right,
              new ContentString(newlines.toString()));
      currPos.right.integrate(transaction, 0);
      currPos.forward();
    }
    insertNegatedAttributes(transaction, parent, currPos, negatedAttributes);
  }

  /** Yjs deleteText. */
  public static TextPosition deleteText(Txn transaction, TextPosition currPos, long length) {
    long startLength = length;
    Map<String, Object> startAttrs =
        currPos.currentAttributes.isEmpty() ? Map.of() : new HashMap<>(currPos.currentAttributes);
    Item start = currPos.right;
    while (length > 0 && currPos.right != null) {
      if (!currPos.right.deleted()) {
        Content c = currPos.right.content;
        if (c instanceof ContentType || c instanceof ContentEmbed || c instanceof ContentString) {
          if (length < currPos.right.length) {
            StructStore.getItemCleanStart(
                transaction, currPos.right.client, currPos.right.clock + length);
          }
          length -= currPos.right.length;
          currPos.right.delete(transaction);
        }
      }
      currPos.forward();
    }
    // without any formatting item the cleanup cannot find anything to do
    if (start != null && start.parent.hasFormatItems) {
      TextFormatting.cleanupFormattingGap(
          transaction, start, currPos.right, startAttrs, currPos.currentAttributes);
    }
    Item ref = currPos.left != null ? currPos.left : currPos.right;
    Branch parent = ref == null ? null : ref.parent;
    if (parent != null && parent.searchMarker != null) {
      SearchMarkers.updateMarkerChanges(parent.searchMarker, currPos.index, -startLength + length);
    }
    return currPos;
  }

  public static String toString(Branch type) {
    StringBuilder str = new StringBuilder();
    for (Item n = type.start; n != null; n = n.right) {
      if (!n.deleted() && n.countable() && n.content instanceof ContentString cs) {
        str.append(cs.str);
      }
    }
    return str.toString();
  }
}
