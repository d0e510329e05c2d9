package io.coderoom.crdt.internal.struct;

import io.coderoom.crdt.internal.content.Content;
import io.coderoom.crdt.internal.content.ContentDeleted;
import io.coderoom.crdt.internal.content.ContentType;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.SearchMarker;

/** An item of a shared type's list or map. Yjs src/structs/Item.js. */
public final class Item extends AbstractStruct {
  public static final int BIT_KEEP = 1;
  public static final int BIT_COUNTABLE = 2;
  public static final int BIT_DELETED = 4;
  public static final int BIT_MARKER = 8;

  /** Info byte flags of the v1 encoding. */
  public static final int HAS_ORIGIN = 0x80;

  public static final int HAS_RIGHT_ORIGIN = 0x40;
  public static final int HAS_PARENT_SUB = 0x20;
  public static final int CONTENT_REF_MASK = 0x1F;

  /**
   * Splitting an item copies its content: copying 2^10 clocks of it takes about as long as one work
   * step (see {@link Txn#spend}).
   */
  private static final int SPLIT_UNITS_PER_STEP_SHIFT = 10;

  public ID origin;
  public Item left;
  public Item right;
  public ID rightOrigin;

  /** Resolved parent; null while only {@link #parentId} / {@link #parentKey} is known or GC'd. */
  public Branch parent;

  /** Parent as an item id, as read from an update (before integration, or in update merging). */
  public ID parentId;

  /** Parent as a root type name, as read from an update. */
  public String parentKey;

  public String parentSub;
  public Content content;
  public int info;

  public Item(
      long client,
      long clock,
      Item left,
      ID origin,
      Item right,
      ID rightOrigin,
      Branch parent,
      String parentSub,
      Content content) {
    super(client, clock, content.length());
    this.origin = origin;
    this.left = left;
    this.right = right;
    this.rightOrigin = rightOrigin;
    this.parent = parent;
    this.parentSub = parentSub;
    this.content = content;
    this.info = content.countable() ? BIT_COUNTABLE : 0;
  }

  public boolean marker() {
    return (info & BIT_MARKER) != 0;
  }

  public void marker(boolean isMarked) {
    if (((info & BIT_MARKER) != 0) != isMarked) {
      info ^= BIT_MARKER;
    }
  }

  public boolean keep() {
    return (info & BIT_KEEP) != 0;
  }

  public void keep(boolean doKeep) {
    if (keep() != doKeep) {
      info ^= BIT_KEEP;
    }
  }

  public boolean countable() {
    return (info & BIT_COUNTABLE) != 0;
  }

  @Override
  public boolean deleted() {
    return (info & BIT_DELETED) != 0;
  }

  public void markDeleted() {
    info |= BIT_DELETED;
  }

  public ID lastId() {
    return new ID(client, clock + length - 1);
  }

  /** Yjs splitItem: cuts {@code leftItem} at {@code diff}, returns the right part. */
  public static Item splitItem(Txn transaction, Item leftItem, long diff) {
    // splicing copies the content (strings and arrays are not shared as in JavaScript)
    transaction.spend(1 + (leftItem.length >> SPLIT_UNITS_PER_STEP_SHIFT));
    long client = leftItem.client;
    long clock = leftItem.clock;
    Content contentBefore = transaction.undoLog() == null ? null : leftItem.content.copy();
    Item rightItem =
        new Item(
            client,
            clock + diff,
            leftItem,
            new ID(client, clock + diff - 1),
            leftItem.right,
            leftItem.rightOrigin,
            leftItem.parent,
            leftItem.parentSub,
            leftItem.content.splice(diff));
    if (contentBefore != null) {
      transaction.undoLog().split(leftItem, rightItem, leftItem.length, contentBefore);
    }
    rightItem.parentId = leftItem.parentId;
    rightItem.parentKey = leftItem.parentKey;
    if (leftItem.deleted()) {
      rightItem.markDeleted();
    }
    if (leftItem.keep()) {
      rightItem.keep(true);
    }
    // do not set leftItem.rightOrigin: that breaks syncing
    leftItem.right = rightItem;
    if (rightItem.right != null) {
      rightItem.right.left = rightItem;
    }
    transaction.mergeStructs.add(rightItem);
    if (rightItem.parentSub != null && rightItem.right == null && rightItem.parent != null) {
      rightItem.parent.map.put(rightItem.parentSub, rightItem);
    }
    leftItem.length = diff;
    return rightItem;
  }

