package io.coderoom.crdt;

import java.util.Map;

/**
 * One operation of a Yjs-style delta: exactly one of {@code insert}, {@code retain} and {@code
 * delete} is set. For text, {@code insert} is a String or an embed/shared type; for arrays it is a
 * {@code List<Object>}. {@code attributes} is null when absent.
 */
public record Delta(Object insert, Integer retain, Integer delete, Map<String, Object> attributes) {
  public static Delta insert(Object insert, Map<String, Object> attributes) {
    return new Delta(insert, null, null, attributes);
  }

  public static Delta retain(int retain, Map<String, Object> attributes) {
    return new Delta(null, retain, null, attributes);
  }

  public static Delta delete(int delete) {
    return new Delta(null, null, delete, null);
  }
}
