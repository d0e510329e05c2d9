package io.coderoom.server.web;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * How one browser scenario ended, as {@code web-client/e2e/support/results-reporter.mjs} writes it:
 * one JSON line per finished node:test test.
 *
 * @param file the scenario file's absolute path
 * @param nesting 0 for a scenario, more for a step inside one
 * @param outcome {@code passed}, {@code failed} or {@code skipped}
 * @param error the failure with its stack, empty unless failed
 */
record ScenarioOutcome(
    String file, String name, int nesting, String outcome, long durationMs, String error) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<ScenarioOutcome> read(Path results) throws IOException {
    return Files.readAllLines(results, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(ScenarioOutcome::parse)
        .toList();
  }

  private static ScenarioOutcome parse(String line) {
    try {
      JsonNode json = JSON.readTree(line);
      return new ScenarioOutcome(
          json.path("file").asText(),
          json.path("name").asText(),
          json.path("nesting").asInt(),
          json.path("outcome").asText(),
          json.path("durationMs").asLong(),
          json.path("error").asText());
    } catch (IOException e) {
      throw new IllegalStateException("not a scenario result: " + line, e);
    }
  }

  /** Passes, fails with the scenario's error, or is skipped, as the scenario was. */
  void check() {
    switch (outcome) {
      case "passed" -> {}
      case "skipped" -> Assumptions.abort("not selected by -Dbrowser.scenario");
      default ->
          fail("%s (%s, %d ms) failed:%n%s", name, Path.of(file).getFileName(), durationMs, error);
    }
  }
}
