package io.coderoom.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every language's template and every problem's starter is indented in the unit the web client's
 * editor indents that language by ({@code INDENT_UNITS} in {@code
 * web-client/src/room/languages.ts}, read here), so code a candidate types lines up with the code
 * that was there. A Python starter in 4 spaces under an editor that indents by 2 gets lines the
 * interpreter refuses.
 */
class IndentUnitsTest {
  private static final Path LANGUAGES_TS =
      TestServers.builtWebClient()
          .toAbsolutePath()
          .normalize()
          .getParent()
          .resolve("src/room/languages.ts");

  private static final Pattern TABLE =
      Pattern.compile(
          "export const INDENT_UNITS: Record<string, string> = \\{\\n(.*?)\\n};", Pattern.DOTALL);
  private static final Pattern ENTRY = Pattern.compile("\\s*(\\w+): \"((?: |\\\\t)+)\",");

  /** A line that goes on with a block comment: its star stands one space in, under the slash. */
  private static final Pattern COMMENT_CONTINUATION = Pattern.compile("^\\s* \\*(?:[ /].*)?$");

  @Test
  void theClientsTableNamesEveryLanguageOnce() throws IOException {
    assertThat(indentUnits().keySet())
        .containsExactlyInAnyOrderElementsOf(
            Languages.builtIn().all().stream().map(Language::id).toList());
  }

  @Test
  void templatesAndStartersAreIndentedInTheirLanguagesUnit() throws IOException {
    Map<String, String> units = indentUnits();
    List<String> problems = new ArrayList<>();
    for (Language language : Languages.builtIn().all()) {
      String unit = units.get(language.id());
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("template " + language.id(), language.template());
      for (Problem problem : TestProblems.curated()) {
        texts.put(
            "starter " + problem.id() + " " + language.id(),
            problem.starterCode(language.id()).orElseThrow());
      }
      texts.forEach((what, text) -> problems.addAll(misindented(what, text, unit)));
      // Whole units of a unit half the size would pass the rest: some line shows the unit itself.
      if (texts.values().stream().noneMatch(text -> indentsByOneUnit(text, unit))) {
        problems.add(language.id() + ": no line of its starters is indented by one unit");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckSeesAStarterWrittenInAnotherUnit() {
    String twoSpacePython = "def f():\n  if True:\n    return 1\n  return 2\n";
    assertThat(misindented("python", twoSpacePython, "    "))
        .containsExactly(
            "python line 2 is not indented in whole units: \"  if True:\"",
            "python line 4 is not indented in whole units: \"  return 2\"");
    assertThat(misindented("java", "class A {\n    int x;\n}\n", "  "))
        .containsExactly("java line 2 rises by more than one unit: \"    int x;\"");
    assertThat(indentsByOneUnit("class A {\n    int x;\n}\n", "  ")).isFalse();
    assertThat(indentsByOneUnit("class A {\n  int x;\n}\n", "  ")).isTrue();
    assertThat(misindented("go", "func f() {\n    return\n}\n", "\t"))
        .startsWith("go line 2 is not indented in whole units: \"    return\"");
    assertThat(misindented("cpp", "class A {\n public:\n  int x;\n};\n", "  ")).hasSize(1);
    assertThat(misindented("javascript", "/**\n * @return {number}\n */\nfunction f() {}\n", "  "))
        .isEmpty();
  }

  /** Where the text's indentation is not whole units, or rises by more than one unit a line. */
  private static List<String> misindented(String what, String text, String unit) {
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int level = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      if (COMMENT_CONTINUATION.matcher(line).matches()) {
        indent = indent.substring(0, indent.length() - 1);
      }
      String where = what + " line " + (i + 1);
      if (!indent.replace(unit, "").isEmpty()) {
        problems.add(where + " is not indented in whole units: \"" + line + "\"");
        continue;
      }
      int depth = indent.length() / unit.length();
      if (depth > level + 1) {
        problems.add(where + " rises by more than one unit: \"" + line + "\"");
      }
      level = depth;
    }
    return problems;
  }

  private static boolean indentsByOneUnit(String text, String unit) {
    return text.lines()
        .anyMatch(
            line ->
                line.length() > unit.length()
                    && line.startsWith(unit)
                    && !Character.isWhitespace(line.charAt(unit.length())));
  }

  /** {@code INDENT_UNITS} of the client's languages.ts: language id to its indent unit. */
  private static Map<String, String> indentUnits() throws IOException {
    String source = Files.readString(LANGUAGES_TS, StandardCharsets.UTF_8);
    Matcher table = TABLE.matcher(source);
    assertThat(table.find()).as("INDENT_UNITS in %s", LANGUAGES_TS).isTrue();
    Map<String, String> units = new LinkedHashMap<>();
    for (String entry : table.group(1).split("\n")) {
      Matcher matcher = ENTRY.matcher(entry);
      assertThat(matcher.matches())
          .as("%s: an INDENT_UNITS entry is `id: \"spaces or \\t\",`: %s", LANGUAGES_TS, entry)
          .isTrue();
      String unit = matcher.group(2).replace("\\t", "\t");
      assertThat(units.put(matcher.group(1), unit)).as("%s twice", matcher.group(1)).isNull();
    }
    return units;
  }
}
