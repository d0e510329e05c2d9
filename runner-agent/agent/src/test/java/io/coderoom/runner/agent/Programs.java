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

  private Programs() {}

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

  static String read(String name) {
    try (InputStream in = Programs.class.getResourceAsStream("/programs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test program " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
