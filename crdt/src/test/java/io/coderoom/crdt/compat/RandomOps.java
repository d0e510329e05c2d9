package io.coderoom.crdt.compat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random op JSON (test-tools/ops.mjs format) for Text "t", Map "m" and Array "a", plus nested types
 * under map key "n" and array index 0. Positions are {@code rand} so each peer resolves them
 * against its own state.
 */
public final class RandomOps {
  public static final Map<String, String> ROOTS = Map.of("t", "text", "m", "map", "a", "array");

  private static final String[] PIECES = {
    "a", "b", "c", "hello", " ", "\n", "é", "中文", "😀", "👍🏽", "x😀y", "\uD83D\uDE80\uD83D\uDE80"
  };

  /**
   * Without surrogate pairs. Yjs itself diverges when a format runs over half a pair: the peer that
   * formats splits the pair into two U+FFFD locally (ContentString.splice), even when no format
   * item results, and the others keep the pair. So formatting seeds type only BMP text.
   */
  private static final String[] BMP_PIECES = {"a", "b", "c", "hello", " ", "\n", "é", "中文", "ÿ"};

  private static final String[] KEYS = {"k1", "k2", "k3", "n"};

  private final Random rnd;
  private final boolean formatting;

  public RandomOps(Random rnd, boolean formatting) {
    this.rnd = rnd;
    this.formatting = formatting;
  }

  /** One transaction's worth of ops: 1 to 4 of them. */
  public List<Object> transaction() {
    int n = 1 + rnd.nextInt(4);
    List<Object> ops = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      ops.add(op());
    }
    return ops;
  }

  public Map<String, Object> op() {
    int r = rnd.nextInt(100);
    Map<String, Object> text = Json.obj("type", "text", "name", "t");
    Map<String, Object> map = Json.obj("type", "map", "name", "m");
    Map<String, Object> array = Json.obj("type", "array", "name", "a");
    if (r < 25) {
      Map<String, Object> op =
          Json.obj("op", "insertText", "target", text, "rand", rand(), "text", text());
      if (formatting && rnd.nextInt(5) == 0) {
        op.put("attrs", attrs());
      }
      return op;
    } else if (r < 40) {
      if (formatting && rnd.nextInt(3) == 0) {
        return rnd.nextBoolean()
            ? Json.obj(
                "op",
                "formatText",
                "target",
                text,
                "rand",
                rand(),
                "rlen",
                1 + rnd.nextInt(6),
                "attrs",
                attrs())
            : Json.obj(
                "op",
                "insertEmbed",
                "target",
                text,
                "rand",
                rand(),
                "value",
                Json.obj("img", text()));
      }
      return Json.obj(
          "op", "deleteText", "target", text, "rand", rand(), "rlen", 1 + rnd.nextInt(6));
    } else if (r < 52) {
      return Json.obj("op", "mapSet", "target", map, "key", pick(KEYS), "value", value(0, true));
    } else if (r < 56) {
      return Json.obj("op", "mapDelete", "target", map, "key", pick(KEYS));
    } else if (r < 68) {
      List<Object> values = new ArrayList<>();
      int n = 1 + rnd.nextInt(3);
      for (int k = 0; k < n; k++) {
        values.add(value(0, rnd.nextInt(4) == 0));
      }
      return Json.obj("op", "arrayInsert", "target", array, "rand", rand(), "values", values);
    } else if (r < 76) {
      return Json.obj(
          "op", "arrayDelete", "target", array, "rand", rand(), "rlen", 1 + rnd.nextInt(3));
    } else if (r < 86) {
      // Edit whatever nested type map key "n" holds, if any.
      Map<String, Object> nested = Json.obj("type", "map", "name", "m", "path", List.of("n"));
      return nestedOp(nested);
    } else {
      Map<String, Object> nested = Json.obj("type", "array", "name", "a", "path", List.of(0L));
      return nestedOp(nested);
    }
  }

  private Map<String, Object> nestedOp(Map<String, Object> target) {
    int r = rnd.nextInt(6);
    Map<String, Object> op;
    if (r < 2) {
      target.put("kind", "text");
      op =
          r == 0
              ? Json.obj("op", "insertText", "target", target, "rand", rand(), "text", text())
              : Json.obj(
                  "op", "deleteText", "target", target, "rand", rand(), "rlen", 1 + rnd.nextInt(3));
    } else if (r < 4) {
      target.put("kind", "map");
      op =
          r == 2
              ? Json.obj(
                  "op",
                  "mapSet",
                  "target",
                  target,
                  "key",
                  pick(KEYS),
                  "value",
                  value(1, rnd.nextBoolean()))
              : Json.obj("op", "mapDelete", "target", target, "key", pick(KEYS));
    } else {
      target.put("kind", "array");
      op =
          r == 4
              ? Json.obj(
                  "op",
                  "arrayInsert",
                  "target",
                  target,
                  "rand",
                  rand(),
                  "values",
                  Collections.singletonList(value(1, false)))
              : Json.obj("op", "arrayDelete", "target", target, "rand", rand(), "rlen", 1L);
    }
    op.put("ifExists", true);
    return op;
  }

  /** A format attribute set or removed: bold / italic / a colour. */
  private Map<String, Object> attrs() {
    return switch (rnd.nextInt(4)) {
      case 0 -> Json.obj("bold", rnd.nextBoolean() ? true : null);
      case 1 -> Json.obj("italic", rnd.nextBoolean() ? true : null);
      case 2 -> Json.obj("color", rnd.nextBoolean() ? "#f00" : "#0f0");
      default -> Json.obj("bold", true, "color", null);
    };
  }

  private long rand() {
    return rnd.nextInt(1 << 20);
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(3);
    for (int k = 0; k < n; k++) {
      sb.append(pick(formatting ? BMP_PIECES : PIECES));
    }
    return sb.toString();
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  /** A JSON-wire value; shared types only when {@code types} and not too deep. */
  public Object value(int depth, boolean types) {
    int r = rnd.nextInt(types && depth < 2 ? 16 : 13);
    return switch (r) {
      case 0 -> (long) rnd.nextInt(1000) - 500;
      case 1 -> rnd.nextBoolean() ? (1L << 31) + rnd.nextInt(1000) : -(1L << 33) - rnd.nextInt(10);
      case 2 -> rnd.nextBoolean() ? 0.5 : -1.25;
      case 3 -> rnd.nextInt(1000) / 7.0 + 0.1;
      case 4 -> text();
      case 5 -> rnd.nextBoolean();
      case 6 -> null;
      case 7 -> {
        List<Object> l = new ArrayList<>();
        int n = depth > 2 ? 0 : rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
          l.add(value(depth + 1, false));
        }
        yield l;
      }
      case 8, 9 -> {
        Map<String, Object> m = Json.obj();
        int n = depth > 2 ? 0 : rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
          m.put(pick(KEYS), value(depth + 1, false));
        }
        yield m;
      }
      case 10 -> {
        byte[] b = new byte[rnd.nextInt(5)];
        rnd.nextBytes(b);
        yield Json.obj("$bytes", Base64.getEncoder().encodeToString(b));
      }
      case 11 -> "";
      case 12 -> (long) rnd.nextInt(10);
      case 13 -> Json.obj("$yText", rnd.nextBoolean() ? "" : text());
      case 14 -> Json.obj("$yMap", Json.obj("k1", value(depth + 1, false)));
      default -> Json.obj("$yArray", Collections.singletonList(value(depth + 1, false)));
    };
  }
}
