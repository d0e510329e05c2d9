package io.coderoom.crdt.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JavaScript object key order: array-index keys ascending first, then the rest as inserted. */
public final class JsObjects {
  private JsObjects() {}

  /** Keys of {@code map} in the order JavaScript's Object.keys would list them. */
  public static List<String> keys(Map<?, ?> map) {
    List<String> plain = new ArrayList<>(map.size());
    List<String> indexes = null;
    for (Object k : map.keySet()) {
      String key = String.valueOf(k);
      if (isArrayIndex(key)) {
        if (indexes == null) {
          indexes = new ArrayList<>();
        }
        indexes.add(key);
      } else {
        plain.add(key);
      }
    }
    if (indexes == null) {
      return plain;
    }
    indexes.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    indexes.addAll(plain);
    return indexes;
  }

  /** True for canonical decimal strings of integers 0 .. 2^32-2 (ECMAScript array indexes). */
  public static boolean isArrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10) {
      return false;
    }
    if (n > 1 && key.charAt(0) == '0') {
      return false;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      v = v * 10 + (c - '0');
    }
    return v < 0xFFFFFFFFL;
  }
}
