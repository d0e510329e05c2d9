package io.coderoom.server.sync.protocol;

import io.coderoom.server.auth.Role;
import io.coderoom.server.transport.CloseCode;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the web client's copy of the control protocol (web-client/src/room/protocol.ts) from the
 * sealed command and event records, the close codes and the default permissions, so the client's
 * types cannot drift from the server's. {@link ProtocolTypeScriptTest} fails when the committed
 * file differs, and rewrites it when asked to.
 */
final class ProtocolTypeScript {
  static final String REGENERATE =
      "mvn -B test -pl server -am -Dweb.skip -Dtest=ProtocolTypeScriptTest -Dprotocol.write=true"
          + " -Dsurefire.failIfNoSpecifiedTests=false";

  private final Map<String, String> declarations = new LinkedHashMap<>();
  private final Map<Class<?>, String> named = new LinkedHashMap<>();

  private ProtocolTypeScript() {}

  static String generate() {
    return new ProtocolTypeScript().write();
  }

  private String write() {
    StringBuilder out = new StringBuilder();
    out.append(
            "// The control socket's protocol (server/CONTROL-PROTOCOL.md), generated from the\n")
        .append(
            "// server's records in io.coderoom.server.sync.protocol and its CloseCode: do not edit.\n")
        .append("// Regenerate with: ")
        .append(REGENERATE)
        .append("\n\n");
    out.append("/** Every close code of the server's sockets. */\nexport const CloseCode = {\n");
    for (CloseCode code : CloseCode.values()) {
      out.append("  ").append(code.name()).append(": ").append(code.code()).append(",\n");
    }
    out.append("} as const;\n\n");
    out.append("/** Close codes after which reconnecting cannot help (the link is done). */\n")
        .append("export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([")
        .append(
            Arrays.stream(CloseCode.values())
                .filter(CloseCode::fatal)
                .map(c -> String.valueOf(c.code()))
                .collect(Collectors.joining(", ")))
        .append("]);\n\n");

    List<String> commands = new ArrayList<>();
    Map<String, Permission> commandPermissions = new LinkedHashMap<>();
    ControlCodec.commands()
        .forEach(
            (type, record) -> {
              commands.add(message(type, record));
              commandPermissions.put(type, sample(record).permission());
            });
    List<String> events = new ArrayList<>();
    ControlCodec.events().forEach((type, record) -> events.add(message(type, record)));
    typeOf(Permission.class);

    declarations.values().forEach(out::append);
    out.append("/** Every command a client may send. */\nexport type ControlCommand =\n  | ")
        .append(String.join("\n  | ", commands))
        .append(";\n\n");
    out.append("/** Every event the server sends. */\nexport type ControlEvent =\n  | ")
        .append(String.join("\n  | ", events))
        .append(";\n\n");
    out.append("/** The permission each command needs. */\n")
        .append(
            "export const COMMAND_PERMISSION: Record<ControlCommand[\"type\"], Permission> = {\n");
    commandPermissions.forEach(
        (type, permission) ->
            out.append("  ")
                .append(type)
                .append(": \"")
                .append(ControlCodec.wireName(permission))
                .append("\",\n"));
    out.append("};\n\n");
    out.append("/** The permissions each role holds by default. */\n")
        .append("export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {\n");
    for (Role role : Role.values()) {
      out.append("  ")
          .append(role.wireName())
          .append(": [")
          .append(
              Arrays.stream(Permission.values())
                  .filter(p -> RolePermissions.DEFAULT.allows(role, p))
                  .map(p -> "\"" + ControlCodec.wireName(p) + "\"")
                  .collect(Collectors.joining(", ")))
          .append("],\n");
    }
    out.append("};\n");
    return out.toString();
  }

