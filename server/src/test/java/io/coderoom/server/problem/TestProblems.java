package io.coderoom.server.problem;

import io.coderoom.runner.protocol.Languages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated problems read straight from their folders, for tests that need a problem and no
 * database; what the server serves comes from {@link ProblemLibrary}.
 */
public final class TestProblems {
  private static final List<Problem> CURATED =
      CuratedProblems.folders().stream()
          .map(folder -> new ProblemReader(Languages.builtIn()).read(folder.slug(), folder))
          .toList();

  private TestProblems() {}

  /** Every curated problem, in slug order. */
  public static List<Problem> curated() {
    return CURATED;
  }

  /** One curated problem by its slug. */
  public static Problem curated(String slug) {
    return CURATED.stream()
        .filter(p -> p.id().equals(slug))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no curated problem " + slug));
  }

  /** A curated problem's folder by its slug. */
  public static ProblemFolder folder(String slug) {
    return CuratedProblems.folders().stream()
        .filter(f -> f.slug().equals(slug))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no curated problem " + slug));
  }

  /** A copy of two-sum's folder under another slug, with a statement of its own. */
  public static ProblemFolder twoSumCopy(String slug, String statement) {
    Map<String, String> files = new HashMap<>(folder("two-sum").files());
    files.put("statement.md", statement);
    return new ProblemFolder(slug, files);
  }

  /** A copy of two-sum's folder with a statement, title and difficulty of its own. */
  public static ProblemFolder twoSumCopy(
      String slug, String statement, String title, String difficulty) {
    Map<String, String> files = new HashMap<>(twoSumCopy(slug, statement).files());
    files.put(
        "problem.json",
        files
            .get("problem.json")
            .replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\": \"" + title + "\"")
            .replaceFirst(
                "\"difficulty\"\\s*:\\s*\"[^\"]*\"", "\"difficulty\": \"" + difficulty + "\""));
    return new ProblemFolder(slug, files);
  }
}
