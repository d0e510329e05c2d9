package io.coderoom.crdt;

import io.coderoom.crdt.internal.core.Txn;
import io.coderoom.crdt.internal.types.Branch;
import io.coderoom.crdt.internal.types.MapOps;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A custom XML node holding a map (Yjs Y.XmlHook). */
public final class YXmlHook extends AbstractType {
  public YXmlHook(String hookName) {
    this(newBranch(Objects.requireNonNull(hookName, "hookName")));
  }

  private static Branch newBranch(String hookName) {
    Branch b = new Branch(Branch.YXML_HOOK);
    b.nodeName = hookName;
    return b;
  }

  YXmlHook(Branch branch) {
    super(branch);
  }

  public String hookName() {
    return branch.nodeName;
  }

  @Override
  void integrated(Txn transaction) {}

  @Override
  Event createEvent(Txn transaction, Set<String> parentSubs) {
    return new MapEvent(this, transaction, parentSubs);
  }

  public void set(String key, Object value) {
    transact(txn -> MapOps.set(txn, branch, key, value));
  }

  public Object get(String key) {
    return MapOps.get(branch, key);
  }

  @Override
  public Map<String, Object> toJson() {
    return MapOps.getAll(branch);
  }
}
