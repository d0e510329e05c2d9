package io.coderoom.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.transport.Request;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's JSON object body, with field readers whose errors name the field. Every text field
 * the API takes is read here, so this is where text no one types is refused: control characters
 * (NUL among them, which PostgreSQL cannot store) and unpaired surrogates (no UTF-8 form). A
 * one-line field (a title, a name) takes none of them; a multi-line one (code, program input) takes
 * tab, line feed and carriage return.
 */
final class JsonBody {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  /** The body as a JSON object; an empty body reads as {@code {}}. */
  static JsonBody of(Request request) {
    if (request.body().length == 0) {
      return new JsonBody(MAPPER.createObjectNode());
    }
    String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
    if (!type.startsWith("application/json")) {
      throw new ApiError(
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported_media_type",
          "Send the body as JSON with 'Content-Type: application/json'.");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(request.body());
    } catch (IOException e) {
      throw ApiError.badRequest("bad_json", "The body is not valid JSON.");
    }
    if (root == null || !root.isObject()) {
      throw ApiError.badRequest("bad_json", "The body must be a JSON object.");
    }
    return new JsonBody(root);
  }

  /** The whole object, for bodies with a shape of their own (a problem's folder). */
  JsonNode node() {
    return root;
  }

  /** A one-line string field of 1 to {@code maxLength} characters after trimming. */
  String requiredString(String field, int maxLength) {
    return optionalString(field, maxLength)
        .orElseThrow(() -> ApiError.badRequest("invalid_field", "'" + field + "' is required."));
  }

  /**
   * A multi-line string field as sent (no trimming: code and program input keep their whitespace).
   */
  Optional<String> optionalRawString(String field, int maxLength) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest("invalid_field", "'" + field + "' must be a string.");
    }
    if (value.asText().length() > maxLength) {
      throw ApiError.badRequest(
          "invalid_field", "'" + field + "' must be at most " + maxLength + " characters.");
    }
    return Optional.of(checked(field, value.asText(), true));
  }

  /** A one-line string field, trimmed; empty when missing or blank. */
  Optional<String> optionalString(String field, int maxLength) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest("invalid_field", "'" + field + "' must be a string.");
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.length() > maxLength) {
      throw ApiError.badRequest(
          "invalid_field", "'" + field + "' must be at most " + maxLength + " characters.");
    }
    return Optional.of(checked(field, text, false));
  }

  /** Whether the body names the field at all (even as null): a partial update changes it. */
  boolean has(String field) {
    return root.has(field);
  }

  /** A whole-number field from {@code min} to {@code max}; empty when missing or null. */
  Optional<Integer> optionalInteger(String field, int min, int max) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw ApiError.badRequest(
          "invalid_field",
          "'" + field + "' must be a whole number from " + min + " to " + max + ".");
    }
    return Optional.of(value.asInt());
  }

  /** A time field in ISO 8601 with an offset ({@code 2027-01-31T14:00:00Z}); empty when null. */
  Optional<java.time.Instant> optionalInstant(String field) {
    return optionalString(field, 64)
        .map(
            text -> {
              try {
                return java.time.OffsetDateTime.parse(text).toInstant();
              } catch (java.time.format.DateTimeParseException e) {
                throw ApiError.badRequest(
                    "invalid_field",
                    "'"
                        + field
                        + "' must be an ISO 8601 time with an offset, such as"
                        + " 2027-01-31T14:00:00Z.");
              }
            });
  }

  /**
   * A field holding an array of one-line strings, each of 1 to {@code maxLength} characters; empty
   * when missing.
   */
  List<String> strings(String field, int maxItems, int maxLength) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray() || value.size() > maxItems) {
      throw ApiError.badRequest(
          "invalid_field", "'" + field + "' must be an array of at most " + maxItems + " strings.");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
        throw ApiError.badRequest(
            "invalid_field",
            "'" + field + "' must hold strings of 1 to " + maxLength + " characters.");
      }
      items.add(checked(field, item.asText().strip(), false));
    }
    return List.copyOf(items);
  }

  /** A field holding an array of at most {@code maxItems} JSON objects; empty when missing. */
  List<JsonBody> objects(String field, int maxItems) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray() || value.size() > maxItems) {
      throw ApiError.badRequest(
          "invalid_field", "'" + field + "' must be an array of at most " + maxItems + " objects.");
    }
    List<JsonBody> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isObject()) {
        throw ApiError.badRequest("invalid_field", "'" + field + "' must hold objects.");
      }
      items.add(new JsonBody(item));
    }
    return List.copyOf(items);
  }

  private static String checked(String field, String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
        throw ApiError.badRequest(
            "invalid_field",
            String.format(
                "'%s' holds the control character U+%04X at position %d; %s.",
                field,
                (int) c,
                i,
                multiLine
                    ? "only tab, line feed and carriage return are allowed"
                    : "send it as one line of printable text"));
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          throw ApiError.badRequest(
              "invalid_field",
              "'" + field + "' holds half of a UTF-16 surrogate pair at position " + i + ".");
        }
      }
    }
    return text;
  }
}
