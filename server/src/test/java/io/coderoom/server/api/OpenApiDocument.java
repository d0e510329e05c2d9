package io.coderoom.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's OpenAPI document as a checker of real responses: finds the operation a request
 * belongs to (whatever part of the API documented it) and checks the response's status and body
 * against what the document promises. The JSON Schema subset the document uses is checked here:
 * {@code $ref}, {@code allOf}, {@code type} (one or several, {@code "null"} included), {@code
 * required}, {@code properties}, {@code additionalProperties: false}, {@code items}, {@code enum},
 * {@code minItems}, {@code maxLength}, {@code minimum}, {@code maximum} and {@code format:
 * date-time}.
 */
final class OpenApiDocument {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonNode root;

  private OpenApiDocument(JsonNode root) {
    this.root = root;
  }

  /** The document the server serves, read from the same resource. */
  static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
      return new OpenApiDocument(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OpenApiDocument of(JsonNode root) {
    return new OpenApiDocument(root);
  }

  /** An operation: its path template and method. */
  record Operation(String template, String method) {
    @Override
    public String toString() {
      return method.toUpperCase(Locale.ROOT) + " " + template;
    }
  }

  /** The documented operation a request to this path belongs to. */
  Optional<Operation> operation(String method, String path) {
    String verb = method.toLowerCase(Locale.ROOT);
    String[] segments = path.split("/", -1);
    Operation best = null;
    int bestLiterals = -1;
    for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext(); ) {
      String template = it.next();
      if (!root.path("paths").path(template).has(verb)) {
        continue;
      }
      String[] parts = template.split("/", -1);
      if (parts.length != segments.length) {
        continue;
      }
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < parts.length && matches; i++) {
        if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
          matches = !segments[i].isEmpty();
        } else {
          matches = parts[i].equals(segments[i]);
          literals++;
        }
      }
      // A literal segment beats a captured one, as the router's matching does.
      if (matches && literals > bestLiterals) {
        best = new Operation(template, verb);
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * What is wrong with this answer to a request, by the document; empty when it keeps every
   * promise.
   */
  List<String> check(String method, String path, int status, String body) {
    List<String> problems = new ArrayList<>();
    Optional<Operation> operation = operation(method, path);
    if (operation.isEmpty()) {
      problems.add(method + " " + path + " is not documented");
      return problems;
    }
    JsonNode responses =
        root.path("paths")
            .path(operation.get().template())
            .path(operation.get().method())
            .path("responses");
    JsonNode response = responses.path(Integer.toString(status));
    if (response.isMissingNode()) {
      response = responses.path("default");
    }
    if (response.isMissingNode()) {
      problems.add(operation.get() + " does not document status " + status);
      return problems;
    }
    response = resolve(response);
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return problems;
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      problems.add(operation.get() + " " + status + ": the body is not JSON");
      return problems;
    }
    if (json == null || json.isMissingNode()) {
      problems.add(operation.get() + " " + status + ": the body is empty");
      return problems;
    }
    validate(schema, json, operation.get() + " " + status + " $", problems);
    return problems;
  }

  /** Checks a value against a schema of the document; adds what is wrong to {@code problems}. */
  void validate(JsonNode schema, JsonNode value, String at, List<String> problems) {
    schema = resolve(schema);
    if (schema.has("allOf")) {
      for (JsonNode part : schema.get("allOf")) {
        validateAllowingExtra(part, value, at, problems);
      }
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      problems.add(at + ": " + kind(value) + " where the schema says " + schema.get("type"));
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode option : schema.get("enum")) {
        listed |= option.equals(value);
      }
      if (!listed) {
        problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isTextual()) {
      if (schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) {
        problems.add(at + ": longer than " + schema.get("maxLength"));
      }
      if ("date-time".equals(schema.path("format").asText())) {
        try {
          OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
          problems.add(at + ": " + value + " is not a date-time");
        }
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        problems.add(at + ": below " + schema.get("minimum"));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        problems.add(at + ": above " + schema.get("maximum"));
      }
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        problems.add(at + ": fewer than " + schema.get("minItems") + " items");
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          validate(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
        }
      }
    }
    if (value.isObject()) {
      for (JsonNode name : schema.path("required")) {
        if (!value.has(name.asText())) {
          problems.add(at + ": '" + name.asText() + "' is required");
        }
      }
      JsonNode properties = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (properties.has(field.getKey())) {
          validate(
              properties.get(field.getKey()),
              field.getValue(),
              at + "." + field.getKey(),
              problems);
        } else if (schema.path("additionalProperties").isBoolean()
            && !schema.get("additionalProperties").asBoolean()
            && !schema.has("allOf")) {
          problems.add(at + ": '" + field.getKey() + "' is not in the schema");
        } else if (schema.path("additionalProperties").isObject()) {
          validate(
              schema.get("additionalProperties"),
              field.getValue(),
              at + "." + field.getKey(),
              problems);
        }
      }
    }
  }

  /**
   * A part of an {@code allOf}: its properties are checked, but a property another part declares is
   * not an extra one.
   */
  private void validateAllowingExtra(
      JsonNode part, JsonNode value, String at, List<String> problems) {
    JsonNode resolved = resolve(part);
    if (resolved.path("additionalProperties").isBoolean() && value.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode relaxed = resolved.deepCopy();
      relaxed.remove("additionalProperties");
      validate(relaxed, value, at, problems);
    } else {
      validate(resolved, value, at, problems);
    }
  }

  private JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local references are supported: " + ref);
      }
      node = root.at(ref.substring(1));
      if (node.isMissingNode()) {
        throw new IllegalArgumentException("the document has no " + ref);
      }
    }
    return node;
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (typeMatches(one, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static String kind(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
