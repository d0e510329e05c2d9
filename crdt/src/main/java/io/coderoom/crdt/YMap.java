package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.struct.Item;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.MapOps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** Shared map with string keys; concurrent sets of one key: the last writer wins (Yjs Y.Map). */
public final class YMap extends AbstractType {
  private LinkedHashMap<String, Object> prelim = new LinkedHashMap<>();

  /** A prelim, empty map to insert into a map or array. */
  public YMap() {
    this(new Branch(Branch.YMAP));
  }

  YMap(Branch branch) {
    super(branch);
  }

  @Override
  void integrated(Txn transaction) {
    LinkedHashMap<String, Object> p = prelim;
    prelim = null;
    if (p != null) {
      p.forEach(this::set);
    }
  }

  @Override
  Event createEvent(Txn transaction, Set<String> parentSubs) {
    return new MapEvent(this, transaction, parentSubs);
  }

  /** Sets {@code key}; value is JSON-like, a byte[], or a prelim shared type. */
  public void set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (branch.doc == null) {
      prelim.put(key, value);
      return;
    }
    transact(txn -> MapOps.set(txn, branch, key, value));
  }

  /** The value, or null when absent (a stored null is also returned as null; see {@link #has}). */
  public Object get(String key) {
    if (branch.doc == null) {
      return prelim.get(key);
    }
    return MapOps.get(branch, key);
  }

  public boolean has(String key) {
    if (branch.doc == null) {
      return prelim.containsKey(key);
    }
    return MapOps.has(branch, key);
  }

  public void delete(String key) {
    if (branch.doc == null) {
      prelim.remove(key);
      return;
    }
    transact(txn -> MapOps.delete(txn, branch, key));
  }

  /** Removes every key. */
  public void clear() {
    if (branch.doc == null) {
      prelim.clear();
      return;
    }
    transact(
        txn -> {
          for (String key : keys()) {
            MapOps.delete(txn, branch, key);
          }
        });
  }

  /** Present keys in Yjs order (first insertion of each key). */
  public Set<String> keys() {
    if (branch.doc == null) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(prelim.keySet()));
    }
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<String, Item> e : branch.map.entrySet()) {
      if (!e.getValue().deleted()) {
        keys.add(e.getKey());
      }
    }
    return Collections.unmodifiableSet(keys);
  }

  public int size() {
    return keys().size();
  }

  /** Live entries (shared types are returned as objects). */
  public Map<String, Object> entries() {
    if (branch.doc == null) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(prelim));
    }
    return MapOps.getAll(branch);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    entries().forEach((k, v) -> out.put(k, toJsonValue(v)));
    return out;
  }

  /** Listens to changes of this map. */
  public Subscription observe(Consumer<MapEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    return addObserver(e -> listener.accept((MapEvent) e));
  }
}
