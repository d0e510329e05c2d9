package io.coderoom.server.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /api/rooms/{id}/end}: literal segments must match exactly, each
 * {@code {name}} captures one non-empty segment.
 */
final class PathTemplate {
  private final String template;
  private final List<String> segments;

  PathTemplate(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with /: " + template);
    }
    this.template = template;
    this.segments = List.of(template.substring(1).split("/", -1));
  }

  String template() {
    return template;
  }

  /** The captured segments when the path matches. */
  Optional<Map<String, String>> match(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> captured = Map.of();
    for (int i = 0; i < parts.length; i++) {
      String segment = segments.get(i);
      if (isCapture(segment)) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        if (captured.isEmpty()) {
          captured = new LinkedHashMap<>();
        }
        captured.put(segment.substring(1, segment.length() - 1), parts[i]);
      } else if (!segment.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(captured);
  }

  private static boolean isCapture(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }
}
