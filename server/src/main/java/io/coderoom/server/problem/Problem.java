package io.coderoom.server.problem;

import io.coderoom.runner.protocol.TestSuite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a problem of the library, as {@link ProblemReader} reads it from its folder.
 *
 * @param id stable id used in rooms and commands ({@code two-sum})
 * @param version the version of this content; a room records the version it used
 * @param title shown to people
 * @param difficulty how hard it is
 * @param categories its topics, at least one
 * @param timeEstimateMinutes how long the problem usually takes; the room's clock counts down from
 *     it unless the interviewer picks another duration
 * @param constraints the guarantees on the input, one line each
 * @param hints ordered hints, revealed one at a time by the interviewer; candidates see revealed
 *     ones only
 * @param followUp a further question for strong candidates, for interviewers
 * @param statement the task in Markdown
 * @param editorial approach and complexity in Markdown, for interviewers only
 * @param starterCode per language id, the signature with a body that compiles and fails, as the
 *     language's harness expects it
 * @param solutions per language id, the reference solution that passes every test
 * @param suite the signature and every test, public and hidden; only the server and the agents see
 *     it whole
 */
public record Problem(
    String id,
    int version,
    String title,
    ProblemDifficulty difficulty,
    List<ProblemCategory> categories,
    int timeEstimateMinutes,
    List<String> constraints,
    List<String> hints,
    String followUp,
    String statement,
    String editorial,
    Map<String, String> starterCode,
    Map<String, String> solutions,
    TestSuite suite) {

  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(editorial, "editorial");
    Objects.requireNonNull(suite, "suite");
    categories = List.copyOf(categories);
    constraints = List.copyOf(constraints);
    hints = List.copyOf(hints);
    starterCode = Map.copyOf(starterCode);
    solutions = Map.copyOf(solutions);
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more");
    }
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("a problem needs at least one category");
    }
    if (timeEstimateMinutes < 10 || timeEstimateMinutes > 120) {
      throw new IllegalArgumentException("timeEstimateMinutes must be 10-120");
    }
  }

  /** The same content under another version number (the library's, not the folder's). */
  public Problem withVersion(int newVersion) {
    return new Problem(
        id,
        newVersion,
        title,
        difficulty,
        categories,
        timeEstimateMinutes,
        constraints,
        hints,
        followUp,
        statement,
        editorial,
        starterCode,
        solutions,
        suite);
  }

  /** The language ids it is offered in, sorted. */
  public List<String> languages() {
    return starterCode.keySet().stream().sorted().toList();
  }

  public Optional<String> starterCode(String language) {
    return Optional.ofNullable(starterCode.get(language));
  }

  /** What everyone in a room may know of it: no tests. */
  public Map<String, Object> summary() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("version", version);
    json.put("title", title);
    json.put("difficulty", difficulty.slug());
    json.put("categories", categories.stream().map(ProblemCategory::slug).toList());
    json.put("statement", statement);
    json.put("statementHtml", SafeMarkdown.toHtml(statement));
    json.put("constraints", constraints);
    json.put("timeEstimateMinutes", timeEstimateMinutes);
    json.put("hintCount", hints.size());
    return json;
  }
}
