package io.coderoom.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.server.problem.LibraryEntry;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemCategory;
import io.coderoom.server.problem.SafeMarkdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shapes of the library's problems in {@code /api/problems} (documented in openapi.json).
 */
final class ProblemJson {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** About two lines of a list: enough to tell problems apart. */
  static final int EXCERPT_CHARS = 200;

  private ProblemJson() {}

  /** A problem of a list: what tells it apart, no tests and no statement beyond its excerpt. */
  static Map<String, Object> summary(Problem problem, LibraryEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", problem.id());
    json.put("version", problem.version());
    json.put("title", problem.title());
    json.put("difficulty", problem.difficulty().slug());
    json.put("categories", problem.categories().stream().map(ProblemCategory::slug).toList());
    json.put("timeEstimateMinutes", problem.timeEstimateMinutes());
    json.put("languages", problem.languages());
    json.put("source", entry.source().slug());
    json.put(
        "status",
        entry.publishedVersion().filter(v -> v == problem.version()).isPresent()
            ? "published"
            : "draft");
    json.put("excerpt", SafeMarkdown.plainText(problem.statement(), EXCERPT_CHARS));
    return json;
  }

  /** One problem in full, as far as the viewer may see it. */
  static Map<String, Object> detail(Problem problem, LibraryEntry entry, ProblemViewer viewer) {
    Map<String, Object> json = summary(problem, entry);
    json.put("statement", problem.statement());
    json.put("statementHtml", SafeMarkdown.toHtml(problem.statement()));
    json.put("constraints", problem.constraints());
    // The signature as the suite describes it (function, params, returns; a design or a checker
    // for the other kinds): every field of the suite but its cases.
    ObjectNode signature = JSON.valueToTree(problem.suite());
    signature.remove("cases");
    signature.properties().stream()
        .filter(field -> !field.getValue().isNull())
        .forEach(field -> json.put(field.getKey(), field.getValue()));
    json.put("starterCode", new TreeMap<>(problem.starterCode()));
    json.put("examples", examples(problem.suite()));
    json.put(
        "hiddenTests", problem.suite().cases().stream().filter(TestSuite.Case::hidden).count());
    json.put("hintCount", problem.hints().size());
    if (viewer.interviewer()) {
      json.put("hints", problem.hints());
      json.put("followUp", problem.followUp());
      json.put("editorial", problem.editorial());
      json.put("editorialHtml", SafeMarkdown.toHtml(problem.editorial()));
    }
    if (viewer.member() && entry.teamId().isPresent() && viewer.sees(entry.teamId())) {
      json.put("tests", JSON.valueToTree(problem.suite().cases()));
      json.put("solutions", new TreeMap<>(problem.solutions()));
    }
    return json;
  }

  private static List<Map<String, Object>> examples(TestSuite suite) {
    return suite.cases().stream()
        .filter(c -> !c.hidden())
        .map(
            c -> {
              Map<String, Object> example = new LinkedHashMap<>();
              example.put("input", c.input());
              example.put("expected", c.expected());
              return example;
            })
        .toList();
  }
}
