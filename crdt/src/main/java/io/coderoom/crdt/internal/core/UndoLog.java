package io.coderoom.crdt.internal.core;

import io.coderoom.crdt.internal.content.Content;
import io.coderoom.crdt.internal.struct.AbstractStruct;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.SearchMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How to take back a remote transaction that ran out of work before it finished, so the document is
 * exactly as it was: same structs, links, lengths, pending updates and root types, and the same
 * objects behind every live handle. Yjs has nothing like it (it cannot stop an update half way).
 *
 * <p>Integrating an update changes the structs that existed before it in few ways, each logged here
 * as it happens: an item is linked in beside them, an item is split in two, an item is deleted, a
 * text learns it has formatting. Taking them back in reverse order restores every link (each change
 * is undone when its neighbours are as it left them). The structs the update added all have clocks
 * at or after the state before the transaction, so cutting each client's struct list there removes
 * them. Observers and update listeners never see the transaction.
 */
public final class UndoLog {
  private sealed interface Change permits Inserted, Split, Deleted, FormatFlags, RootCreated {}

  /** An item linked into its parent; {@code counted}: its length was added to the parent's. */
  private record Inserted(Item item, boolean counted) implements Change {}

  /** {@code left} cut at its old length, {@code right} being the new right part. */
  private record Split(Item left, Item right, long length, Content content) implements Change {}

  private record Deleted(Item item) implements Change {}

  private record FormatFlags(
      Branch branch,
      ArrayList<SearchMarker> searchMarker,
      boolean hasFormatting,
      boolean hasFormatItems)
      implements Change {}

  private record RootCreated(String name) implements Change {}

  private final ArrayList<Change> changes = new ArrayList<>();
  private final Map<Long, Long> stateBefore;
  private final StructStore.PendingStructs pendingStructs;
  private final byte[] pendingDs;

  UndoLog(DocCore doc, Map<Long, Long> stateBefore) {
    this.stateBefore = stateBefore;
    StructStore.PendingStructs pending = doc.store.pendingStructs;
    // the update reader adds to the missing map of the pending structs in place
    this.pendingStructs =
        pending == null
            ? null
            : new StructStore.PendingStructs(new HashMap<>(pending.missing()), pending.update());
    this.pendingDs = doc.store.pendingDs;
  }

  /** {@code item} was linked between its left and right neighbours. */
  public void inserted(Item item, boolean countedInParent) {
    changes.add(new Inserted(item, countedInParent));
  }

  /**
   * {@code left} is about to be split: call before it changes, with the content copied (splitting
   * changes the content in place).
   */
  public void split(Item left, Item right, long lengthBefore, Content contentBefore) {
    changes.add(new Split(left, right, lengthBefore, contentBefore));
  }

  /** {@code item} was marked deleted (and its length taken from its parent's). */
  public void deleted(Item item) {
    changes.add(new Deleted(item));
  }

  /** The formatting flags of {@code branch} are about to change. */
  public void formatting(Branch branch) {
    changes.add(
        new FormatFlags(branch, branch.searchMarker, branch.hasFormatting, branch.hasFormatItems));
  }

  /** A root type was created for a name the update used. */
  public void rootCreated(String name) {
    changes.add(new RootCreated(name));
  }

  /** Restores the document as it was before the transaction. */
  void undo(DocCore doc) {
    for (int i = changes.size() - 1; i >= 0; i--) {
      switch (changes.get(i)) {
        case Inserted c -> unlink(c.item(), c.counted());
        case Split c -> unsplit(doc.store, c);
        case Deleted c -> c.item().undelete();
        case FormatFlags c -> {
          c.branch().searchMarker = c.searchMarker();
          c.branch().hasFormatting = c.hasFormatting();
          c.branch().hasFormatItems = c.hasFormatItems();
        }
        case RootCreated c -> doc.share.remove(c.name());
      }
    }
    Iterator<Map.Entry<Long, ArrayList<AbstractStruct>>> clients =
        doc.store.clients.entrySet().iterator();
    while (clients.hasNext()) {
      Map.Entry<Long, ArrayList<AbstractStruct>> e = clients.next();
      long before = stateBefore.getOrDefault(e.getKey(), 0L);
      ArrayList<AbstractStruct> structs = e.getValue();
      if (before == 0) {
        clients.remove();
        continue;
      }
      int keep = structs.size();
      while (structs.get(keep - 1).clock >= before) {
        keep--;
      }
      structs.subList(keep, structs.size()).clear();
    }
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }

  /** Reverses Item.integrate's linking: its neighbours point at each other again. */
  private static void unlink(Item item, boolean counted) {
    Branch parent = item.parent;
    Item left = item.left;
    Item right = item.right;
    if (left != null) {
      left.right = right;
    } else if (item.parentSub == null) {
      parent.start = right;
    }
    if (right != null) {
      right.left = left;
    } else if (item.parentSub != null) {
      // the item had become the key's current value
      if (left != null) {
        parent.map.put(item.parentSub, left);
      } else {
        parent.map.remove(item.parentSub);
      }
    }
    if (counted) {
      parent.length -= item.length;
    }
  }

  /** Reverses Item.splitItem: the left part takes its old length, content and right back. */
  private static void unsplit(StructStore store, Split c) {
    Item left = c.left();
    Item right = c.right();
    // found while the left part still ends where the right part starts
    ArrayList<AbstractStruct> structs = store.clients.get(right.client);
    int index = StructStore.findIndexSS(structs, right.clock);
    if (structs.get(index) != right) {
      throw new IllegalStateException("unexpected case: split part not in struct store");
    }
    structs.remove(index);
    left.length = c.length();
    left.content = c.content();
    left.right = right.right;
    if (right.right != null) {
      right.right.left = left;
    }
    if (right.parentSub != null
        && right.parent != null
        && right.parent.map.get(right.parentSub) == right) {
      right.parent.map.put(right.parentSub, left);
    }
  }
}
