package io.coderoom.runner.protocol;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting of the product's environment (an environment variable, or the same {@code KEY=VALUE}
 * line in {@code coderoom.env}), declared once: the server and the runner agent list theirs, their
 * configuration readers read through the declaration, and {@code coderoom.env.example} and the
 * README's settings table are generated from the lists (a test fails when they disagree).
 *
 * @param name the variable, {@code CODEROOM_...}
 * @param section the part of the product it configures, as {@code coderoom.env.example} groups them
 *     ("Server", "Runner agent", ...)
 * @param defaultValue what the readers use when it is unset, empty when they derive a value (from
 *     the machine, from other settings) or leave the feature off
 * @param shownDefault the default as people read it: {@code `8080`}, "generated", "one per core"
 * @param example a value shown (commented out) in {@code coderoom.env.example} when the default is
 *     not a plain value; empty for none
 * @param meaning what it does, one paragraph
 */
public record Setting(
    String name,
    String section,
    String defaultValue,
    String shownDefault,
    String example,
    String meaning) {

  public Setting {
    Objects.requireNonNull(name, "name");
    if (!name.matches("CODEROOM_[A-Z0-9_]+")) {
      throw new IllegalArgumentException("a setting's name is CODEROOM_ and capitals: " + name);
    }
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(shownDefault, "shownDefault");
    Objects.requireNonNull(example, "example");
    Objects.requireNonNull(meaning, "meaning");
  }

  /** A setting with a plain default value, shown as it is. */
  public static Setting of(String section, String name, String defaultValue, String meaning) {
    return new Setting(name, section, defaultValue, "`" + defaultValue + "`", "", meaning);
  }

  /**
   * A setting without a plain default: unset, the readers derive a value or leave the feature off.
   *
   * @param shownDefault what happens when it is unset, for people ("generated", "none (off)")
   * @param example a value for {@code coderoom.env.example}, empty for none
   */
  public static Setting derived(
      String section, String name, String shownDefault, String example, String meaning) {
    return new Setting(name, section, "", shownDefault, example, meaning);
  }

  /** The same setting with a fallback the readers use that people need not set or see. */
  public Setting withFallback(String fallback) {
    return new Setting(name, section, fallback, shownDefault, example, meaning);
  }

  /** Whether {@code coderoom.env.example} sets it to its default (else it is commented out). */
  public boolean plain() {
    return example.isEmpty()
        && !defaultValue.isEmpty()
        && shownDefault.equals("`" + defaultValue + "`");
  }

  /** Its value in this environment, if set and not blank. */
  public Optional<String> value(Map<String, String> env) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }

  /** Its value in this environment, or its default. */
  public String read(Map<String, String> env) {
    return value(env).orElse(defaultValue);
  }

  /**
   * Its value as a whole number, or its default.
   *
   * @throws IllegalArgumentException naming the setting when the value is not a number
   */
  public int integer(Map<String, String> env) {
    String value = read(env);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
    }
  }
}
