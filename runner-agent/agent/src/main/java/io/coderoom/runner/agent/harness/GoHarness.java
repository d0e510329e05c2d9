package io.coderoom.runner.agent.harness;

import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.runner.protocol.ValueType;
import java.util.stream.Collectors;

/**
 * The Go code that {@code main.go} runs for each case. {@code main.go} converts arguments by
 * reflection to the types the candidate's signature declares (a {@code long} may be an {@code
 * int64} or an {@code int}, a {@code char} a {@code byte} or a {@code rune}); the suite's declared
 * result types tell it which numbers to write as characters.
 */
final class GoHarness {
  private GoHarness() {}

  /** {@code main.go} with the calls of this suite in place. */
  static String source(String template, TestSuite suite) {
    return template.replace(
        "__CALL__", suite.ofKind(TestSuite.DESIGN) ? designCall(suite) : functionCall(suite));
  }

  /** The candidate's code as a file of package main: its own package clause, or one added. */
  static String solution(String code) {
    return startsWithPackageClause(code) ? code : "package main\n" + code;
  }

  /** Whether the code's first token, after white space and comments, is {@code package}. */
  private static boolean startsWithPackageClause(String code) {
    int i = 0;
    while (i < code.length()) {
      if (Character.isWhitespace(code.charAt(i))) {
        i++;
      } else if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = end < 0 ? code.length() : end + 1;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? code.length() : end + 2;
      } else {
        return code.startsWith("package", i)
            && (i + 7 == code.length() || Character.isWhitespace(code.charAt(i + 7)));
      }
    }
    return false;
  }

  private static String functionCall(TestSuite suite) {
    return "\treturn coderoomFunction("
        + quote(suite.function())
        + ", "
        + suite.function()
        + ", args, "
        + quote(ValueType.parse(suite.returns()).text())
        + ")\n";
  }

  /** LeetCode's Go shape: {@code func Constructor(...) T} and exported PascalCase methods. */
  private static String designCall(TestSuite suite) {
    TestSuite.Design design = suite.design();
    String methods =
        design.methods().stream()
            .map(
                m ->
                    "\t\t"
                        + quote(m.name())
                        + ": {returns: "
                        + quote(m.returnType().text())
                        + "},\n")
            .collect(Collectors.joining());
    return "\treturn coderoomDesign("
        + quote(design.className())
        + ", Constructor, args, map[string]coderoomMethod{\n"
        + methods
        + "\t})\n";
  }

  /** A Go string literal; names and types hold no quotes or backslashes, but say so anyway. */
  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
