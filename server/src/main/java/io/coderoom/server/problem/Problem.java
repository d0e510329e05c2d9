package io.coderoom.server.problem;

import io.coderoom.runner.protocol.TestSuite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function-mode problem of the catalogue.
 *
 * @param id stable id used in rooms and commands ({@code two-sum})
 * @param title shown to people
 * @param statement the task in plain text (paragraphs, indented examples)
 * @param starterCode per language id, the function's signature with an empty body, as the
 *     language's harness expects it
 * @param suite the function's signature and every test, public and hidden; only the server and the
 *     agents see it whole
 * @param timeEstimateMinutes how long the problem usually takes; the room's clock counts down from
 *     it unless the interviewer picks another duration
 * @param hints ordered hints, revealed one at a time by the interviewer; candidates see revealed
 *     ones only
 */
public record Problem(
    String id,
    String title,
    String statement,
    Map<String, String> starterCode,
    TestSuite suite,
    int timeEstimateMinutes,
    List<String> hints) {

  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(suite, "suite");
    starterCode = Map.copyOf(starterCode);
    hints = List.copyOf(hints);
    if (timeEstimateMinutes < 1 || timeEstimateMinutes > 1440) {
      throw new IllegalArgumentException("timeEstimateMinutes must be 1-1440");
    }
  }

  public Optional<String> starterCode(String language) {
    return Optional.ofNullable(starterCode.get(language));
  }

  /** What everyone in a room may know of it: no tests. */
  public Map<String, Object> summary() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("title", title);
    json.put("statement", statement);
    json.put("timeEstimateMinutes", timeEstimateMinutes);
    json.put("hintCount", hints.size());
    return json;
  }

  /**
   * The catalogue entry of {@code GET /api/problems}: the summary, starter code and public tests.
   */
  public Map<String, Object> listing() {
    Map<String, Object> json = summary();
    json.put("function", suite.function());
    json.put(
        "params",
        suite.params().stream().map(p -> Map.of("name", p.name(), "type", p.type())).toList());
    json.put("returns", suite.returns());
    json.put("starterCode", new java.util.TreeMap<>(starterCode));
    List<Map<String, Object>> examples =
        suite.cases().stream()
            .filter(c -> !c.hidden())
            .map(
                c -> {
                  Map<String, Object> example = new LinkedHashMap<>();
                  example.put("input", c.input());
                  example.put("expected", c.expected());
                  return example;
                })
            .toList();
    json.put("examples", examples);
    json.put("hiddenTests", suite.cases().stream().filter(TestSuite.Case::hidden).count());
    return json;
  }
}
