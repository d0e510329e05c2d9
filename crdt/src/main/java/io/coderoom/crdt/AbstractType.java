package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.DocCore;
import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.ListOps;
import io.coderoom.crdt.internal.types.TypeOwner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A shared type: {@link Text}, {@link YMap}, {@link YArray} or an XML type. A type created with
 * {@code new} is "prelim" until it is inserted into a document. Yjs AbstractType.
 */
public abstract sealed class AbstractType
    permits Text, YMap, YArray, YXmlFragment, YXmlElement, YXmlHook {
  static {
    ListOps.resolver = v -> v instanceof AbstractType t ? t.branch : null;
  }

  final Branch branch;
  private final List<Consumer<Event>> observers = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<Event>>> deepObservers = new CopyOnWriteArrayList<>();

  AbstractType(Branch branch) {
    this.branch = branch;
    branch.owner = new Owner();
  }

  /** The document, or null while prelim. */
  public Doc doc() {
    DocCore core = branch.doc;
    return core == null ? null : (Doc) core.facade;
  }

  /** The type this one is nested in; empty for root types and prelim types. */
  public Optional<AbstractType> parent() {
    Branch p = branch.parent();
    return p == null ? Optional.empty() : Optional.ofNullable((AbstractType) p.publicType());
  }

  /** JSON-like copy of the content (nested types converted too). */
  public abstract Object toJson();

  /** Applies prelim content once the type is part of a document. */
  abstract void integrated(Txn transaction);

  /** Side effects of Yjs _callObserver that do not depend on listeners. */
  void beforeObservers(Txn transaction) {}

  /** Whether this type or an ancestor has deep observers; memoized per transaction. */
  private boolean deepObserved(Txn transaction) {
    if (transaction.deepObserved == null) {
      transaction.deepObserved = new java.util.IdentityHashMap<>();
    }
    java.util.IdentityHashMap<Branch, Boolean> memo = transaction.deepObserved;
    List<Branch> path = new ArrayList<>();
    boolean result = false;
    for (Branch b = branch; b != null; b = b.item == null ? null : b.item.parent) {
      Boolean known = memo.get(b);
      if (known != null) {
        result = known;
        break;
      }
      path.add(b);
      if (b.owner != null && b.owner.hasDeepObservers()) {
        result = true;
        break;
      }
    }
    for (Branch b : path) {
      memo.put(b, result);
    }
    return result;
  }

  /** The change event of this type (Yjs _callObserver). */
  abstract Event createEvent(Txn transaction, Set<String> parentSubs);

  Subscription addObserver(Consumer<Event> f) {
    observers.add(f);
    return () -> observers.remove(f);
  }

  /** Listens to changes of this type and all nested types (Yjs observeDeep). */
  public Subscription observeDeep(Consumer<List<Event>> listener) {
    deepObservers.add(listener);
    return () -> deepObservers.remove(listener);
  }

  /** Runs {@code body} in a transaction of the document, or directly while prelim. */
  void transact(Consumer<Txn> body) {
    DocCore core = branch.doc;
    if (core == null) {
      throw new IllegalStateException("Add the type to a document before changing it");
    }
    core.transact(body, null, true);
  }

  static Object toJsonValue(Object v) {
    return v instanceof AbstractType t ? t.toJson() : v;
  }

  private static int depthBelow(Branch child, Branch ancestor) {
    int d = 0;
    for (Branch b = child; b != null && b != ancestor && b.item != null; b = b.item.parent) {
      d++;
    }
    return d;
  }

  private final class Owner implements TypeOwner {
    @Override
    public Object publicType() {
      return AbstractType.this;
    }

    @Override
    public void integrated(Txn transaction) {
      AbstractType.this.integrated(transaction);
    }

    @Override
    public void callObserver(Txn transaction, Set<String> parentSubs) {
      if (!transaction.local && branch.searchMarker != null && branch.typeRef != Branch.YMAP) {
        branch.searchMarker.clear();
      }
      beforeObservers(transaction);
      if (observers.isEmpty() && !deepObserved(transaction)) {
        return; // nobody can see the event
      }
      Event event = createEvent(transaction, parentSubs);
      // record the event for deep observers of this type and all its parents
      Branch type = branch;
      while (true) {
        transaction.changedParentTypes.computeIfAbsent(type, k -> new ArrayList<>()).add(event);
        if (type.item == null) {
          break;
        }
        type = type.item.parent;
      }
      for (Consumer<Event> f : observers) {
        f.accept(event);
      }
    }

    @Override
    public boolean hasDeepObservers() {
      return !deepObservers.isEmpty();
    }

    @Override
    public void callDeepObservers(Txn transaction, List<Object> events) {
      List<Event> list = new ArrayList<>();
      for (Object e : events) {
        Event ev = (Event) e;
        Branch tb = ev.target().branch;
        if (tb.item == null || !tb.item.deleted()) {
          list.add(ev);
        }
      }
      // top-level events first (Yjs sorts by path length relative to the observed type)
      list.sort(java.util.Comparator.comparingInt(ev -> depthBelow(ev.target().branch, branch)));
      for (Event ev : list) {
        ev.currentTarget = AbstractType.this; // the same event goes to every ancestor (yjs#768)
      }
      List<Event> view = List.copyOf(list);
      for (Consumer<List<Event>> f : deepObservers) {
        f.accept(view);
      }
    }
  }
}
