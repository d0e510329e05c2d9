package io.coderoom.runner.agent;

import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.TestSuite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Test programs (src/test/resources/programs) and the two-sum problem; the server's run tests use
 * them too, through this module's test jar.
 */
public final class Programs {
  public static final List<String> LANGUAGES =
      List.of("python", "javascript", "typescript", "java", "cpp", "go", "csharp");

  private static final Map<String, String> HELLO =
      Map.of(
          "python", "hello.py",
          "javascript", "hello.js",
          "typescript", "hello.ts",
          "java", "Hello.java",
          "cpp", "hello.cpp",
          "go", "hello.go",
          "csharp", "hello.cs");

  private static final Map<String, String> TWO_SUM =
      Map.of(
          "python", "twosum.py",
          "javascript", "twosum.js",
          "typescript", "twosum.ts",
          "java", "TwoSum.java",
          "cpp", "twosum.cpp",
          "go", "twosum.go",
          "csharp", "twosum.cs");

  private static final Map<String, String> LEAK =
      Map.of(
          "python", "leak.py",
          "javascript", "leak.js",
          "typescript", "leak.ts",
          "java", "Leak.java",
          "cpp", "leak.cpp",
          "go", "leak.go",
          "csharp", "leak.cs");

  private Programs() {}

  /**
   * A {@code reverseWords(s)} that tries every way to get hidden tests out
   * (src/test/resources/leaks): at load it prints {@code load dump} with what /code, /tmp and /proc
   * hold, and starts a thread that prints {@code thread saw N: <inputs>} whenever it is given
   * another input; the first call returns {@code case0 returns <files>; seen <inputs>}, the second
   * throws {@code case1 throws ...} the same, the third prints {@code hidden prints <input>},
   * starts a child process that prints {@code child carries <input>} 0.2 s later and throws {@code
   * hidden throws <input>}; the fourth fills 400 MB in a child process, sleeps 1.5 s, prints {@code
   * hidden exits <input>} and exits with status 42.
   */
  public static String leak(String language) {
    return resource("/leaks/" + LEAK.get(language));
  }

  /** A C++ solution that includes {@code /code/tests.json}. */
  static String includesTests() {
    return resource("/leaks/include.cpp");
  }

  /** Prints {@code hello world}, then {@code stdin: <first line of input>}. */
  public static String hello(String language) {
    return read(HELLO.get(language));
  }

  /** A correct two-sum that prints {@code checking <n> numbers} for each call. */
  public static String twoSum(String language) {
    return read(TWO_SUM.get(language));
  }

  /** Two visible and two hidden cases. */
  static TestSuite twoSumSuite() {
    return Json.read(
        """
        {"function": "twoSum",
         "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
         "returns": "int[]",
         "cases": [
           {"input": [[2, 7, 11, 15], 9], "expected": [0, 1], "hidden": false},
           {"input": [[3, 2, 4], 6], "expected": [1, 2], "hidden": false},
           {"input": [[3, 3], 6], "expected": [0, 1], "hidden": true},
           {"input": [[1, 5, 9, 13], 22], "expected": [2, 3], "hidden": true}
         ]}
        """,
        TestSuite.class);
  }

  /** A linear reverse-words solution. */
  public static String reverseWords(String language) {
    return resource(
        "/reversewords/"
            + (language.equals("java")
                ? "ReverseWords.java"
                : "reversewords." + TWO_SUM.get(language).replaceAll(".*\\.", "")));
  }

  /** A two-sum solution that tries every pair: right, and quadratic. */
  public static String quadraticTwoSum(String language) {
    return resource("/quadratic/" + TWO_SUM.get(language));
  }

  /**
   * A whole program (stdio mode) that reads a count and that many numbers from stdin and prints
   * their prefix sums, one a line, then {@code sum <total>} on stderr; a count of -7 loops forever,
   * any other negative count prints {@code negative count} on stderr and exits with status 3.
   */
  public static String prefixSums(String language) {
    return resource(
        "/stdio/"
            + (language.equals("java")
                ? "Main.java"
                : "prefixsums." + TWO_SUM.get(language).replaceAll(".*\\.", "")));
  }

  static String read(String name) {
    return resource("/programs/" + name);
  }

  private static String resource(String name) {
    try (InputStream in = Programs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test program " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
