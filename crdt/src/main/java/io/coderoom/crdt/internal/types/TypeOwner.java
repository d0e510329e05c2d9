package io.coderoom.crdt.internal.types;

import io.coderoom.crdt.internal.core.Txn;
import java.util.List;
import java.util.Set;

/** Callbacks from the model into the public shared type that owns a {@link Branch}. */
public interface TypeOwner {
  /** The public object (Text, YMap, ...) returned as content. */
  Object publicType();

  /** Called when the type is integrated into a document: apply prelim content. */
  void integrated(Txn transaction);

  /** Yjs AbstractType._callObserver. */
  void callObserver(Txn transaction, Set<String> parentSubs);

  boolean hasDeepObservers();

  /** Yjs deep observer call with the events of this type and its descendants. */
  void callDeepObservers(Txn transaction, List<Object> events);
}
