package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.ListOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A list of XML nodes (Yjs Y.XmlFragment). Supported so that documents using XML types decode,
 * re-encode and merge exactly; the API is deliberately small.
 */
public final class YXmlFragment extends AbstractType {
  private List<Object> prelim = new ArrayList<>();

  public YXmlFragment() {
    this(new Branch(Branch.YXML_FRAGMENT));
  }

  YXmlFragment(Branch branch) {
    super(branch);
  }

  @Override
  void integrated(Txn transaction) {
    List<Object> p = prelim;
    prelim = null;
    if (p != null && !p.isEmpty()) {
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

  /** Inserts XML nodes (YXmlElement, YXmlText, YXmlHook). */
  public void insert(int index, List<?> nodes) {
    if (branch.doc == null) {
      prelim.addAll(index, nodes);
      return;
    }
    transact(txn -> ListOps.insertGenerics(txn, branch, index, nodes));
  }

  public void delete(int index, int length) {
    transact(txn -> ListOps.delete(txn, branch, index, length));
  }

  public List<Object> toList() {
    return branch.doc == null ? List.copyOf(prelim) : ListOps.toList(branch);
  }

  @Override
  public Object toJson() {
    return toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object o : toList()) {
      sb.append(o);
    }
    return sb.toString();
  }

  public Subscription observe(Consumer<ArrayEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    return addObserver(e -> listener.accept((ArrayEvent) e));
  }
}
