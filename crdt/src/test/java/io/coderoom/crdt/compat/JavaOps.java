package io.coderoom.crdt.compat;

import io.coderoom.crdt.AbstractType;
import io.coderoom.crdt.Delta;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Text;
import io.coderoom.crdt.YArray;
import io.coderoom.crdt.YMap;
import io.coderoom.crdt.encoding.Lib0Any;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Java side of test-tools/ops.mjs: the same op JSON applied to a Java {@link Doc}, and the same
 * canonical description of a document's content. Keep the two files in step.
 */
public final class JavaOps {
  private JavaOps() {}

  /** Runs ops in one transaction. */
  public static void transact(Doc doc, List<?> ops) {
    doc.transact(
        tr -> {
          for (Object op : ops) {
            apply(doc, map(op));
          }
        });
  }

  public static AbstractType tryResolve(Doc doc, Map<String, Object> target) {
    String name = (String) target.get("name");
    AbstractType t =
        switch ((String) target.get("type")) {
          case "text" -> doc.getText(name);
          case "map" -> doc.getMap(name);
          case "array" -> doc.getArray(name);
          default -> throw new IllegalArgumentException("unknown root type " + target);
        };
    Object path = target.get("path");
    if (path != null) {
      for (Object step : (List<?>) path) {
        Object next;
        if (step instanceof Number n) {
          if (!(t instanceof YArray a) || n.intValue() >= a.length()) {
            return null;
          }
          next = a.get(n.intValue());
        } else {
          if (!(t instanceof YMap m)) {
            return null;
          }
          next = m.get((String) step);
        }
        if (!(next instanceof AbstractType nt)) {
          return null;
        }
        t = nt;
      }
    }
    Object kind = target.get("kind");
    if ("text".equals(kind) && !(t instanceof Text)
        || "map".equals(kind) && !(t instanceof YMap)
        || "array".equals(kind) && !(t instanceof YArray)) {
      return null;
    }
    return t;
  }

  public static void apply(Doc doc, Map<String, Object> op) {
    Map<String, Object> target = map(op.get("target"));
    AbstractType t = tryResolve(doc, target);
    if (t == null) {
      if (Boolean.TRUE.equals(op.get("ifExists"))) {
        return;
      }
      throw new IllegalArgumentException("target does not resolve: " + target);
    }
    switch ((String) op.get("op")) {
      case "insertText" -> {
        Text text = (Text) t;
        Map<String, Object> attrs = attrs(op.get("attrs"));
        int index = insertIndex(text.length(), op);
        if (attrs == null) {
          text.insert(index, (String) op.get("text"));
        } else {
          text.insert(index, (String) op.get("text"), attrs);
        }
      }
      case "deleteText" -> {
        Text text = (Text) t;
        int[] r = deleteRange(text.length(), op);
        if (r != null && r[1] > 0) {
          text.delete(r[0], r[1]);
        }
      }
      case "formatText" -> {
        Text text = (Text) t;
        int[] r = deleteRange(text.length(), op);
        if (r != null && r[1] > 0) {
          text.format(r[0], r[1], attrs(op.get("attrs")));
        }
      }
      case "insertEmbed" -> {
        Text text = (Text) t;
        text.insertEmbed(
            insertIndex(text.length(), op), toJava(op.get("value")), attrs(op.get("attrs")));
      }
      case "mapSet" -> ((YMap) t).set((String) op.get("key"), toJava(op.get("value")));
      case "mapDelete" -> ((YMap) t).delete((String) op.get("key"));
      case "arrayInsert" -> {
        YArray a = (YArray) t;
        a.insert(insertIndex(a.length(), op), values(op.get("values")));
      }
      case "arrayPush" -> ((YArray) t).push(values(op.get("values")));
      case "arrayDelete" -> {
        YArray a = (YArray) t;
        int[] r = deleteRange(a.length(), op);
        if (r != null && r[1] > 0) {
          a.delete(r[0], r[1]);
        }
      }
      default -> throw new IllegalArgumentException("unknown op " + op);
    }
  }

  private static int insertIndex(int length, Map<String, Object> op) {
    if (op.get("index") != null) {
      return integer(op.get("index"));
    }
    return (int) (((Number) op.get("rand")).longValue() % (length + 1));
  }

  private static int[] deleteRange(int length, Map<String, Object> op) {
    if (op.get("index") != null) {
      return new int[] {integer(op.get("index")), integer(op.get("length"))};
    }
    if (length == 0) {
      return null;
    }
    int index = (int) (((Number) op.get("rand")).longValue() % length);
    return new int[] {index, Math.min(integer(op.get("rlen")), length - index)};
  }

