package io.coderoom.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunJobTest {
  static TestSuite suite() {
    return Json.read(
        """
        {"function": "add", "params": [{"name": "a", "type": "int"}, {"name": "b", "type": "int[]"}],
         "returns": "int",
         "cases": [{"input": [1, [2]], "expected": 3, "hidden": false},
                   {"input": [2, []], "expected": 2, "hidden": true}]}
        """,
        TestSuite.class);
  }

  @Test
  void runJobRoundTripsThroughStreamFields() {
    RunJob job =
        new RunJob(
            "r-1",
            "python",
            RunMode.RUN,
            "print(1)",
            "in\n",
            Optional.empty(),
            3000,
            128,
            42,
            Map.of());
    Map<String, String> fields = job.toFields();
    assertThat(fields)
        .containsEntry("runId", "r-1")
        .containsEntry("language", "python")
        .containsEntry("mode", "RUN")
        .containsEntry("code", "print(1)")
        .containsEntry("stdin", "in\n")
        .containsEntry("timeLimitMs", "3000")
        .containsEntry("memoryLimitMb", "128")
        .containsEntry("submittedAtMs", "42")
        .doesNotContainKey("tests")
        .doesNotContainKey("traceparent");
    assertThat(RunJob.fromFields(fields)).isEqualTo(job);
  }

  @Test
  void theTraceContextTravelsAsItsOwnFields() {
    String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    RunJob job =
        RunJob.run("r-8", "go", "x", "")
            .withTraceContext(Map.of("traceparent", parent, "tracestate", "coderoom=1"));
    Map<String, String> fields = job.toFields();
    assertThat(fields)
        .containsEntry("traceparent", parent)
        .containsEntry("tracestate", "coderoom=1");
    assertThat(RunJob.fromFields(fields).traceContext())
        .isEqualTo(Map.of("traceparent", parent, "tracestate", "coderoom=1"));
    // A job from a server that sends no trace context reads back with none, and other fields of
    // the entry never pass for it.
    Map<String, String> old = new HashMap<>(fields);
    old.remove("traceparent");
    old.remove("tracestate");
    old.put("baggage", "x=1");
    assertThat(RunJob.fromFields(old).traceContext()).isEmpty();
    assertThatThrownBy(() -> job.withTraceContext(Map.of("baggage", "x=1")))
        .isInstanceOf(IllegalArgumentException.class);
    // What a propagator wrote, read the same way: only the W3C fields, none empty.
    assertThat(
            RunJob.traceContextOf(
                Map.of("traceparent", parent, "tracestate", "", "baggage", "x=1")))
        .isEqualTo(Map.of("traceparent", parent));
  }

  @Test
  void testJobCarriesItsSuite() {
    RunJob job = RunJob.test("r-2", "cpp", "code", suite());
    RunJob back = RunJob.fromFields(job.toFields());
    assertThat(back.tests()).contains(suite());
    assertThat(back.tests().orElseThrow().cases().get(1).hidden()).isTrue();
  }

  @Test
  void aTestJobsTimeIsWhatItsCasesDeadlinesAddUpTo() {
    // Two cases of 2 s: each answer may take its limit and a second, the first also the start-up.
    long two = TestSuite.DEFAULT_CASE_TIME_LIMIT_MS + CaseDeadlines.ANSWER_GRACE_MS;
    assertThat(RunJob.test("r-6", "go", "x", suite()).timeLimitMs())
        .isEqualTo(2 * two + CaseDeadlines.STARTUP_ALLOWANCE_MS);
    // Many slow cases: capped at the longest a job may ask for.
    String slowCase =
        "{\"input\": [1, []], \"expected\": 1, \"hidden\": true, \"timeLimitMs\": 3000}";
    TestSuite slow =
        Json.read(
            "{\"function\": \"add\", \"params\": [{\"name\": \"a\", \"type\": \"int\"},"
                + " {\"name\": \"b\", \"type\": \"int[]\"}], \"returns\": \"int\", \"cases\": ["
                + String.join(",", java.util.Collections.nCopies(40, slowCase))
                + "]}",
            TestSuite.class);
    assertThat(RunJob.test("r-7", "go", "x", slow).timeLimitMs())
        .isEqualTo(RunJob.MAX_TIME_LIMIT_MS);
  }

  @Test
  void missingLimitsTakeTheDefaults() {
    Map<String, String> fields = new HashMap<>(RunJob.run("r-3", "go", "x", "").toFields());
    fields.remove("timeLimitMs");
    fields.remove("memoryLimitMb");
    fields.remove("stdin");
    RunJob job = RunJob.fromFields(fields);
    assertThat(job.timeLimitMs()).isEqualTo(RunJob.DEFAULT_TIME_LIMIT_MS);
    assertThat(job.memoryLimitMb()).isEqualTo(RunJob.DEFAULT_MEMORY_LIMIT_MB);
    assertThat(job.stdin()).isEmpty();
  }

  @Test
  void malformedJobsNameTheProblem() {
    Map<String, String> fields = new HashMap<>(RunJob.run("r-4", "go", "x", "").toFields());
    fields.put("mode", "DANCE");
    assertThatThrownBy(() -> RunJob.fromFields(fields)).hasMessageContaining("mode");
    fields.put("mode", "RUN");
    fields.remove("code");
    assertThatThrownBy(() -> RunJob.fromFields(fields)).hasMessageContaining("code");
    assertThat(RunJob.runIdOf(fields)).contains("r-4");
    assertThatThrownBy(() -> RunJob.run("bad id!", "go", "x", "")).hasMessageContaining("runId");
    assertThatThrownBy(
            () -> new RunJob("r", "go", RunMode.TEST, "x", "", Optional.empty(), 1, 1, 0, Map.of()))
        .hasMessageContaining("tests");
  }

  @Test
  void neverPrintsTheCode() {
    assertThat(RunJob.run("r-5", "python", "secret_code()", "secret_input").toString())
        .doesNotContain("secret");
  }

  @Test
  void suiteRejectsUnsupportedTypesAndArity() {
    assertThatThrownBy(
            () -> new TestSuite("f", List.of(new TestSuite.Param("a", "map")), "int", List.of()))
        .hasMessageContaining("unsupported type map");
    assertThatThrownBy(
            () ->
                new TestSuite(
                    "f",
                    List.of(new TestSuite.Param("a", "int")),
                    "int",
                    List.of(new TestSuite.Case(Json.tree("[1, 2]"), Json.tree("1"), false))))
        .hasMessageContaining("2 arguments");
    assertThatThrownBy(() -> new TestSuite("x; rm", List.of(), "int", List.of()))
        .hasMessageContaining("identifier");
  }
}