  @Override
  public long getMissing(Txn transaction, StructStore store) {
    if (origin != null
        && origin.client() != client
        && origin.clock() >= store.getState(origin.client())) {
      return origin.client();
    }
    if (rightOrigin != null
        && rightOrigin.client() != client
        && rightOrigin.clock() >= store.getState(rightOrigin.client())) {
      return rightOrigin.client();
    }
    if (parentId != null
        && client != parentId.client()
        && parentId.clock() >= store.getState(parentId.client())) {
      return parentId.client();
    }
    // all dependencies are present; resolve them
    AbstractStruct l = null;
    AbstractStruct r = null;
    if (origin != null) {
      l = StructStore.getItemCleanEnd(transaction, origin.client(), origin.clock());
      origin = new ID(l.client, l.clock + l.length - 1);
      left = l instanceof Item li ? li : null;
    }
    if (rightOrigin != null) {
      r = StructStore.getItemCleanStart(transaction, rightOrigin.client(), rightOrigin.clock());
      rightOrigin = r.id();
      right = r instanceof Item ri ? ri : null;
    }
    if (l instanceof GC || r instanceof GC) {
      parent = null;
      parentId = null;
      parentKey = null;
    } else if (parent == null && parentId == null) {
      // copy parent info from a neighbour; only when it will not be garbage collected
      if (left != null) {
        parent = left.parent;
        parentSub = left.parentSub;
      } else if (right != null) {
        parent = right.parent;
        parentSub = right.parentSub;
      }
    } else if (parentId != null) {
      AbstractStruct parentItem = store.find(parentId);
      parentId = null;
      if (parentItem instanceof Item pi && pi.content instanceof ContentType ct) {
        parent = ct.branch;
      } else {
        parent = null;
      }
    }
    return -1;
  }

  @Override
  public void integrate(Txn transaction, long offset) {
    if (offset > 0) {
      clock += offset;
      AbstractStruct l = StructStore.getItemCleanEnd(transaction, client, clock - 1);
      if (l instanceof Item li) {
        left = li;
        origin = li.lastId();
      } else {
        left = null;
        origin = new ID(client, clock - 1);
        parent = null; // left neighbour was garbage collected: integrate as GC
      }
      content = content.splice(offset);
      length -= offset;
    }
    if (parent != null) {
      if ((left == null && (right == null || right.left != null))
          || (left != null && left.right != right)) {
        Item l = left;
        Item o;
        // set o to the first conflicting item
        if (l != null) {
          o = l.right;
        } else if (parentSub != null) {
          o = leftmostOfKey(transaction);
        } else {
          o = parent.start;
        }
        java.util.HashSet<Item> conflictingItems = new java.util.HashSet<>();
        java.util.HashSet<Item> itemsBeforeOrigin = new java.util.HashSet<>();
        // Let c in conflictingItems, b in itemsBeforeOrigin
        // ***{origin}bbbb{this}{c,b}{c,b}{o}***
        // Note that conflictingItems is a subset of itemsBeforeOrigin
        StructStore store = transaction.doc.store;
        while (o != null && o != right) {
          transaction.spend(1);
          itemsBeforeOrigin.add(o);
          conflictingItems.add(o);
          if (ID.equal(origin, o.origin)) {
            // case 1
            if (o.client < client) {
              l = o;
              conflictingItems.clear();
            } else if (ID.equal(rightOrigin, o.rightOrigin)) {
              // this and o point to the same integration points; the id decides which is first
              break;
            }
          } else if (o.origin != null && itemsBeforeOrigin.contains(itemOrNull(store, o.origin))) {
            // case 2
            if (!conflictingItems.contains(itemOrNull(store, o.origin))) {
              l = o;
              conflictingItems.clear();
            }
          } else {
            break;
          }
          o = o.right;
        }
        left = l;
      }
      // reconnect left/right + update parent map/start if necessary
      if (left != null) {
        right = left.right;
        left.right = this;
      } else {
        Item r;
        if (parentSub != null) {
          r = leftmostOfKey(transaction);
        } else {
          r = parent.start;
          parent.start = this;
        }
        right = r;
      }
      if (right != null) {
        right.left = this;
      } else if (parentSub != null) {
        // set as current parent value if right === null and this is parentSub
        parent.map.put(parentSub, this);
        if (left != null) {
          // this is the current attribute value of parent. delete right
          left.delete(transaction);
        }
      }
      // adjust length of parent
      boolean counted = parentSub == null && countable() && !deleted();
      if (counted) {
        parent.length += length;
      }
      if (transaction.undoLog() != null) {
        transaction.undoLog().inserted(this, counted);
      }
      transaction.doc.store.addStruct(this);
      content.integrate(transaction, this);
      // add parent to transaction.changed
      transaction.addChangedType(parent, parentSub);
      if ((parent.item != null && parent.item.deleted()) || (parentSub != null && right != null)) {
        // delete if parent is deleted or if this is not the current attribute value of parent
        delete(transaction);
      }
    } else {
      // parent is not defined. Integrate GC struct instead
      new GC(client, clock, length).integrate(transaction, 0);
    }
  }

