package io.coderoom.crdt.internal.content;

import io.coderoom.crdt.encoding.JsObjects;
import io.coderoom.crdt.encoding.Lib0Any;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON.stringify with JavaScript's exact output (key order, number format, escapes). */
public final class JsonWriter {
  private static final int MAX_DEPTH = 1000;

  private JsonWriter() {}

  public static String stringify(Object value) {
    StringBuilder sb = new StringBuilder();
    if (!write(sb, value, 0)) {
      return "undefined";
    }
    return sb.toString();
  }

  /** Returns false when the value is undefined (skipped in objects). */
  private static boolean write(StringBuilder sb, Object v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nested too deeply");
    }
    if (v == Lib0Any.UNDEFINED) {
      return false;
    }
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof Number n) {
      if (v instanceof java.math.BigInteger) {
        throw new IllegalArgumentException("Do not know how to serialize a BigInt");
      }
      double d = n.doubleValue();
      if (v instanceof Long l && Math.abs(l) < (1L << 53)) {
        sb.append(l.longValue());
      } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        sb.append(n.intValue());
      } else if (Double.isNaN(d) || Double.isInfinite(d)) {
        sb.append("null");
      } else {
        sb.append(numberToString(d));
      }
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (!write(sb, list.get(i), depth + 1)) {
          sb.append("null");
        }
      }
      sb.append(']');
    } else if (v instanceof Object[] arr) {
      return write(sb, java.util.Arrays.asList(arr), depth);
    } else if (v instanceof byte[] bytes) {
      // a Uint8Array stringifies as an object with index keys
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < bytes.length; i++) {
        m.put(Integer.toString(i), bytes[i] & 0xFF);
      }
      return write(sb, m, depth);
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (String key : JsObjects.keys(map)) {
        Object val = map.containsKey(key) ? map.get(key) : lookup(map, key);
        int mark = sb.length();
        if (!first) {
          sb.append(',');
        }
        quote(sb, key);
        sb.append(':');
        if (write(sb, val, depth + 1)) {
          first = false;
        } else {
          sb.setLength(mark);
        }
      }
      sb.append('}');
    } else if (v instanceof Character c) {
      quote(sb, String.valueOf(c));
    } else {
      throw new IllegalArgumentException("cannot serialize " + v.getClass().getName());
    }
    return true;
  }

  private static Object lookup(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (String.valueOf(e.getKey()).equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            hex(sb, c);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              hex(sb, c);
            }
          } else if (Character.isLowSurrogate(c)) {
            hex(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void hex(StringBuilder sb, char c) {
    String h = Integer.toHexString(c);
    sb.append("\\u");
    for (int k = h.length(); k < 4; k++) {
      sb.append('0');
    }
    sb.append(h);
  }

  /** ECMAScript Number::toString(10) for finite values. */
  public static String numberToString(double d) {
    if (d == 0) {
      return "0";
    }
    if (d < 0) {
      return "-" + numberToString(-d);
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int k = digits.length();
    int n = k - bd.scale();
    StringBuilder sb = new StringBuilder();
    if (k <= n && n <= 21) {
      sb.append(digits);
      for (int i = 0; i < n - k; i++) {
        sb.append('0');
      }
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.");
      for (int i = 0; i < -n; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else {
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      sb.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
    }
    return sb.toString();
  }
}
