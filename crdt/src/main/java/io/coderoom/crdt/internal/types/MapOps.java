package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.content.Content;
import io.coderoom.crdt.internal.content.ContentAny;
import io.coderoom.crdt.internal.content.ContentBinary;
import io.coderoom.crdt.internal.content.ContentType;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Map algorithms of shared types. Yjs typeMap* functions in src/types/AbstractType.js. */
public final class MapOps {
  private MapOps() {}

  public static void delete(Txn transaction, Branch parent, String key) {
    Item c = parent.map.get(key);
    if (c != null) {
      c.delete(transaction);
    }
  }

  public static void set(Txn transaction, Branch parent, String key, Object value) {
    ListOps.checkInsertable(value);
    Item left = parent.map.get(key);
    long client = transaction.doc.clientId;
    Content content;
    Branch typeBranch = value == null ? null : ListOps.resolver.branchOf(value);
    if (typeBranch != null) {
      content = new ContentType(typeBranch);
    } else if (value instanceof byte[] bytes) {
      content = new ContentBinary(bytes.clone());
    } else {
      List<Object> one = new ArrayList<>(1);
      one.add(value);
      content = new ContentAny(one);
    }
    new Item(
            client,
            transaction.doc.store.getState(client),
            left,
            left == null ? null : left.lastId(),
            null,
            null,
            parent,
            key,
            content)
        .integrate(transaction, 0);
  }

  public static Object get(Branch parent, String key) {
    Item val = parent.map.get(key);
    return val != null && !val.deleted() ? val.content.get((int) val.length - 1) : null;
  }

  public static boolean has(Branch parent, String key) {
    Item val = parent.map.get(key);
    return val != null && !val.deleted();
  }

  public static Map<String, Object> getAll(Branch parent) {
    Map<String, Object> res = new LinkedHashMap<>();
    parent.map.forEach(
        (key, value) -> {
          if (!value.deleted()) {
            res.put(key, value.content.get((int) value.length - 1));
          }
        });
    return Collections.unmodifiableMap(res);
  }
}
