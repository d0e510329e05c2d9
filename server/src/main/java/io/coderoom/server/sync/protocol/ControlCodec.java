package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one reader of commands and writer of events of the control socket. A command is a JSON object
 * whose {@code "type"} names one of the {@link ControlCommand} records and whose fields are that
 * record's, of the right JSON types (no number passes for a string); anything else is refused with
 * an {@code error} that says what was wrong. Events are written with {@code "v": 1} and their type
 * first. Enums are written by their wire name ({@code wireName()} where they have one, else their
 * name in lower case).
 */
public final class ControlCodec {
  /** The protocol's version, on every event. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = mapper();
  private static final Map<String, Class<? extends ControlCommand>> COMMANDS =
      byTypeName(ControlCommand.class);
  private static final Map<String, Class<? extends ControlEvent>> EVENTS =
      byTypeName(ControlEvent.class);

  private ControlCodec() {}

  /** What a text message from a client turned out to be. */
  public sealed interface Decoded {}

  /** A well-formed command. */
  public record Command(ControlCommand command) implements Decoded {}

  /** Not a command the server takes: the {@code error} its sender gets. */
  public record Refused(SessionEvent.Refusal error) implements Decoded {}

  public static Decoded decode(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject() || !node.path("type").isTextual()) {
      return refused("bad_command", "Send a JSON object with a string 'type'.");
    }
    String type = node.path("type").asText();
    Class<? extends ControlCommand> kind = COMMANDS.get(type);
    if (kind == null) {
      return refused("unknown_command", "Unknown command '" + type + "'.");
    }
    for (RecordComponent component : kind.getRecordComponents()) {
      if (optional(component)) {
        continue;
      }
      JsonNode field = node.get(component.getName());
      if (field == null || field.isNull()) {
        return refused(
            "bad_command",
            "'" + component.getName() + "' is missing; it must be " + describe(component) + ".");
      }
    }
    try {
      return new Command(JSON.treeToValue(node, kind));
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(0).getFieldName());
      return Arrays.stream(kind.getRecordComponents())
          .filter(c -> c.getName().equals(field))
          .findFirst()
          .<Decoded>map(c -> refused("bad_command", "'" + field + "' must be " + describe(c) + "."))
          .orElseGet(() -> refused("bad_command", "A field of '" + type + "' has the wrong type."));
    } catch (JsonProcessingException e) {
      return refused("bad_command", "A field of '" + type + "' has the wrong type.");
    }
  }

  /** The event as it goes on the wire. */
  public static String encode(ControlEvent event) {
    ObjectNode json = JSON.createObjectNode();
    json.put("v", VERSION);
    json.put("type", typeName(event.getClass()));
    json.setAll((ObjectNode) JSON.valueToTree(event));
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code "type"} of a command or event record. */
  public static String typeName(Class<?> record) {
    JsonTypeName name = record.getAnnotation(JsonTypeName.class);
    if (name == null) {
      throw new IllegalStateException(record + " has no @JsonTypeName");
    }
    return name.value();
  }

  /** Every command record by its type, in the order of their types. */
  public static Map<String, Class<? extends ControlCommand>> commands() {
    return COMMANDS;
  }

  /** Every event record by its type, in the order of their types. */
  public static Map<String, Class<? extends ControlEvent>> events() {
    return EVENTS;
  }

  /** How an enum constant is written on the wire. */
  public static String wireName(Enum<?> constant) {
    try {
      return String.valueOf(constant.getDeclaringClass().getMethod("wireName").invoke(constant));
    } catch (ReflectiveOperationException e) {
      return constant.name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether a record component may be missing (or null) in a command. */
  public static boolean optional(RecordComponent component) {
    return component.isAnnotationPresent(MayBeNull.class)
        || component.isAnnotationPresent(MayBeMissing.class);
  }

  private static String describe(RecordComponent component) {
    Class<?> type = component.getType();
    String kind =
        type == String.class
            ? "a string"
            : type == boolean.class || type == Boolean.class
                ? "true or false"
                : Number.class.isAssignableFrom(type) || type.isPrimitive()
                    ? "a whole number"
                    : "an object";
    return component.isAnnotationPresent(MayBeNull.class) ? kind + " or null" : kind;
  }

  private static Refused refused(String code, String message) {
    return new Refused(SessionEvent.Refusal.of(code, message));
  }

  private static <T> Map<String, Class<? extends T>> byTypeName(Class<T> root) {
    Map<String, Class<? extends T>> named = new TreeMap<>();
    List<Class<?>> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      Class<?> next = pending.remove(0);
      if (next.isRecord()) {
        Class<? extends T> record = next.asSubclass(root);
        if (named.put(typeName(record), record) != null) {
          throw new IllegalStateException("two records are named " + typeName(record));
        }
      } else {
        pending.addAll(
            Arrays.asList(Optional.ofNullable(next.getPermittedSubclasses()).orElseThrow()));
      }
    }
    return Collections.unmodifiableMap(named);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ObjectMapper mapper() {
    SimpleModule enums = new SimpleModule("wire-enums");
    enums.addSerializer(
        new StdSerializer<Enum>(Enum.class) {
          @Override
          public void serialize(Enum value, JsonGenerator out, SerializerProvider provider)
              throws IOException {
            out.writeString(wireName(value));
          }
        });
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(enums)
            .build();
    for (LogicalType type :
        List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean)) {
      for (CoercionInputShape shape :
          List.of(
              CoercionInputShape.Integer,
              CoercionInputShape.Float,
              CoercionInputShape.Boolean,
              CoercionInputShape.String,
              CoercionInputShape.EmptyString)) {
        mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
      }
    }
    return mapper;
  }
}
