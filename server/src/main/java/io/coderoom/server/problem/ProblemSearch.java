package io.coderoom.server.problem;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A search of the library: the filters a person chose and what they may see.
 *
 * @param text words of the title or statement, case-insensitive; empty for any
 * @param difficulty only problems this hard
 * @param categories problems in any of these categories; empty for any
 * @param language only problems offered in this language id
 * @param source only curated or only team problems
 * @param team the team whose published problems the caller may see besides the curated ones
 * @param drafts whether the caller may see the team's drafts too (a member with a session)
 * @param page from 1
 * @param size problems per page, 1 to {@link #MAX_SIZE}
 */
public record ProblemSearch(
    String text,
    Optional<ProblemDifficulty> difficulty,
    List<ProblemCategory> categories,
    Optional<String> language,
    Optional<ProblemSource> source,
    Optional<String> team,
    boolean drafts,
    int page,
    int size) {
  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 20;

  public ProblemSearch {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(difficulty, "difficulty");
    categories = List.copyOf(categories);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(team, "team");
    if (drafts && team.isEmpty()) {
      throw new IllegalArgumentException("drafts are a team's: name the team");
    }
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1-" + MAX_SIZE);
    }
  }

  /** Every published curated problem, first page. */
  public static ProblemSearch everything() {
    return new ProblemSearch(
        "",
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        1,
        DEFAULT_SIZE);
  }
}
