package io.coderoom.crdt.internal.types;

import java.util.List;
import java.util.Map;

/** JavaScript equality as Yjs uses it for formatting attributes (=== and equalFlat). */
public final class Attrs {
  private Attrs() {}

  /** JavaScript {@code a === b} for JSON-like values (objects by identity). */
  public static boolean strictEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof String || a instanceof Boolean) {
      return a.equals(b);
    }
    return false;
  }

  /** Yjs equalAttrs: strict equality, or flat equality of two objects. */
  public static boolean equalAttrs(Object a, Object b) {
    if (strictEquals(a, b)) {
      return true;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !strictEquals(mb.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!strictEquals(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
