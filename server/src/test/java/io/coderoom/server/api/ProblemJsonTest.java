package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.server.problem.LibraryEntry;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemStatus;
import io.coderoom.server.problem.TestProblems;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each caller of {@code GET /api/problems/{id}} is shown of a problem. */
class ProblemJsonTest {
  private final Problem twoSum = TestProblems.curated("two-sum");
  private final LibraryEntry curated =
      new LibraryEntry(
          "two-sum",
          Optional.empty(),
          "two-sum",
          1,
          Optional.of(1),
          ProblemStatus.PUBLISHED,
          "server",
          Instant.EPOCH);
  private final LibraryEntry teams =
      new LibraryEntry(
          "two-sum",
          Optional.of("team1"),
          "two-sum",
          2,
          Optional.of(1),
          ProblemStatus.DRAFT,
          "user:a",
          Instant.EPOCH);

  @Test
  void anyoneSeesTheStatementSignatureAndExamplesButNoHiddenTestHintOrEditorial() {
    Map<String, Object> json = ProblemJson.detail(twoSum, curated, ProblemViewer.ANONYMOUS);

    assertThat(json)
        .containsEntry("id", "two-sum")
        .containsEntry("source", "curated")
        .containsEntry("status", "published")
        .containsKeys("statementHtml", "function", "params", "returns", "starterCode", "examples")
        .doesNotContainKeys("hints", "editorial", "editorialHtml", "followUp", "tests", "solutions")
        .doesNotContainKey("cases");
    assertThat(json.toString())
        .contains("[2,7,11,15]")
        .doesNotContain("[1,5,9,13,21,34]")
        .doesNotContain(twoSum.hints().get(0));
    assertThat((String) json.get("statementHtml")).startsWith("<");
    assertThat((String) json.get("excerpt"))
        .hasSizeLessThanOrEqualTo(ProblemJson.EXCERPT_CHARS + 1);
  }

  @Test
  void interviewersSeeHintsAndTheEditorialButATeamsTestsOnlyItsMembersSee() {
    ProblemViewer interviewer = new ProblemViewer(Optional.of("team1"), false, true, false);
    ProblemViewer member = new ProblemViewer(Optional.of("team1"), true, true, true);

    Map<String, Object> byInterviewer = ProblemJson.detail(twoSum, teams, interviewer);
    Map<String, Object> byMember = ProblemJson.detail(twoSum, teams, member);

    assertThat(byInterviewer)
        .containsKeys("hints", "followUp", "editorial", "editorialHtml")
        .doesNotContainKeys("tests", "solutions");
    assertThat(byMember).containsKeys("tests", "solutions");
    assertThat(byMember.get("tests").toString()).contains("[1,5,9,13,21,34]");
    assertThat(ProblemJson.detail(twoSum, curated, member))
        .doesNotContainKeys("tests", "solutions");
    assertThat(byMember).containsEntry("source", "team").containsEntry("status", "published");
  }
}
