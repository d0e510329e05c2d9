package io.coderoom.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.runner.protocol.TestReport.CaseStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The richer test types through the real agent and sandbox, in every language of {@link
 * RichTypePrograms}: one design run per language whose calls take and return trees, lists, maps,
 * chars, longs and doubles, and one function run compared in any nested order.
 */
class RichTypesIT {
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(180);
  private static final Map<String, String> toolkitRuns = new HashMap<>();
  private static final Map<String, String> anagramRuns = new HashMap<>();
  private static RedisFixture fixture;

  static final List<String> languages = RichTypePrograms.languages();

  @BeforeAll
  static void submitEverything() {
    fixture = RedisFixture.withAgent("types");
    for (String language : languages) {
      String toolkit = RedisFixture.newRunId("toolkit-" + language);
      fixture.submit(
          RunJob.test(
              toolkit,
              language,
              RichTypePrograms.TOOLKIT.get(language),
              RichTypePrograms.toolkitSuite()));
      toolkitRuns.put(language, toolkit);
      String anagrams = RedisFixture.newRunId("anagrams-" + language);
      fixture.submit(
          RunJob.test(
              anagrams,
              language,
              RichTypePrograms.ANAGRAMS.get(language),
              RichTypePrograms.anagramSuite()));
      anagramRuns.put(language, anagrams);
    }
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @ParameterizedTest
  @FieldSource("languages")
  void aDesignClassTakesAndReturnsEveryType(String language) {
    RunResult result = fixture.awaitResult(toolkitRuns.get(language), RESULT_TIMEOUT);
    TestReport report = result.tests().orElseThrow();
    TestReport.CaseResult calls = report.cases().get(0);
    assertThat(calls.status())
        .as("%s: %s %s %s", language, result.message(), result.compileOutput(), calls)
        .isEqualTo(CaseStatus.PASSED);
    // The values as the harness returned them: trees in level order with trailing nulls cut,
    // empty trees and lists as [], a long past 2^32 exact, a char as a one-letter string.
    assertThat(calls.actual())
        .contains("[1,null,2,null,3],[],[3,2,1],[]")
        .contains("7000000000,16,\"b\",6000000000,0.2333");
    // A method that throws makes the case an error naming the call.
    TestReport.CaseResult thrown = report.cases().get(1);
    assertThat(thrown.status()).as("%s: %s", language, thrown).isEqualTo(CaseStatus.ERROR);
    assertThat(thrown.error()).startsWith("call 2, pop(): ");
  }

  @ParameterizedTest
  @FieldSource("languages")
  void groupsCompareInAnyNestedOrder(String language) {
    RunResult result = fixture.awaitResult(anagramRuns.get(language), RESULT_TIMEOUT);
    TestReport report = Reports.allPassed(result, language);
    // Returned in first-seen order, not the expected value's.
    assertThat(report.cases().get(0).actual()).startsWith("[[\"eat\",\"tea\",\"ate\"]");
  }
}
