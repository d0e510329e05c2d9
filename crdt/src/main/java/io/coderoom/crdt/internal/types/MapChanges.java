package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.KeyChange;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Changed keys of a map event with their action and old value. Yjs YEvent.keys. */
public final class MapChanges {
  private MapChanges() {}

  private static Object last(Item item) {
    List<Object> c = item.content.getContent();
    return c.isEmpty() ? null : c.get(c.size() - 1);
  }

  public static Map<String, KeyChange> of(Txn t, Branch target) {
    Map<String, KeyChange> keys = new LinkedHashMap<>();
    Set<String> changed = t.changed.get(target);
    if (changed == null) {
      return keys;
    }
    for (String key : changed) {
      if (key == null) {
        continue;
      }
      Item item = target.map.get(key);
      if (item == null) {
        continue;
      }
      if (t.adds(item.client, item.clock)) {
        Item prev = item.left;
        while (prev != null && t.adds(prev.client, prev.clock)) {
          prev = prev.left;
        }
        boolean prevDeleted = prev != null && t.deleteSet.isDeleted(prev.client, prev.clock);
        if (t.deleteSet.isDeleted(item.client, item.clock)) {
          if (prevDeleted) {
            keys.put(key, new KeyChange(KeyChange.Action.DELETE, last(prev)));
          }
        } else if (prevDeleted) {
          keys.put(key, new KeyChange(KeyChange.Action.UPDATE, last(prev)));
        } else {
          keys.put(key, new KeyChange(KeyChange.Action.ADD, null));
        }
      } else if (t.deleteSet.isDeleted(item.client, item.clock)) {
        keys.put(key, new KeyChange(KeyChange.Action.DELETE, last(item)));
      }
    }
    return keys;
  }
}