  /** The first item ever set for this item's key: every set of the key is linked after it. */
  private Item leftmostOfKey(Txn transaction) {
    Item o = parent.map.get(parentSub);
    while (o != null && o.left != null) {
      transaction.spend(1);
      o = o.left;
    }
    return o;
  }

  private static Item itemOrNull(StructStore store, ID id) {
    AbstractStruct s = store.find(id);
    return s instanceof Item i ? i : null;
  }

  /** Next non-deleted item to the right. */
  public Item next() {
    Item n = right;
    while (n != null && n.deleted()) {
      n = n.right;
    }
    return n;
  }

  /** Previous non-deleted item to the left. */
  public Item prev() {
    Item n = left;
    while (n != null && n.deleted()) {
      n = n.left;
    }
    return n;
  }

  @Override
  public boolean mergeWith(AbstractStruct r) {
    // cheap checks first; the conditions are those of Yjs Item.mergeWith
    if (r instanceof Item right
        && this.right == right
        && client == right.client
        && clock + length == right.clock
        && right.origin != null
        && right.origin.client() == client
        && right.origin.clock() == clock + length - 1
        && ID.equal(rightOrigin, right.rightOrigin)
        && deleted() == right.deleted()
        && content.getClass() == right.content.getClass()
        && content.mergeWith(right.content)) {
      if (parent != null && parent.searchMarker != null) {
        for (SearchMarker marker : parent.searchMarker) {
          if (marker.p == right) {
            // right is going to be "forgotten" so we need to update the marker
            marker.p = this;
            // adjust marker index
            if (!deleted() && countable()) {
              marker.index -= length;
            }
          }
        }
      }
      if (right.keep()) {
        keep(true);
      }
      this.right = right.right;
      if (this.right != null) {
        this.right.left = this;
      }
      length += right.length;
      return true;
    }
    return false;
  }

  public void delete(Txn transaction) {
    if (!deleted()) {
      deleteShallow(transaction);
      content.delete(transaction);
    }
  }

  /** Yjs Item.delete without deleting the content (nested types delete iteratively). */
  public void deleteShallow(Txn transaction) {
    // adjust the length of parent
    if (countable() && parentSub == null) {
      parent.length -= length;
    }
    markDeleted();
    transaction.deleteSet.add(client, clock, length);
    transaction.addChangedType(parent, parentSub);
    if (transaction.undoLog() != null) {
      transaction.undoLog().deleted(this);
    }
  }

  /** Takes back {@link #deleteShallow} (see UndoLog): live again, its length back in its parent. */
  public void undelete() {
    info &= ~BIT_DELETED;
    if (countable() && parentSub == null) {
      parent.length += length;
    }
  }

  public void gc(StructStore store, boolean parentGCd) {
    if (!deleted()) {
      throw new IllegalStateException("unexpected case: gc of a live item");
    }
    content.gc(store);
    if (parentGCd) {
      store.replaceStruct(this, new GC(client, clock, length));
    } else {
      content = new ContentDeleted(length);
    }
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    ID o = offset > 0 ? new ID(client, clock + offset - 1) : origin;
    ID ro = rightOrigin;
    String ps = parentSub;
    int infoByte =
        (content.ref() & CONTENT_REF_MASK)
            | (o == null ? 0 : HAS_ORIGIN)
            | (ro == null ? 0 : HAS_RIGHT_ORIGIN)
            | (ps == null ? 0 : HAS_PARENT_SUB);
    encoder.writeInfo(infoByte);
    if (o != null) {
      encoder.writeLeftID(o);
    }
    if (ro != null) {
      encoder.writeRightID(ro);
    }
    if (o == null && ro == null) {
      if (parent != null) {
        if (parent.item == null) {
          // parent type on y._map: find the correct key
          encoder.writeParentInfo(true);
          encoder.writeString(parent.rootName());
        } else {
          encoder.writeParentInfo(false);
          encoder.writeLeftID(parent.item.id());
        }
      } else if (parentKey != null) {
        encoder.writeParentInfo(true);
        encoder.writeString(parentKey);
      } else if (parentId != null) {
        encoder.writeParentInfo(false);
        encoder.writeLeftID(parentId);
      } else {
        throw new IllegalStateException("unexpected case: item without parent");
      }
      if (ps != null) {
        encoder.writeString(ps);
      }
    }
    content.write(encoder, offset);
  }
}
