package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.core.UpdateEncoderV1;
import io.coderoom.crdt.internal.struct.GC;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import io.coderoom.crdt.internal.types.Branch;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/** A nested shared type. Yjs src/structs/ContentType.js. */
public final class ContentType implements Content {
  public final Branch branch;

  public ContentType(Branch branch) {
    this.branch = branch;
  }

  @Override
  public long length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return Collections.singletonList(branch.publicType());
  }

  @Override
  public boolean countable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentType(branch.copyEmpty());
  }

  @Override
  public Content splice(long offset) {
    throw new UnsupportedOperationException("ContentType cannot be split");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void integrate(Txn transaction, Item item) {
    branch.integrate(transaction, item);
  }

  /**
   * Yjs ContentType.delete: deletes the nested content depth-first. Iterative (an explicit stack
   * replaces the recursion, in the same order) so that deeply nested documents cannot overflow the
   * call stack.
   */
  @Override
  public void delete(Txn transaction) {
    ArrayDeque<Children> stack = new ArrayDeque<>();
    stack.push(new Children(branch));
    while (!stack.isEmpty()) {
      Children frame = stack.peek();
      Item item = frame.next();
      if (item == null) {
        transaction.changed.remove(frame.branch);
        stack.pop();
      } else if (!item.deleted()) {
        item.deleteShallow(transaction);
        if (item.content instanceof ContentType ct) {
          stack.push(new Children(ct.branch));
        } else {
          item.content.delete(transaction);
        }
      } else if (item.clock < transaction.beforeState.getOrDefault(item.client, 0L)) {
        // This will be gc'd later and we want to merge it if possible. We try to merge all
        // deleted items after each transaction, but this one is not in transaction.deleteSet.
        transaction.mergeStructs.add(item);
      }
    }
  }

  /** The list items of a branch, then its map entries (Yjs iterates _start, then _map). */
  private static final class Children {
    final Branch branch;
    private Item last;
    private boolean listDone;
    private Iterator<Item> mapValues;

    Children(Branch branch) {
      this.branch = branch;
    }

    Item next() {
      if (!listDone) {
        Item n = last == null ? branch.start : last.right;
        if (n != null) {
          last = n;
          return n;
        }
        listDone = true;
        mapValues = branch.map.values().iterator();
      }
      return mapValues.hasNext() ? mapValues.next() : null;
    }
  }

  /** Yjs ContentType.gc, iterative: every nested item becomes a GC struct. */
  @Override
  public void gc(StructStore store) {
    ArrayDeque<Branch> work = new ArrayDeque<>();
    work.push(branch);
    while (!work.isEmpty()) {
      Branch b = work.pop();
      for (Item item = b.start; item != null; item = item.right) {
        collect(store, item, work);
      }
      b.start = null;
      for (Item item : b.map.values()) {
        for (; item != null; item = item.left) {
          collect(store, item, work);
        }
      }
      b.map = new LinkedHashMap<>();
    }
  }

  private static void collect(StructStore store, Item item, ArrayDeque<Branch> work) {
    if (!item.deleted()) {
      throw new IllegalStateException("unexpected case: gc of a live item");
    }
    if (item.content instanceof ContentType ct) {
      work.push(ct.branch);
    } else {
      item.content.gc(store);
    }
    store.replaceStruct(item, new GC(item.client, item.clock, item.length));
  }

  @Override
  public void write(UpdateEncoderV1 encoder, long offset) {
    encoder.writeTypeRef(branch.typeRef);
    if (branch.typeRef == Branch.YXML_ELEMENT || branch.typeRef == Branch.YXML_HOOK) {
      encoder.writeKey(branch.nodeName);
    }
  }

  @Override
  public int ref() {
    return REF_TYPE;
  }
}
