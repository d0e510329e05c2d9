package io.coderoom.runner.protocol;

import java.util.Objects;

/**
 * A test value's type, parsed from the text a problem writes ({@code int}, {@code long[][]}, {@code
 * map<string,int[]>}, {@code TreeNode}, ...). Every runner language maps each type to a native one;
 * on the wire (the case's JSON) a value is:
 *
 * <ul>
 *   <li>{@code int} (32-bit), {@code long} (64-bit, exact): a JSON integer;
 *   <li>{@code double}: a JSON number, compared with the suite's tolerance;
 *   <li>{@code boolean}, {@code string}: JSON's own;
 *   <li>{@code char}: a one-character JSON string;
 *   <li>{@code T[]}, {@code T[][]}, ...: JSON arrays, any depth;
 *   <li>{@code map<K,V>} with K one of {@code int long string char}: a JSON object whose keys are
 *       the keys as text;
 *   <li>{@code ListNode}: the list's values as a JSON array of integers ({@code []} is the empty
 *       list);
 *   <li>{@code TreeNode}: the tree in level order with {@code null} for a missing child, trailing
 *       nulls left out ({@code [1,null,2]}; {@code []} is the empty tree);
 *   <li>{@code void}: only a design method's result, always {@code null}.
 * </ul>
 */
public sealed interface ValueType permits ValueType.Scalar, ValueType.ArrayOf, ValueType.MapOf {

  /** The canonical text of the type, as a problem writes it. */
  String text();

  /** The types that are not built from others. */
  enum Scalar implements ValueType {
    INT("int"),
    LONG("long"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    STRING("string"),
    CHAR("char"),
    LIST_NODE("ListNode"),
    TREE_NODE("TreeNode"),
    VOID("void");

    private final String text;

    Scalar(String text) {
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }

    /** Whether the type may be a map's key. */
    public boolean isMapKey() {
      return this == INT || this == LONG || this == STRING || this == CHAR;
    }
  }

  /** An array of elements of one type. */
  record ArrayOf(ValueType element) implements ValueType {
    public ArrayOf {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public String text() {
      return element.text() + "[]";
    }
  }

  /** A map from keys of a scalar type to values of any type. */
  record MapOf(Scalar key, ValueType value) implements ValueType {
    public MapOf {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return "map<" + key.text() + "," + value.text() + ">";
    }
  }

  /** Whether a value of this type holds a {@code double} anywhere. */
  default boolean holdsDouble() {
    return switch (this) {
      case Scalar s -> s == Scalar.DOUBLE;
      case ArrayOf a -> a.element().holdsDouble();
      case MapOf m -> m.value().holdsDouble();
    };
  }

  /**
   * The type a text names ({@code void} included; where it may stand is the suite's business).
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  static ValueType parse(String text) {
    Objects.requireNonNull(text, "type");
    String compact = text.replace(" ", "");
    ValueType type;
    try {
      type = parseCompact(compact);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unsupported type "
              + text
              + " ("
              + e.getMessage()
              + "; types are int long double boolean string char ListNode TreeNode, arrays"
              + " T[] of any depth, and map<K,V> with K int, long, string or char)");
    }
    if (type instanceof ArrayOf || type instanceof MapOf) {
      if (containsVoid(type)) {
        throw new IllegalArgumentException(
            "unsupported type " + text + " (void is only a design method's result)");
      }
    }
    return type;
  }

  private static boolean containsVoid(ValueType type) {
    return switch (type) {
      case Scalar s -> s == Scalar.VOID;
      case ArrayOf a -> containsVoid(a.element());
      case MapOf m -> containsVoid(m.value());
    };
  }

  private static ValueType parseCompact(String text) {
    if (text.endsWith("[]")) {
      return new ArrayOf(parseCompact(text.substring(0, text.length() - 2)));
    }
    if (text.startsWith("map<") && text.endsWith(">")) {
      String inner = text.substring(4, text.length() - 1);
      int comma = topLevelComma(inner);
      if (comma < 0) {
        throw new IllegalArgumentException("a map names its key and value types: map<K,V>");
      }
      ValueType key = parseCompact(inner.substring(0, comma));
      if (!(key instanceof Scalar k) || !k.isMapKey()) {
        throw new IllegalArgumentException(
            "a map's key is int, long, string or char, not " + key.text());
      }
      return new MapOf(k, parseCompact(inner.substring(comma + 1)));
    }
    for (Scalar scalar : Scalar.values()) {
      if (scalar.text().equals(text)) {
        return scalar;
      }
    }
    throw new IllegalArgumentException("unknown type name '" + text + "'");
  }

  private static int topLevelComma(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
