package io.coderoom.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.runner.protocol.Generators;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.TestSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ProblemFolder} into a {@link Problem}, checking everything a run or a room would
 * otherwise trip over later, with a message that names the problem and the file.
 *
 * <p>{@code problem.json} holds {@code title}, {@code version}, {@code difficulty}, {@code
 * categories}, {@code timeEstimateMinutes}, {@code constraints}, {@code hints}, {@code followUp},
 * {@code caseTimeLimitMs} (the limit of each case that names none) and the signature the runner's
 * {@link TestSuite} describes: {@code kind}, {@code function}, {@code params}, {@code returns},
 * {@code design}, {@code order}, {@code tolerance}, {@code checker}. {@code tests.json} is the
 * array of cases ({@code input}, {@code expected}, {@code hidden}, optional {@code timeLimitMs});
 * inputs and expected values may be {@link Generators generators}, expanded here once so that a
 * malformed one is refused now, not in a run.
 */
public final class ProblemReader {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The fields of {@code problem.json} that describe the runner's suite. */
  private static final List<String> SUITE_FIELDS =
      List.of("kind", "function", "params", "returns", "design", "order", "tolerance", "checker");

  private final Languages languages;

  public ProblemReader(Languages languages) {
    this.languages = languages;
  }

  /** The problem of a folder, under the id given (the slug, or a team problem's id). */
  public Problem read(String id, ProblemFolder folder) {
    String slug = folder.slug();
    JsonNode meta = json(folder, "problem.json");
    if (!meta.isObject()) {
      throw new IllegalArgumentException(slug + ": problem.json must be a JSON object");
    }
    Map<String, String> starter = programs(folder, "starter");
    Map<String, String> solutions = programs(folder, "solution");
    if (starter.isEmpty()) {
      throw new IllegalArgumentException(slug + " has no starter code in any language");
    }
    if (!starter.keySet().equals(solutions.keySet())) {
      throw new IllegalArgumentException(
          slug
              + " must have a reference solution for exactly the languages it has starter code"
              + " for: starter "
              + starter.keySet()
              + ", solution "
              + solutions.keySet());
    }
    try {
      return new Problem(
          id,
          meta.path("version").asInt(1),
          text(meta, "title", slug),
          ProblemDifficulty.of(meta.path("difficulty").asText()),
          strings(meta.path("categories")).stream().map(ProblemCategory::of).toList(),
          meta.path("timeEstimateMinutes").asInt(0),
          strings(meta.path("constraints")),
          strings(meta.path("hints")),
          meta.path("followUp").asText(""),
          folder.required("statement.md"),
          folder.required("editorial.md"),
          starter,
          solutions,
          suite(folder, meta));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(slug + ": " + e.getMessage(), e);
    }
  }

  private TestSuite suite(ProblemFolder folder, JsonNode meta) {
    ObjectNode suite = JSON.createObjectNode();
    for (String field : SUITE_FIELDS) {
      if (meta.has(field)) {
        suite.set(field, meta.get(field));
      }
    }
    long caseLimit = meta.path("caseTimeLimitMs").asLong(TestSuite.DEFAULT_CASE_TIME_LIMIT_MS);
    JsonNode tests = json(folder, "tests.json");
    if (!tests.isArray()) {
      throw new IllegalArgumentException("tests.json must be a JSON array of cases");
    }
    ArrayNode cases = JSON.createArrayNode();
    for (JsonNode test : tests) {
      ObjectNode c = test.deepCopy();
      if (!c.has("timeLimitMs")) {
        c.put("timeLimitMs", caseLimit);
      }
      cases.add(c);
    }
    suite.set("cases", cases);
    TestSuite read;
    try {
      read = JSON.treeToValue(suite, TestSuite.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the signature or the tests do not describe a test suite: " + e.getOriginalMessage());
    }
    for (int i = 0; i < read.cases().size(); i++) {
      TestSuite.Case c = read.cases().get(i);
      try {
        Generators.expand(c.input());
        Generators.expand(c.expected());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("case " + i + ": " + e.getMessage(), e);
      }
    }
    return read;
  }

  private Map<String, String> programs(ProblemFolder folder, String kind) {
    Map<String, String> programs = new LinkedHashMap<>();
    for (Language language : languages.all()) {
      folder
          .file(ProblemFolder.programPath(kind, language.id()))
          .ifPresent(code -> programs.put(language.id(), code));
    }
    for (String path : folder.files().keySet()) {
      if (path.startsWith(kind + "/")
          && programs.keySet().stream()
              .noneMatch(id -> path.equals(ProblemFolder.programPath(kind, id)))) {
        throw new IllegalArgumentException(
            folder.slug() + ": " + path + " is not the file of a language this server runs");
      }
    }
    return programs;
  }

  private static JsonNode json(ProblemFolder folder, String path) {
    try {
      return JSON.readTree(folder.required(path));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          folder.slug() + ": " + path + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode meta, String field, String slug) {
    String value = meta.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException(slug + ": problem.json has no " + field);
    }
    return value;
  }

  private static List<String> strings(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
