package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.content.Content;
import io.coderoom.crdt.internal.content.ContentAny;
import io.coderoom.crdt.internal.content.ContentBinary;
import io.coderoom.crdt.internal.content.ContentType;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.struct.StructStore;
import java.util.ArrayList;
import java.util.List;

/** List algorithms of shared types. Yjs typeList* functions in src/types/AbstractType.js. */
public final class ListOps {
  private ListOps() {}

  /** Converts a public value to a branch if it is a shared type, else null. */
  public interface TypeResolver {
    Branch branchOf(Object value);
  }

  /** Set by the public package: maps Text/YMap/YArray objects to their branch. */
  public static volatile TypeResolver resolver = v -> null;

  public static List<Object> toList(Branch type) {
    List<Object> cs = new ArrayList<>();
    for (Item n = type.start; n != null; n = n.right) {
      if (n.countable() && !n.deleted()) {
        cs.addAll(n.content.getContent());
      }
    }
    return cs;
  }

  public static Object get(Branch type, long index) {
    SearchMarker marker = SearchMarkers.findMarker(type, index);
    Item n = type.start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
    }
    for (; n != null; n = n.right) {
      if (!n.deleted() && n.countable()) {
        if (index < n.length) {
          return n.content.get((int) index);
        }
        index -= n.length;
      }
    }
    throw new IndexOutOfBoundsException("index out of bounds");
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

  /**
   * Checks values before anything is inserted: JSON-like values must be encodable and shared types
   * must be fresh (prelim).
   */
  public static void checkInsertable(Object value) {
    Branch b = value == null ? null : resolver.branchOf(value);
    if (b != null) {
      if (b.doc != null || b.item != null) {
        throw new IllegalArgumentException(
            "a shared type can be inserted only once; create a new one");
      }
    } else {
      io.coderoom.crdt.encoding.Lib0Writer.checkAny(value);
    }
  }

  public static void insertGenericsAfter(
      Txn transaction, Branch parent, Item referenceItem, List<?> content) {
    Item left = referenceItem;
    Item right = referenceItem == null ? parent.start : referenceItem.right;
    List<Object> jsonContent = new ArrayList<>();
    for (Object c : content) {
      Branch typeBranch = c == null ? null : resolver.branchOf(c);
      if (typeBranch == null && !(c instanceof byte[])) {
        jsonContent.add(c);
        continue;
      }
      if (!jsonContent.isEmpty()) {
        left = newItem(transaction, parent, left, right, new ContentAny(jsonContent));
        left.integrate(transaction, 0);
        jsonContent = new ArrayList<>();
      }
      Content ct =
          c instanceof byte[] bytes
              ? new ContentBinary(bytes.clone())
              : new ContentType(typeBranch);
      left = newItem(transaction, parent, left, right, ct);
      left.integrate(transaction, 0);
    }
    if (!jsonContent.isEmpty()) {
      left = newItem(transaction, parent, left, right, new ContentAny(jsonContent));
      left.integrate(transaction, 0);
    }
  }

  public static void insertGenerics(Txn transaction, Branch parent, long index, List<?> content) {
    content.forEach(ListOps::checkInsertable);
    if (index > parent.length || index < 0) {
      throw new IndexOutOfBoundsException("Length exceeded!");
    }
    if (index == 0) {
      if (parent.searchMarker != null) {
        SearchMarkers.updateMarkerChanges(parent.searchMarker, index, content.size());
      }
      insertGenericsAfter(transaction, parent, null, content);
      return;
    }
    long startIndex = index;
    SearchMarker marker = SearchMarkers.findMarker(parent, index);
    Item n = parent.start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
      // we need to iterate one to the left so that the algorithm works
      if (index == 0) {
        // @todo refactor this as it actually doesn't consider formats
        n = n.prev(); // important! get the left undeleted item so that we can actually decrease
        // index
        index += (n != null && n.countable() && !n.deleted()) ? n.length : 0;
      }
    }
    for (; n != null; n = n.right) {
      if (!n.deleted() && n.countable()) {
        if (index <= n.length) {
          if (index < n.length) {
            // insert in-between
            StructStore.getItemCleanStart(transaction, n.client, n.clock + index);
          }
          break;
        }
        index -= n.length;
      }
    }
    if (parent.searchMarker != null) {
      SearchMarkers.updateMarkerChanges(parent.searchMarker, startIndex, content.size());
    }
    insertGenericsAfter(transaction, parent, n, content);
  }

  public static void pushGenerics(Txn transaction, Branch parent, List<?> content) {
    content.forEach(ListOps::checkInsertable);
    // Use the marker with the highest index and iterate to the right.
    Item n = parent.start;
    long maxIndex = 0;
    if (parent.searchMarker != null) {
      for (SearchMarker m : parent.searchMarker) {
        if (m.index > maxIndex) {
          maxIndex = m.index;
          n = m.p;
        }
      }
    }
    if (n != null) {
      while (n.right != null) {
        n = n.right;
      }
    }
    insertGenericsAfter(transaction, parent, n, content);
  }

  public static void delete(Txn transaction, Branch parent, long index, long length) {
    if (length == 0) {
      return;
    }
    long startIndex = index;
    long startLength = length;
    SearchMarker marker = SearchMarkers.findMarker(parent, index);
    Item n = parent.start;
    if (marker != null) {
      n = marker.p;
      index -= marker.index;
    }
    // compute the first item to be deleted
    for (; n != null && index > 0; n = n.right) {
      if (!n.deleted() && n.countable()) {
        if (index < n.length) {
          StructStore.getItemCleanStart(transaction, n.client, n.clock + index);
        }
        index -= n.length;
      }
    }
    // delete all items until done
    while (length > 0 && n != null) {
      if (!n.deleted()) {
        if (length < n.length) {
          StructStore.getItemCleanStart(transaction, n.client, n.clock + length);
        }
        n.delete(transaction);
        length -= n.length;
      }
      n = n.right;
    }
    if (length > 0) {
      throw new IndexOutOfBoundsException("Length exceeded!");
    }
    if (parent.searchMarker != null) {
      SearchMarkers.updateMarkerChanges(parent.searchMarker, startIndex, -startLength + length);
    }
  }
}
