package io.coderoom.server.sync.protocol;

import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.SafeMarkdown;

/**
 * What everyone in a room may know of its problem: no tests, and no hint texts (those go out only
 * as they are revealed). The statement comes as its Markdown and as safe HTML to show; starter code
 * and public examples are in {@code GET /api/problems/{id}}.
 *
 * @param version the version of the problem the room uses
 */
public record ProblemSummary(
    String id,
    int version,
    String title,
    String statement,
    String statementHtml,
    int timeEstimateMinutes,
    int hintCount) {
  public static ProblemSummary of(Problem problem) {
    return new ProblemSummary(
        problem.id(),
        problem.version(),
        problem.title(),
        problem.statement(),
        SafeMarkdown.toHtml(problem.statement()),
        problem.timeEstimateMinutes(),
        problem.hints().size());
  }
}
