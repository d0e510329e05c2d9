package io.coderoom.server;

import io.coderoom.runner.agent.AgentSettings;
import io.coderoom.runner.protocol.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code coderoom.env.example} and the README's settings table from the declared settings
 * ({@link ServerSettings#ALL}, then the runner agent's {@link AgentSettings#ALL}), so neither can
 * drift from what the server and the agent read. {@link SettingsDocsTest} fails when the committed
 * files differ, and rewrites them when asked to.
 */
final class SettingsDocs {
  static final String REGENERATE =
      "mvn -B test -pl server -am -Dweb.skip -Dtest=SettingsDocsTest -Dsettings.write=true"
          + " -Dsurefire.failIfNoSpecifiedTests=false";

  /** The README's table is the text between these two lines. */
  static final String TABLE_BEGIN =
      "<!-- settings table: generated from ServerSettings and AgentSettings, see SettingsDocs -->";

  static final String TABLE_END = "<!-- end of settings table -->";

  private static final int WIDTH = 100;

  private SettingsDocs() {}

  /** Every setting once, in documentation order, grouped by section in order of appearance. */
  static List<Setting> all() {
    Map<String, Setting> byName = new LinkedHashMap<>();
    List<Setting> declared = new ArrayList<>(ServerSettings.ALL);
    declared.addAll(AgentSettings.ALL);
    for (Setting setting : declared) {
      Setting earlier = byName.putIfAbsent(setting.name(), setting);
      if (earlier != null && !earlier.equals(setting)) {
        throw new IllegalStateException(setting.name() + " is declared twice, differently");
      }
    }
    Map<String, List<Setting>> sections = new LinkedHashMap<>();
    for (Setting setting : byName.values()) {
      sections.computeIfAbsent(setting.section(), s -> new ArrayList<>()).add(setting);
    }
    return sections.values().stream().flatMap(List::stream).toList();
  }

  static String envExample() {
    StringBuilder out = new StringBuilder();
    out.append(
            "# Coderoom configuration. Copy to ./coderoom.env (or point CODEROOM_CONFIG at a file)"
                + " and edit;\n")
        .append(
            "# environment variables work the same way. Lines that are not commented out hold"
                + " the defaults.\n")
        .append(
            "# Generated from the settings the server and the runner agent declare; regenerate with\n")
        .append("#   ")
        .append(REGENERATE)
        .append('\n');
    String section = "";
    for (Setting setting : all()) {
      if (!setting.section().equals(section)) {
        section = setting.section();
        String title = "# --- " + section + " ";
        out.append('\n').append(title).append("-".repeat(WIDTH - title.length())).append('\n');
      }
      String meaning = setting.meaning();
      if (!setting.plain() && !setting.shownDefault().isEmpty()) {
        meaning += " (default: " + setting.shownDefault().replace("`", "") + ")";
      }
      for (String line : wrap(capitalized(meaning) + ".", WIDTH - 2)) {
        out.append("# ").append(line).append('\n');
      }
      if (setting.plain()) {
        out.append(setting.name()).append('=').append(shell(setting.defaultValue())).append('\n');
      } else {
        out.append("# ")
            .append(setting.name())
            .append('=')
            .append(shell(setting.example()))
            .append('\n');
      }
    }
    return out.toString();
  }

  static String readmeTable() {
    StringBuilder out = new StringBuilder();
    out.append(TABLE_BEGIN).append('\n');
    out.append("| variable | default | meaning |\n|---|---|---|\n");
    for (Setting setting : all()) {
      out.append("| `")
          .append(setting.name())
          .append("` | ")
          .append(setting.shownDefault())
          .append(" | ")
          .append(setting.meaning().replace("|", "\\|"))
          .append(" |\n");
    }
    out.append(TABLE_END).append('\n');
    return out.toString();
  }

  /** The README with its settings table replaced by the generated one. */
  static String readme(String current) {
    int begin = current.indexOf(TABLE_BEGIN);
    int end = current.indexOf(TABLE_END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(
          "README.md has no settings table between " + TABLE_BEGIN + " and " + TABLE_END);
    }
    return current.substring(0, begin)
        + readmeTable()
        + current.substring(end + TABLE_END.length() + 1);
  }

  /** A value as a shell reads it: ./coderoom sources the file. */
  static String shell(String value) {
    return value.matches("[A-Za-z0-9_./:@,+=-]*") ? value : "'" + value.replace("'", "'\\''") + "'";
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
