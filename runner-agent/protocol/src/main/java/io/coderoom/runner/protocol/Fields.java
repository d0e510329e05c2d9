package io.coderoom.runner.protocol;

import java.util.Map;

/** Reading stream-entry fields: missing or malformed ones fail with the field's name. */
final class Fields {
  private Fields() {}

  static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing field " + name);
    }
    return value;
  }

  static String optional(Map<String, String> fields, String name, String fallback) {
    return fields.getOrDefault(name, fallback);
  }

  static long requiredLong(Map<String, String> fields, String name) {
    String value = required(fields, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field " + name + " is not a number: " + value, e);
    }
  }

  static <E extends Enum<E>> E requiredEnum(
      Map<String, String> fields, String name, Class<E> type) {
    String value = required(fields, name);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field " + name + " has unknown value " + value, e);
    }
  }
}
