package io.coderoom.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coderoom.runner.protocol.HiddenPhase;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestSuite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyProblemHasStarterCodeForEveryLanguageAndHiddenTests() {
    List<Problem> problems = TestProblems.curated();
    assertThat(problems).extracting(Problem::id).contains("two-sum", "reverse-words");
    for (Problem problem : problems) {
      String entry = entryPoint(problem);
      for (Language language : Languages.builtIn().all()) {
        assertThat(problem.starterCode(language.id()))
            .as("%s %s", problem.id(), language.id())
            .get()
            .asString()
            .contains(entry.substring(1));
      }
      assertThat(problem.suite().cases()).anyMatch(TestSuite.Case::hidden);
      assertThat(problem.suite().cases()).anyMatch(c -> !c.hidden());
    }
  }

  /**
   * What the starter code must declare: the function, the design problem's class, or for a stdio
   * problem (a whole program) its entry point's name.
   */
  private static String entryPoint(Problem problem) {
    if (problem.suite().design() != null) {
      return problem.suite().design().className();
    }
    return problem.suite().function() != null ? problem.suite().function() : "main";
  }

  @Test
  void everyCuratedProblemMeetsTheLibrarysBar() throws Exception {
    for (Problem problem : TestProblems.curated()) {
      String id = problem.id();
      assertThat(problem.solutions().keySet())
          .as("%s: a reference solution in every language", id)
          .containsExactlyInAnyOrderElementsOf(
              Languages.builtIn().all().stream().map(Language::id).toList());
      assertThat(problem.suite().cases().stream().filter(c -> !c.hidden()))
          .as("%s: public cases", id)
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(problem.suite().cases().stream().filter(TestSuite.Case::hidden))
          .as("%s: hidden cases", id)
          .hasSizeGreaterThanOrEqualTo(8);
      // A performance case names its own time limit in tests.json (the reader gives every other
      // case the problem's default, so the folder is where it shows).
      ProblemFolder folder =
          CuratedProblems.folders().stream()
              .filter(f -> f.slug().equals(id))
              .findFirst()
              .orElseThrow();
      assertThat(JSON.readTree(folder.required("tests.json")))
          .as("%s: a hidden performance case with its own time limit", id)
          .anyMatch(c -> c.path("hidden").asBoolean() && c.has("timeLimitMs"));
      assertThat(problem.hints()).as("%s: hints", id).isNotEmpty();
      assertThat(problem.statement()).as("%s: statement", id).isNotBlank();
      assertThat(problem.editorial()).as("%s: editorial", id).containsIgnoringCase("complexity");
      assertThat(problem.constraints()).as("%s: constraints", id).isNotEmpty();
      assertThat(problem.followUp()).as("%s: follow-up", id).isNotBlank();
    }
  }

  @Test
  void aRoomsSummaryCarriesNoTestsHintsOrEditorial() {
    Problem twoSum = TestProblems.curated("two-sum");
    assertThat(twoSum.summary())
        .containsOnlyKeys(
            "id",
            "version",
            "title",
            "difficulty",
            "categories",
            "statement",
            "statementHtml",
            "constraints",
            "timeEstimateMinutes",
            "hintCount");
    // The editorial and the follow-up question are for interviewers.
    assertThat(twoSum.summary().toString())
        .doesNotContain(twoSum.followUp())
        .doesNotContain("Approach")
        .doesNotContain("[1,5,9,13,21,34]");
    // Hints reach a room only as they are revealed.
    assertThat(twoSum.summary().toString()).doesNotContain(twoSum.hints().get(0));
  }

  @Test
  void candidatesSeeHiddenCasesOnlyAsCounts() {
    Problem twoSum = TestProblems.curated("two-sum");
    TestReport report =
        new TestReport(
            1,
            2,
            0,
            1,
            List.of(
                new TestReport.CaseResult(
                    0, false, TestReport.CaseStatus.PASSED, 1, "[0,1]", "[0,1]", "", ""),
                new TestReport.CaseResult(
                    5,
                    true,
                    TestReport.CaseStatus.FAILED,
                    1,
                    "[0,1]",
                    "[3,5]",
                    "result[0]: expected 3, got 0",
                    "")),
            Optional.of(
                new HiddenPhase(
                    RunStatus.TIMEOUT, -1, 5_000, 1 << 20, "The program ran too long.", "34\n")));
    Map<String, Object> full = TestResults.json(report, Optional.of(twoSum.suite()), true);
    Map<String, Object> partial = TestResults.json(report, Optional.of(twoSum.suite()), false);
    assertThat((List<?>) full.get("cases")).hasSize(2);
    assertThat(full.toString()).contains("[[1,5,9,13,21,34],47]").contains("[3,5]");
    assertThat((List<?>) partial.get("cases")).hasSize(1);
    assertThat(partial.toString()).doesNotContain("[1,5,9,13,21,34]").doesNotContain("[3,5]");
    assertThat(partial).containsEntry("hiddenTotal", 1).containsEntry("hiddenPassed", 0);
    assertThat(partial).containsEntry("failed", 1);
    // How the run went once the hidden cases began is for interviewers only.
    assertThat(full).containsKey("hiddenPhase");
    assertThat(full.get("hiddenPhase").toString()).contains("status=timeout", "output=34");
    assertThat(partial).doesNotContainKey("hiddenPhase");
  }
}
