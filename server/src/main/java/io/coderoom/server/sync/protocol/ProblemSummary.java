package io.coderoom.server.sync.protocol;

import io.coderoom.server.problem.Problem;

/**
 * What everyone in a room may know of its problem: no tests, and no hint texts (those go out only
 * as they are revealed). Starter code and public examples are in {@code GET /api/problems}.
 */
public record ProblemSummary(
    String id, String title, String statement, int timeEstimateMinutes, int hintCount) {
  public static ProblemSummary of(Problem problem) {
    return new ProblemSummary(
        problem.id(),
        problem.title(),
        problem.statement(),
        problem.timeEstimateMinutes(),
        problem.hints().size());
  }
}
