package io.coderoom.server.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.runner.protocol.Generators;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.TestSuite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problems shipped with the server, one JSON resource each under {@code /problems}: {@code id},
 * {@code title}, {@code statement}, {@code function}, {@code params}, {@code returns}, {@code
 * starterCode} (every language of {@code languages.json}), {@code tests} ({@code input}, {@code
 * expected}, {@code hidden}, optional {@code timeLimitMs}), {@code timeEstimateMinutes}, {@code
 * hints} (ordered strings) and optional {@code caseTimeLimitMs}, the time limit of each case that
 * names none. A case's input and expected value may be {@link Generators generators} (performance
 * cases); they are checked here, so a malformed one stops the server at start, not a run.
 */
public final class Problems {
  private static final List<String> FILES = List.of("two-sum.json", "reverse-words.json");
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Problems BUILT_IN = load(Languages.builtIn());

  private final Map<String, Problem> byId;

  private Problems(Map<String, Problem> byId) {
    this.byId = byId;
  }

  public static Problems builtIn() {
    return BUILT_IN;
  }

  public List<Problem> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Problem> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  private static Problems load(Languages languages) {
    Map<String, Problem> byId = new LinkedHashMap<>();
    for (String file : FILES) {
      Problem problem = read(file, languages);
      if (byId.put(problem.id(), problem) != null) {
        throw new IllegalStateException("problem " + problem.id() + " is listed twice");
      }
    }
    return new Problems(java.util.Collections.unmodifiableMap(byId));
  }

  private static Problem read(String file, Languages languages) {
    try (InputStream in = Problems.class.getResourceAsStream("/problems/" + file)) {
      if (in == null) {
        throw new IllegalStateException("problem " + file + " is missing");
      }
      JsonNode root = JSON.readTree(in);
      ObjectNode suite = JSON.createObjectNode();
      suite.set("function", root.path("function"));
      suite.set("params", root.path("params"));
      suite.set("returns", root.path("returns"));
      long caseLimit = root.path("caseTimeLimitMs").asLong(TestSuite.DEFAULT_CASE_TIME_LIMIT_MS);
      com.fasterxml.jackson.databind.node.ArrayNode cases = JSON.createArrayNode();
      for (JsonNode test : root.path("tests")) {
        ObjectNode c = test.deepCopy();
        if (!c.has("timeLimitMs")) {
          c.put("timeLimitMs", caseLimit);
        }
        cases.add(c);
      }
      suite.set("cases", cases);
      Map<String, String> starter = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = root.path("starterCode").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        starter.put(field.getKey(), field.getValue().asText());
      }
      for (Language language : languages.all()) {
        if (!starter.containsKey(language.id())) {
          throw new IllegalStateException(file + " has no starter code for " + language.id());
        }
      }
      TestSuite tests = JSON.treeToValue(suite, TestSuite.class);
      for (TestSuite.Case c : tests.cases()) {
        Generators.expand(c.input());
        Generators.expand(c.expected());
      }
      return new Problem(
          root.path("id").asText(),
          root.path("title").asText(),
          root.path("statement").asText(),
          starter,
          tests,
          root.path("timeEstimateMinutes").asInt(0),
          hints(root.path("hints")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> hints(JsonNode hints) {
    List<String> texts = new java.util.ArrayList<>();
    hints.forEach(hint -> texts.add(hint.asText()));
    return texts;
  }
}
