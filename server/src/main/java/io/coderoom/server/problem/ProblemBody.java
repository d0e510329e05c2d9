package io.coderoom.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A problem's folder as the authoring page and the API exchange it, one JSON object:
 *
 * <pre>
 * {"problem": {problem.json's fields}, "statement": "...", "editorial": "...",
 *  "tests": [cases], "starter": {"python": "..."}, "solutions": {"python": "..."}}
 * </pre>
 *
 * <p>Both directions go through {@link ProblemFolder}, so what an author saves is exactly what an
 * export writes and an import reads.
 */
public final class ProblemBody {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ProblemBody() {}

  /** The folder an authoring body describes. */
  public static ProblemFolder toFolder(String slug, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("the problem must be a JSON object");
    }
    Map<String, String> files = new TreeMap<>();
    JsonNode problem = body.path("problem");
    if (!problem.isObject()) {
      throw new IllegalArgumentException("problem must be an object of problem.json's fields");
    }
    JsonNode tests = body.path("tests");
    if (!tests.isArray()) {
      throw new IllegalArgumentException("tests must be an array of cases");
    }
    files.put("problem.json", write(problem));
    files.put("tests.json", writeTests((ArrayNode) tests));
    files.put("statement.md", body.path("statement").asText(""));
    files.put("editorial.md", body.path("editorial").asText(""));
    programs(body.path("starter"), "starter", files);
    programs(body.path("solutions"), "solution", files);
    return new ProblemFolder(slug, files);
  }

  /** The authoring body of a folder. */
  public static ObjectNode toJson(ProblemFolder folder) {
    ObjectNode body = JSON.createObjectNode();
    body.set("problem", read(folder.required("problem.json")));
    body.put("statement", folder.file("statement.md").orElse(""));
    body.put("editorial", folder.file("editorial.md").orElse(""));
    body.set("tests", read(folder.required("tests.json")));
    ObjectNode starter = body.putObject("starter");
    ObjectNode solutions = body.putObject("solutions");
    folder
        .files()
        .forEach(
            (path, text) -> {
              String language = path.replaceFirst("^[^/]+/", "").replaceFirst("\\.[^.]+$", "");
              if (path.startsWith("starter/")) {
                starter.put(language, text);
              } else if (path.startsWith("solution/")) {
                solutions.put(language, text);
              }
            });
    return body;
  }

  private static void programs(JsonNode byLanguage, String kind, Map<String, String> files) {
    if (byLanguage.isMissingNode() || byLanguage.isNull()) {
      return;
    }
    if (!byLanguage.isObject()) {
      throw new IllegalArgumentException(kind + " must be an object of code by language");
    }
    byLanguage
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(
                    kind + "." + field.getKey() + " must be the program's text");
              }
              files.put(ProblemFolder.programPath(kind, field.getKey()), field.getValue().asText());
            });
  }

  /** One case per line: readable in a diff, and what the curated folders use. */
  static String writeTests(ArrayNode tests) {
    StringBuilder text = new StringBuilder("[\n");
    for (int i = 0; i < tests.size(); i++) {
      text.append("  ").append(tests.get(i).toString()).append(i + 1 < tests.size() ? ",\n" : "\n");
    }
    return text.append("]\n").toString();
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
  }
}