  /** A command or event record as an interface with its {@code type}; returns its name. */
  private String message(String type, Class<?> record) {
    String name = record.getSimpleName();
    StringBuilder body = new StringBuilder();
    body.append("/** `")
        .append(type)
        .append("`, of the ")
        .append(family(record))
        .append(" family. */\nexport interface ")
        .append(name)
        .append(" {\n  type: \"")
        .append(type)
        .append("\";\n");
    fields(record, body);
    body.append("}\n\n");
    declare(name, record, body.toString());
    return name;
  }

  /** The family a record belongs to: its interface's, or the family interface nesting that. */
  private static String family(Class<?> record) {
    return Arrays.stream(record.getInterfaces())
        .map(i -> i.getEnclosingClass() != null ? i.getEnclosingClass() : i)
        .map(Class::getSimpleName)
        .map(n -> n.replaceAll("(Command|Event)$", "").toLowerCase(java.util.Locale.ROOT))
        .findFirst()
        .orElseThrow();
  }

  private void fields(Class<?> record, StringBuilder body) {
    for (RecordComponent component : record.getRecordComponents()) {
      boolean missing = component.isAnnotationPresent(MayBeMissing.class);
      boolean nullable = component.isAnnotationPresent(MayBeNull.class);
      body.append("  ")
          .append(component.getName())
          .append(missing ? "?: " : ": ")
          .append(typeOf(component.getGenericType()))
          .append(nullable ? " | null" : "")
          .append(";\n");
    }
  }

  private String typeOf(Type type) {
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      if (raw == List.class) {
        return typeOf(generic.getActualTypeArguments()[0]) + "[]";
      }
      if (raw == Map.class) {
        return "{ [field: string]: unknown }";
      }
      throw new IllegalArgumentException("no TypeScript for " + type);
    }
    Class<?> plain = (Class<?>) type;
    if (plain == String.class) {
      return "string";
    }
    if (plain == boolean.class || plain == Boolean.class) {
      return "boolean";
    }
    if (plain == int.class || plain == long.class || Number.class.isAssignableFrom(plain)) {
      return "number";
    }
    if (plain.isEnum()) {
      return named.computeIfAbsent(plain, this::enumType);
    }
    if (plain.isRecord()) {
      String existing = named.get(plain);
      if (existing != null) {
        return existing;
      }
      String name = tsName(plain);
      named.put(plain, name);
      StringBuilder body = new StringBuilder();
      body.append("export interface ").append(name).append(" {\n");
      fields(plain, body);
      body.append("}\n\n");
      declare(name, plain, body.toString());
      return name;
    }
    throw new IllegalArgumentException("no TypeScript for " + type);
  }

  private String enumType(Class<?> type) {
    String name = tsName(type);
    String values =
        Arrays.stream(type.getEnumConstants())
            .map(c -> "\"" + ControlCodec.wireName((Enum<?>) c) + "\"")
            .collect(Collectors.joining(" | "));
    declare(name, type, "export type " + name + " = " + values + ";\n\n");
    return name;
  }

  /** A nested type is named with the record it is in ({@code ClockState.Status}: ClockStatus). */
  private static String tsName(Class<?> type) {
    Class<?> outer = type.getEnclosingClass();
    return outer != null && outer.isRecord()
        ? outer.getSimpleName().replaceAll("State$", "") + type.getSimpleName()
        : type.getSimpleName();
  }

  private void declare(String name, Class<?> type, String text) {
    if (declarations.containsKey(name)) {
      throw new IllegalStateException("two protocol types are named " + name + ": " + type);
    }
    declarations.put(name, text);
  }

  /** A record with every field empty, to ask what its kind declares (its permission). */
  private static ControlCommand sample(Class<? extends ControlCommand> record) {
    try {
      RecordComponent[] components = record.getRecordComponents();
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
      Object[] values =
          Arrays.stream(types)
              .map(
                  t ->
                      t == boolean.class
                          ? (Object) false
                          : t == int.class ? (Object) 0 : t == long.class ? (Object) 0L : null)
              .toArray();
      Constructor<? extends ControlCommand> constructor = record.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
