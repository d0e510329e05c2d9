package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Json;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestSuite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What the compiled languages' harnesses (C++, Go, C#) convert by declared type, beyond {@link
 * RichTypesIT}: one design run per language whose class takes and returns arrays of lists, maps
 * with long and int keys and array values, char and boolean arrays, a 2-D array, and longs beyond
 * 2^53 as map keys; the hidden case gives every empty value.
 */
class NativeRichTypesIT {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(180);
  private static final Map<String, String> EXTENSIONS =
      Map.of("cpp", "cpp", "go", "go", "csharp", "cs");
  private static final Map<String, String> tourRuns = new HashMap<>();
  private static RedisFixture fixture;

  static final List<String> languages = List.of("cpp", "go", "csharp");

  /**
   * A design class with a method per type; the first case uses every method, the second the empty
   * values (empty list, tree, map and string) and a result before any void call.
   */
  static TestSuite tourSuite() {
    return Json.read(
        """
        {"kind": "design",
         "design": {"class": "TypeTour",
           "constructor": [{"name": "base", "type": "int"}],
           "methods": [
             {"name": "reverse", "params": [{"name": "head", "type": "ListNode"}],
              "returns": "ListNode"},
             {"name": "mirror", "params": [{"name": "root", "type": "TreeNode"}],
              "returns": "TreeNode"},
             {"name": "count", "params": [{"name": "words", "type": "string[]"}],
              "returns": "map<string,int>"},
             {"name": "shift", "params": [{"name": "c", "type": "char"}], "returns": "char"},
             {"name": "scale", "params": [{"name": "x", "type": "long"}], "returns": "long"},
             {"name": "mean", "params": [{"name": "xs", "type": "int[]"}], "returns": "double"},
             {"name": "transpose", "params": [{"name": "grid", "type": "int[][]"}],
              "returns": "int[][]"},
             {"name": "invert", "params": [{"name": "m", "type": "map<char,long>"}],
              "returns": "map<long,char>"},
             {"name": "letters", "params": [{"name": "s", "type": "string"}],
              "returns": "char[]"},
             {"name": "add", "params": [{"name": "x", "type": "int"}], "returns": "void"},
             {"name": "total", "params": [], "returns": "long"},
             {"name": "allTrue", "params": [{"name": "flags", "type": "boolean[]"}],
              "returns": "boolean"},
             {"name": "groups", "params": [{"name": "byLength", "type": "map<int,string[]>"}],
              "returns": "map<int,int>"},
             {"name": "lists", "params": [{"name": "values", "type": "int[][]"}],
              "returns": "ListNode[]"}
           ]},
         "cases": [
           {"input": [["TypeTour", "reverse", "mirror", "mirror", "count", "shift", "scale",
                       "mean", "transpose", "invert", "letters", "add", "add", "total",
                       "allTrue", "groups", "lists"],
                      [[3], [[1, 2, 3]], [[4, 2, 7, 1, 3, 6, 9]], [[1, null, 2, 3]],
                       [["a", "b", "a"]], ["y"], [3000000000000001], [[1, 2]],
                       [[[1, 2, 3], [4, 5, 6]]], [{"a": 5, "b": -9007199254740993}], ["hey"],
                       [2], [5], [], [[true, false]], [{"2": ["ab", "cd"], "3": []}],
                       [[[1, 2], [], [3]]]]],
            "expected": [null, [3, 2, 1], [4, 7, 2, 9, 6, 3, 1], [1, 2, null, null, 3],
                         {"a": 2, "b": 1}, "z", 9000000000000003, 1.5,
                         [[1, 4], [2, 5], [3, 6]], {"5": "a", "-9007199254740993": "b"},
                         ["h", "e", "y"], null, null, 7, false, {"2": 2, "3": 0},
                         [[1, 2], [], [3]]],
            "hidden": false},
           {"input": [["TypeTour", "total", "reverse", "mirror", "count", "letters", "lists",
                       "allTrue"],
                      [[0], [], [[]], [[]], [[]], [""], [[]], [[]]]],
            "expected": [null, 0, [], [], {}, [], [], true],
            "hidden": true}
         ]}
        """,
        TestSuite.class);
  }

  @BeforeAll
  static void submitEverything() {
    fixture = RedisFixture.withAgent("native-types");
    for (String language : languages) {
      String tour = RedisFixture.newRunId("tour-" + language);
      fixture.submit(RunJob.test(tour, language, program("tour", language), tourSuite()));
      tourRuns.put(language, tour);
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest
  @FieldSource("languages")
  void aDesignClassTakesAndReturnsEveryType(String language) {
    RunResult result = fixture.awaitResult(tourRuns.get(language), RESULT_TIMEOUT);
    TestReport report = Reports.allPassed(result, language);
    assertThat(report.passed()).isEqualTo(2);
    assertThat(report.cases().get(0).actual())
        .contains("[1,2,null,null,3]")
        .contains("\"-9007199254740993\":\"b\"")
        .contains("[\"h\",\"e\",\"y\"],null,null,7,false")
        .endsWith("[[1,2],[],[3]]]");
  }

  private static String program(String name, String language) {
    String path = "/richtypes/" + name + "." + EXTENSIONS.get(language);
    try (InputStream in = NativeRichTypesIT.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test program " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
