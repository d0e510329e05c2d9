package io.coderoom.crdt.sync;

/**
 * Checks that a string is one JSON value (RFC 8259), as {@code JSON.parse} would accept it, without
 * building it: awareness states stay JSON text. The JDK has no JSON parser, hence this.
 */
final class JsonText {
  private static final int MAX_DEPTH = 128;

  private final String s;
  private int i;

  private JsonText(String s) {
    this.s = s;
  }

  /** True if {@code json} is exactly one JSON value, with optional surrounding whitespace. */
  static boolean isValid(String json) {
    JsonText p = new JsonText(json);
    try {
      p.ws();
      p.value(0);
      p.ws();
      return p.i == json.length();
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  /** True if the (valid) JSON text is the literal {@code null}. */
  static boolean isNull(String json) {
    return json.strip().equals("null");
  }

  private void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private void value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("too deep");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{' -> {
        i++;
        ws();
        if (s.charAt(i) == '}') {
          i++;
          return;
        }
        while (true) {
          ws();
          string();
          ws();
          expect(':');
          ws();
          value(depth + 1);
          ws();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect('}');
            return;
          }
        }
      }
      case '[' -> {
        i++;
        ws();
        if (s.charAt(i) == ']') {
          i++;
          return;
        }
        while (true) {
          ws();
          value(depth + 1);
          ws();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect(']');
            return;
          }
        }
      }
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, i)) {
      throw new IllegalArgumentException("bad literal");
    }
    i += word.length();
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    i++;
  }

  private void string() {
    expect('"');
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') {
        return;
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("control character in string");
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        if (e == 'u') {
          for (int k = 0; k < 4; k++) {
            if (Character.digit(s.charAt(i++), 16) < 0) {
              throw new IllegalArgumentException("bad \\u escape");
            }
          }
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw new IllegalArgumentException("bad escape");
        }
      }
    }
  }

  private void number() {
    if (s.charAt(i) == '-') {
      i++;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else {
      digits();
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      digits();
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (s.charAt(i) == '+' || s.charAt(i) == '-') {
        i++;
      }
      digits();
    }
  }

  private void digits() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i == start) {
      throw new IllegalArgumentException("digit expected");
    }
  }
}