  private static List<Object> values(Object values) {
    List<Object> out = new ArrayList<>();
    for (Object v : (List<?>) values) {
      out.add(toJava(v));
    }
    return out;
  }

  private static Map<String, Object> attrs(Object attrs) {
    if (attrs == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map(attrs).forEach((k, v) -> out.put(k, toJava(v)));
    return out;
  }

  /** A wire JSON value as a Java value (the same markers as ops.mjs toYValue). */
  public static Object toJava(Object v) {
    if (v instanceof List<?> l) {
      return values(l);
    }
    if (!(v instanceof Map<?, ?>)) {
      return v;
    }
    Map<String, Object> m = map(v);
    if (m.containsKey("$bytes")) {
      return Base64.getDecoder().decode((String) m.get("$bytes"));
    }
    if (m.containsKey("$undefined")) {
      return Lib0Any.UNDEFINED;
    }
    if (m.containsKey("$yText")) {
      String init = (String) m.get("$yText");
      return init.isEmpty() ? new Text() : new Text(init);
    }
    if (m.containsKey("$yMap")) {
      YMap y = new YMap();
      map(m.get("$yMap")).forEach((k, x) -> y.set(k, toJava(x)));
      return y;
    }
    if (m.containsKey("$yArray")) {
      YArray y = new YArray();
      y.insert(0, values(m.get("$yArray")));
      return y;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(k, toJava(x)));
    return out;
  }

  /** Canonical JSON view of the named roots; ops.mjs describe() makes the same shape. */
  public static Map<String, Object> describe(Doc doc, Map<String, String> roots) {
    Map<String, Object> out = new TreeMap<>();
    roots.forEach(
        (name, type) ->
            out.put(name, describeValue(tryResolve(doc, Json.obj("type", type, "name", name)))));
    return out;
  }

  public static Object describeValue(Object v) {
    switch (v) {
      case Text t -> {
        List<Object> delta = new ArrayList<>();
        for (Delta d : t.toDelta()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("insert", describeValue(d.insert()));
          if (d.attributes() != null && !d.attributes().isEmpty()) {
            e.put("attributes", describeValue(d.attributes()));
          }
          delta.add(e);
        }
        return Json.obj("$text", delta);
      }
      case YMap m -> {
        Map<String, Object> o = new TreeMap<>();
        for (String k : m.keys()) {
          o.put(k, describeValue(m.get(k)));
        }
        return Json.obj("$map", o);
      }
      case YArray a -> {
        List<Object> l = new ArrayList<>();
        for (int k = 0; k < a.length(); k++) {
          l.add(describeValue(a.get(k)));
        }
        return Json.obj("$array", l);
      }
      case byte[] b -> {
        return Json.obj("$bytes", Base64.getEncoder().encodeToString(b));
      }
      case null -> {
        return null;
      }
      case Map<?, ?> m -> {
        Map<String, Object> o = new TreeMap<>();
        m.forEach((k, x) -> o.put((String) k, describeValue(x)));
        return o;
      }
      case List<?> l -> {
        List<Object> o = new ArrayList<>();
        l.forEach(x -> o.add(describeValue(x)));
        return o;
      }
      case Object[] arr -> {
        return describeValue(List.of(arr));
      }
      case Number n -> {
        return normalizeNumber(n);
      }
      default -> {
        if (v == Lib0Any.UNDEFINED) {
          return Json.obj("$undefined", true);
        }
        return v;
      }
    }
  }

  /** Integral numbers as Long, others as Double: how the harness's JSON parses numbers. */
  public static Object normalize(Object v) {
    switch (v) {
      case Number n -> {
        return normalizeNumber(n);
      }
      case Map<?, ?> m -> {
        Map<String, Object> o = new TreeMap<>();
        m.forEach((k, x) -> o.put((String) k, normalize(x)));
        return o;
      }
      case List<?> l -> {
        List<Object> o = new ArrayList<>();
        l.forEach(x -> o.add(normalize(x)));
        return o;
      }
      case null -> {
        return null;
      }
      default -> {
        return v;
      }
    }
  }

  private static Object normalizeNumber(Number n) {
    double d = n.doubleValue();
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e18) {
      // JSON has no -0: JSON.stringify(-0) is "0".
      return (long) d;
    }
    return d;
  }

  private static int integer(Object o) {
    return ((Number) o).intValue();
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
