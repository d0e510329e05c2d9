package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.TextDelta;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Change of a {@link Text} (Yjs YTextEvent). */
public final class TextEvent extends Event {
  private final Set<String> keysChanged = new LinkedHashSet<>();
  private final boolean childListChanged;
  private List<Delta> delta;

  TextEvent(AbstractType target, Txn txn, Set<String> subs) {
    super(target, txn);
    boolean list = false;
    for (String sub : subs) {
      if (sub == null) {
        list = true;
      } else {
        keysChanged.add(sub);
      }
    }
    this.childListChanged = list;
  }

  /** Changed text attributes (Text#setAttribute keys). */
  public Set<String> keysChanged() {
    return Set.copyOf(keysChanged);
  }

  public boolean childListChanged() {
    return childListChanged;
  }

  /** The change as a Quill-style delta; only available while the event is being delivered. */
  public List<Delta> delta() {
    if (delta == null) {
      checkLive();
      delta = List.copyOf(TextDelta.ofEvent(txn, target().branch));
    }
    return delta;
  }
}
