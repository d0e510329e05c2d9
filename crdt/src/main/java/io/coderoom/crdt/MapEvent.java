package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.MapChanges;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Change of a {@link YMap} (Yjs YMapEvent). */
public final class MapEvent extends Event {
  private final Set<String> keysChanged;

  MapEvent(AbstractType target, Txn txn, Set<String> subs) {
    super(target, txn);
    Set<String> keys = new LinkedHashSet<>();
    for (String s : subs) {
      if (s != null) {
        keys.add(s);
      }
    }
    this.keysChanged = Collections.unmodifiableSet(keys);
  }

  private Map<String, KeyChange> keys;

  /**
   * Changed keys with their action and previous value, like Yjs event.changes.keys; only available
   * while the event is being delivered. Old values of collected (gc) items are null.
   */
  public Map<String, KeyChange> keys() {
    if (keys == null) {
      checkLive();
      keys = Collections.unmodifiableMap(MapChanges.of(txn, target().branch));
    }
    return keys;
  }

  /** Keys whose value was set or deleted. */
  public Set<String> keysChanged() {
    return keysChanged;
  }
}
