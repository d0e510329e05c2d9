package io.coderoom.crdt.internal.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON.parse: objects keep insertion order, integral numbers in int range become Integer. */
public final class JsonParser {
  private static final int MAX_DEPTH = 1000;

  private JsonParser() {}

  /** JSON.parse; throws IllegalArgumentException on malformed input. */
  public static Object parse(String s) {
    Parser p = new Parser(s);
    p.ws();
    Object v = p.value(0);
    p.ws();
    if (p.i != s.length()) {
      throw new IllegalArgumentException("Unexpected token in JSON at position " + p.i);
    }
    return v;
  }

  private static final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    void ws() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          i++;
        } else {
          break;
        }
      }
    }

    IllegalArgumentException err() {
      return new IllegalArgumentException("Unexpected token in JSON at position " + i);
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH || i >= s.length()) {
        throw err();
      }
      char c = s.charAt(i);
      switch (c) {
        case '{':
          {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (i < s.length() && s.charAt(i) == '}') {
              i++;
              return m;
            }
            while (true) {
              ws();
              if (i >= s.length() || s.charAt(i) != '"') {
                throw err();
              }
              String key = string();
              ws();
              expect(':');
              ws();
              m.put(key, value(depth + 1));
              ws();
              if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
              }
              expect('}');
              return m;
            }
          }
        case '[':
          {
            i++;
            List<Object> l = new ArrayList<>();
            ws();
            if (i < s.length() && s.charAt(i) == ']') {
              i++;
              return l;
            }
            while (true) {
              ws();
              l.add(value(depth + 1));
              ws();
              if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
              }
              expect(']');
              return l;
            }
          }
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          return number();
      }
    }

    void expect(char c) {
      if (i >= s.length() || s.charAt(i) != c) {
        throw err();
      }
      i++;
    }

    void literal(String lit) {
      if (!s.startsWith(lit, i)) {
        throw err();
      }
      i += lit.length();
    }

    String string() {
      i++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw err();
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c < 0x20) {
          throw err();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (i >= s.length()) {
          throw err();
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw err();
            }
            int v = 0;
            for (int k = 0; k < 4; k++) {
              int dgt = Character.digit(s.charAt(i++), 16);
              if (dgt < 0) {
                throw err();
              }
              v = v * 16 + dgt;
            }
            sb.append((char) v);
          }
          default -> throw err();
        }
      }
    }

    Object number() {
      int start = i;
      if (i < s.length() && s.charAt(i) == '-') {
        i++;
      }
      if (i >= s.length()) {
        throw err();
      }
      if (s.charAt(i) == '0') {
        i++;
      } else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') {
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
          i++;
        }
      } else {
        throw err();
      }
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int d = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        if (d == i) {
          throw err();
        }
      }
      if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        int d = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        if (d == i) {
          throw err();
        }
      }
      double d = Double.parseDouble(s.substring(start, i));
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE && !(d == 0 && 1 / d < 0)) {
        return (int) d;
      }
      return d;
    }
  }
}
