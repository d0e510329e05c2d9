package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.ListOps;
import io.coderoom.crdt.internal.types.MapOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** An XML element: a node name, attributes and child nodes (Yjs Y.XmlElement). */
public final class YXmlElement extends AbstractType {
  private List<Object> prelimChildren = new ArrayList<>();
  private Map<String, Object> prelimAttrs = new LinkedHashMap<>();

  public YXmlElement(String nodeName) {
    this(newBranch(Objects.requireNonNull(nodeName, "nodeName")));
  }

  private static Branch newBranch(String nodeName) {
    Branch b = new Branch(Branch.YXML_ELEMENT);
    b.nodeName = nodeName;
    return b;
  }

  YXmlElement(Branch branch) {
    super(branch);
  }

  public String nodeName() {
    return branch.nodeName;
  }

  @Override
  void integrated(Txn transaction) {
    List<Object> c = prelimChildren;
    Map<String, Object> a = prelimAttrs;
    prelimChildren = null;
    prelimAttrs = null;
    if (c != null && !c.isEmpty()) {
      insert(0, c);
    }
    if (a != null) {
      a.forEach(this::setAttribute);
    }
  }

  @Override
  Event createEvent(Txn transaction, Set<String> parentSubs) {
    return new ArrayEvent(this, transaction);
  }

  public void insert(int index, List<?> nodes) {
    if (branch.doc == null) {
      prelimChildren.addAll(index, nodes);
      return;
    }
    transact(txn -> ListOps.insertGenerics(txn, branch, index, nodes));
  }

  public void delete(int index, int length) {
    transact(txn -> ListOps.delete(txn, branch, index, length));
  }

  public int length() {
    return branch.doc == null ? prelimChildren.size() : (int) branch.length;
  }

  public List<Object> toList() {
    return branch.doc == null ? List.copyOf(prelimChildren) : ListOps.toList(branch);
  }

  public void setAttribute(String name, Object value) {
    if (branch.doc == null) {
      prelimAttrs.put(name, value);
      return;
    }
    transact(txn -> MapOps.set(txn, branch, name, value));
  }

  public Object getAttribute(String name) {
    return branch.doc == null ? prelimAttrs.get(name) : MapOps.get(branch, name);
  }

  public void removeAttribute(String name) {
    if (branch.doc == null) {
      prelimAttrs.remove(name);
      return;
    }
    transact(txn -> MapOps.delete(txn, branch, name));
  }

  public Map<String, Object> getAttributes() {
    return branch.doc == null ? Map.copyOf(prelimAttrs) : MapOps.getAll(branch);
  }

  @Override
  public Object toJson() {
    return toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("<").append(branch.nodeName.toLowerCase());
    getAttributes().forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v).append('"'));
    sb.append('>');
    for (Object o : toList()) {
      sb.append(o);
    }
    return sb.append("</").append(branch.nodeName.toLowerCase()).append('>').toString();
  }
}
