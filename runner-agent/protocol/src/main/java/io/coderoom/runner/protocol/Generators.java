package io.coderoom.runner.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Large test values written compactly. A performance case needs an input of a hundred thousand
 * numbers, and carrying that as JSON through the problem file, the job queue and the database would
 * cost megabytes per run; instead the value is a small generator that the agent expands just before
 * the input goes to the program (and before the expected value is compared). Everywhere else (the
 * job, the stored report, the interviewer's view of the case) the generator itself stands for the
 * value.
 *
 * <p>A generator is a JSON object with exactly one field whose name starts with {@code $}. The only
 * objects among test values are maps ({@code map<K,V>}), whose keys are numbers or text the problem
 * chooses, so a map of one entry keyed by a text starting with {@code $} would be taken for a
 * generator; no problem has a reason to write one. Generators are not looked for inside maps.
 * Generators nest, and may sit anywhere inside an array:
 *
 * <ul>
 *   <li>{@code {"$range": [start, count, step]}}: the integers {@code start, start + step, ...},
 *       {@code count} of them;
 *   <li>{@code {"$repeat": [value, count]}}: a string repeated, or an array of {@code count} copies
 *       of any other value;
 *   <li>{@code {"$concat": [a, b, ...]}}: strings joined end to end, or arrays concatenated;
 *   <li>{@code {"$join": [array, separator]}}: the elements as text (numbers in decimal) with the
 *       separator string between them.
 * </ul>
 *
 * <p>An expansion is limited to {@link #MAX_ELEMENTS} array elements and {@link #MAX_CHARS}
 * characters of strings, so a mistyped count fails clearly instead of filling the agent's memory.
 */
public final class Generators {
  public static final long MAX_ELEMENTS = 2_000_000;
  public static final long MAX_CHARS = 8_000_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Generators() {}

  /** Whether the value holds a generator anywhere. */
  public static boolean generated(JsonNode value) {
    if (isGenerator(value)) {
      return true;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (generated(element)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The value with every generator expanded (the value itself when it holds none).
   *
   * @throws IllegalArgumentException if a generator is malformed or expands past the limits
   */
  public static JsonNode expand(JsonNode value) {
    if (!generated(value)) {
      return value;
    }
    return new Expansion().expand(value);
  }

  private static boolean isGenerator(JsonNode value) {
    if (!value.isObject() || value.size() != 1) {
      return false;
    }
    return value.fieldNames().next().startsWith("$");
  }

  /** One expansion and what it has produced so far, against the limits. */
  private static final class Expansion {
    private long elements;
    private long chars;

    JsonNode expand(JsonNode value) {
      if (value.isArray()) {
        ArrayNode out = NODES.arrayNode(value.size());
        for (JsonNode element : value) {
          out.add(expand(element));
        }
        return out;
      }
      if (!value.isObject()) {
        return value;
      }
      if (!isGenerator(value)) {
        throw new IllegalArgumentException(
            "a test value cannot be an object: " + abbreviate(value));
      }
      Map.Entry<String, JsonNode> only = ((ObjectNode) value).properties().iterator().next();
      JsonNode args = only.getValue();
      if (!args.isArray()) {
        throw new IllegalArgumentException(only.getKey() + " takes an array of arguments");
      }
      return switch (only.getKey()) {
        case "$range" -> range(args);
        case "$repeat" -> repeat(args);
        case "$concat" -> concat(args);
        case "$join" -> join(args);
        default -> throw new IllegalArgumentException("unknown generator " + only.getKey());
      };
    }

    private JsonNode range(JsonNode args) {
      arity("$range", args, 3);
      long start = integer("$range", args.get(0));
      long count = count("$range", args.get(1));
      long step = integer("$range", args.get(2));
      counted(count, 0);
      ArrayNode out = NODES.arrayNode((int) count);
      for (long i = 0; i < count; i++) {
        out.add(Math.addExact(start, Math.multiplyExact(i, step)));
      }
      return out;
    }

    private JsonNode repeat(JsonNode args) {
      arity("$repeat", args, 2);
      JsonNode item = expand(args.get(0));
      long count = count("$repeat", args.get(1));
      if (item.isTextual()) {
        counted(0, Math.multiplyExact(count, item.textValue().length()));
        return NODES.textNode(item.textValue().repeat((int) count));
      }
      counted(Math.multiplyExact(count, Math.max(1, item.size())), 0);
      ArrayNode out = NODES.arrayNode((int) count);
      for (long i = 0; i < count; i++) {
        out.add(item.deepCopy());
      }
      return out;
    }

    private JsonNode concat(JsonNode args) {
      if (args.isEmpty()) {
        throw new IllegalArgumentException("$concat needs at least one part");
      }
      StringBuilder text = null;
      ArrayNode array = null;
      for (JsonNode arg : args) {
        JsonNode part = expand(arg);
        if (part.isTextual() && array == null) {
          text = text == null ? new StringBuilder() : text;
          counted(0, part.textValue().length());
          text.append(part.textValue());
        } else if (part.isArray() && text == null) {
          array = array == null ? NODES.arrayNode() : array;
          counted(part.size(), 0);
          array.addAll((ArrayNode) part);
        } else {
          throw new IllegalArgumentException("$concat joins strings or arrays, not a mix");
        }
      }
      return text != null ? NODES.textNode(text.toString()) : array;
    }

    private JsonNode join(JsonNode args) {
      arity("$join", args, 2);
      JsonNode items = expand(args.get(0));
      JsonNode separator = expand(args.get(1));
      if (!items.isArray() || !separator.isTextual()) {
        throw new IllegalArgumentException("$join takes an array and a separator string");
      }
      StringBuilder text = new StringBuilder();
      Iterator<JsonNode> it = items.elements();
      while (it.hasNext()) {
        JsonNode item = it.next();
        if (!item.isValueNode()) {
          throw new IllegalArgumentException("$join joins numbers, strings or booleans");
        }
        text.append(item.asText());
        if (it.hasNext()) {
          text.append(separator.textValue());
        }
        if (text.length() > MAX_CHARS) {
          counted(0, text.length());
        }
      }
      counted(0, text.length());
      return NODES.textNode(text.toString());
    }

    private void counted(long moreElements, long moreChars) {
      elements += moreElements;
      chars += moreChars;
      if (elements > MAX_ELEMENTS || chars > MAX_CHARS) {
        throw new IllegalArgumentException(
            "a generated value may hold at most "
                + MAX_ELEMENTS
                + " elements and "
                + MAX_CHARS
                + " characters");
      }
    }

    private static void arity(String name, JsonNode args, int n) {
      if (args.size() != n) {
        throw new IllegalArgumentException(name + " takes " + n + " arguments");
      }
    }

    private static long integer(String name, JsonNode n) {
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        throw new IllegalArgumentException(name + " takes integers, got " + n);
      }
      return n.longValue();
    }

    private static long count(String name, JsonNode n) {
      long count = integer(name, n);
      if (count < 0 || count > MAX_ELEMENTS) {
        throw new IllegalArgumentException(name + "'s count must be 0-" + MAX_ELEMENTS);
      }
      return count;
    }

    private static String abbreviate(JsonNode value) {
      String text = value.toString();
      return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
  }
}
