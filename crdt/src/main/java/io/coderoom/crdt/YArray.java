package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.ListOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** Shared list of JSON-like values, byte arrays and shared types (Yjs Y.Array). */
public final class YArray extends AbstractType {
  private List<Object> prelim = new ArrayList<>();

  /** A prelim, empty array to insert into a map or array. */
  public YArray() {
    this(new Branch(Branch.YARRAY));
  }

  YArray(Branch branch) {
    super(branch);
  }

  @Override
  void integrated(Txn transaction) {
    List<Object> p = prelim;
    prelim = null;
    if (p != null) {
      insert(0, p);
    }
  }

  @Override
  Event createEvent(Txn transaction, Set<String> parentSubs) {
    return new ArrayEvent(this, transaction);
  }

  public int length() {
    return branch.doc == null ? prelim.size() : (int) branch.length;
  }

  public void insert(int index, List<?> values) {
    Objects.requireNonNull(values, "values");
    if (branch.doc == null) {
      prelim.addAll(index, values);
      return;
    }
    if (index < 0 || index > branch.length) {
      throw new IndexOutOfBoundsException("index " + index + " out of [0, " + branch.length + "]");
    }
    transact(txn -> ListOps.insertGenerics(txn, branch, index, values));
  }

  public void push(List<?> values) {
    Objects.requireNonNull(values, "values");
    if (branch.doc == null) {
      prelim.addAll(values);
      return;
    }
    transact(txn -> ListOps.pushGenerics(txn, branch, values));
  }

  public void unshift(List<?> values) {
    insert(0, values);
  }

  public void delete(int index, int length) {
    if (branch.doc == null) {
      prelim.subList(index, index + length).clear();
      return;
    }
    if (index < 0 || length < 0 || (long) index + length > branch.length) {
      throw new IndexOutOfBoundsException(
          "range ["
              + index
              + ", "
              + index
              + "+"
              + length
              + ") out of array length "
              + branch.length);
    }
    transact(txn -> ListOps.delete(txn, branch, index, length));
  }

  public Object get(int index) {
    if (branch.doc == null) {
      return prelim.get(index);
    }
    if (index < 0 || index >= branch.length) {
      throw new IndexOutOfBoundsException(
          "index " + index + " out of array length " + branch.length);
    }
    return ListOps.get(branch, index);
  }

  /** Live values (shared types are returned as objects). */
  public List<Object> toList() {
    if (branch.doc == null) {
      return Collections.unmodifiableList(new ArrayList<>(prelim));
    }
    return Collections.unmodifiableList(ListOps.toList(branch));
  }

  @Override
  public List<Object> toJson() {
    List<Object> out = new ArrayList<>();
    for (Object v : toList()) {
      out.add(toJsonValue(v));
    }
    return out;
  }

  /** Listens to changes of this array. */
  public Subscription observe(Consumer<ArrayEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    return addObserver(e -> listener.accept((ArrayEvent) e));
  }
}
