package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.Delta;
import io.coderoom.crdt.internal.content.ContentEmbed;
import io.coderoom.crdt.internal.content.ContentFormat;
import io.coderoom.crdt.internal.content.ContentString;
import io.coderoom.crdt.internal.content.ContentType;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deltas of texts: change events (Yjs YTextEvent.delta) and content (Yjs YText.toDelta). */
public final class TextDelta {
  private TextDelta() {}

  private static boolean adds(Txn t, Item item) {
    return t.adds(item.client, item.clock);
  }

  private static boolean deletes(Txn t, Item item) {
    return t.deleteSet.isDeleted(item.client, item.clock);
  }

  /** Yjs YTextEvent.delta. May delete redundant formatting items (in a new transaction). */
  public static List<Delta> ofEvent(Txn t, Branch target) {
    List<Delta> delta = new ArrayList<>();
    target.doc.transact(
        transaction -> new TextDeltaBuilder(t, transaction, target, delta).run(), null, true);
    // remove trailing retains without attributes
    while (!delta.isEmpty()) {
      Delta last = delta.get(delta.size() - 1);
      if (last.retain() != null && last.attributes() == null) {
        delta.remove(delta.size() - 1);
      } else {
        break;
      }
    }
    return delta;
  }

  private static final class TextDeltaBuilder {
    final Txn event;
    final Txn transaction;
    final Branch target;
    final List<Delta> delta;
    final Map<String, Object> currentAttributes = new LinkedHashMap<>();
    final Map<String, Object> oldAttributes = new LinkedHashMap<>();
    final Map<String, Object> attributes = new LinkedHashMap<>();
    String action;
    Object insert = "";
    long retain;
    long deleteLen;

    TextDeltaBuilder(Txn event, Txn transaction, Branch target, List<Delta> delta) {
      this.event = event;
      this.transaction = transaction;
      this.target = target;
      this.delta = delta;
    }

    void addOp() {
      if (action == null) {
        return;
      }
      Delta op = null;
      switch (action) {
        case "delete" -> {
          if (deleteLen > 0) {
            op = Delta.delete((int) deleteLen);
          }
          deleteLen = 0;
        }
        case "insert" -> {
          if (!(insert instanceof String s) || !s.isEmpty()) {
            Map<String, Object> attrs = null;
            if (!currentAttributes.isEmpty()) {
              attrs = new LinkedHashMap<>();
              for (Map.Entry<String, Object> e : currentAttributes.entrySet()) {
                if (e.getValue() != null) {
                  attrs.put(e.getKey(), e.getValue());
                }
              }
            }
            op = Delta.insert(insert, attrs);
          }
          insert = "";
        }
        default -> {
          if (retain > 0) {
            op =
                Delta.retain(
                    (int) retain, attributes.isEmpty() ? null : new LinkedHashMap<>(attributes));
          }
          retain = 0;
        }
      }
      if (op != null) {
        delta.add(op);
      }
      action = null;
    }

    void run() {
      for (Item item = target.start; item != null; item = item.right) {
        if (item.content instanceof ContentType || item.content instanceof ContentEmbed) {
          if (adds(event, item)) {
            if (!deletes(event, item)) {
              addOp();
              action = "insert";
              insert = item.content.get(0);
              addOp();
            }
          } else if (deletes(event, item)) {
            if (!"delete".equals(action)) {
              addOp();
              action = "delete";
            }
            deleteLen += 1;
          } else if (!item.deleted()) {
            if (!"retain".equals(action)) {
              addOp();
              action = "retain";
            }
            retain += 1;
          }
        } else if (item.content instanceof ContentString cs) {
          if (adds(event, item)) {
            if (!deletes(event, item)) {
              if (!"insert".equals(action)) {
                addOp();
                action = "insert";
              }
              insert = (String) insert + cs.str;
            }
          } else if (deletes(event, item)) {
            if (!"delete".equals(action)) {
              addOp();
              action = "delete";
            }
            deleteLen += item.length;
          } else if (!item.deleted()) {
            if (!"retain".equals(action)) {
              addOp();
              action = "retain";
            }
            retain += item.length;
          }
        } else if (item.content instanceof ContentFormat cf) {
          String key = cf.key;
          Object value = cf.value;
          if (adds(event, item)) {
            if (!deletes(event, item)) {
              Object curVal = currentAttributes.get(key);
              if (!Attrs.equalAttrs(curVal, value)) {
                if ("retain".equals(action)) {
                  addOp();
                }
                if (Attrs.equalAttrs(value, oldAttributes.get(key))) {
                  attributes.remove(key);
                } else {
                  attributes.put(key, value);
                }
              } else if (value != null) {
                item.delete(transaction);
              }
            }
          } else if (deletes(event, item)) {
            oldAttributes.put(key, value);
            Object curVal = currentAttributes.get(key);
            if (!Attrs.equalAttrs(curVal, value)) {
              if ("retain".equals(action)) {
                addOp();
              }
              attributes.put(key, curVal);
            }
          } else if (!item.deleted()) {
            oldAttributes.put(key, value);
            if (attributes.containsKey(key)) {
              Object attr = attributes.get(key);
              if (!Attrs.equalAttrs(attr, value)) {
                if ("retain".equals(action)) {
                  addOp();
                }
                if (value == null) {
                  attributes.remove(key);
                } else {
                  attributes.put(key, value);
                }
              } else if (attr != null) {
                // this will be cleaned up automatically by the contextless cleanup function
                item.delete(transaction);
              }
            }
          }
          if (!item.deleted()) {
            if ("insert".equals(action)) {
              addOp();
            }
            TextOps.updateCurrentAttributes(currentAttributes, cf);
          }
        }
      }
      addOp();
    }
  }

  /** Yjs YText.toDelta() without snapshots. */
  public static List<Delta> ofContent(Branch type) {
    List<Delta> ops = new ArrayList<>();
    Map<String, Object> currentAttributes = new LinkedHashMap<>();
    StringBuilder str = new StringBuilder();
    for (Item n = type.start; n != null; n = n.right) {
      if (n.deleted()) {
        continue;
      }
      if (n.content instanceof ContentString cs) {
        str.append(cs.str);
      } else if (n.content instanceof ContentType || n.content instanceof ContentEmbed) {
        packStr(ops, str, currentAttributes);
        ops.add(
            Delta.insert(
                n.content.get(0),
                currentAttributes.isEmpty() ? null : new LinkedHashMap<>(currentAttributes)));
      } else if (n.content instanceof ContentFormat cf) {
        packStr(ops, str, currentAttributes);
        TextOps.updateCurrentAttributes(currentAttributes, cf);
      }
    }
    packStr(ops, str, currentAttributes);
    return ops;
  }

  private static void packStr(List<Delta> ops, StringBuilder str, Map<String, Object> attrs) {
    if (str.length() > 0) {
      ops.add(Delta.insert(str.toString(), attrs.isEmpty() ? null : new LinkedHashMap<>(attrs)));
      str.setLength(0);
    }
  }
}
