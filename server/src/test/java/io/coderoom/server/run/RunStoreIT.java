package io.coderoom.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coderoom.runner.protocol.HiddenPhase;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.server.TestDatabase;
import io.coderoom.server.room.Ids;
import io.coderoom.server.room.Principal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A stored run always ends, against the real PostgreSQL, whatever its result holds. */
class RunStoreIT {
  private static TestDatabase database;
  private static Jdbi jdbi;
  private static RunStore store;
  private static String roomId;

  @BeforeAll
  static void open() {
    database = TestDatabase.open();
    jdbi = database.jdbi();
    store = new RunStore(jdbi);
    roomId = Ids.random();
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO rooms (id, title, language) VALUES (?, 'run store', 'python')",
                roomId));
  }

  @AfterAll
  static void close() {
    jdbi.useHandle(h -> h.execute("DELETE FROM rooms WHERE id = ?", roomId));
    database.close();
  }

  @Test
  void outputPostgresqlCannotHoldIsStoredVisiblyAndTheRunEnds() {
    RunJob job = queued("print('a\\0b')\n", "in\u0000put");
    TestReport report =
        new TestReport(
            0,
            1,
            0,
            0,
            List.of(
                new TestReport.CaseResult(
                    0, false, TestReport.CaseStatus.FAILED, 1.5, "\"a\u0000\"", "\"b\"", "", "")),
            Optional.of(new HiddenPhase(RunStatus.RUNTIME_ERROR, 1, 10, 1_000, "", "late\u0000")));
    RunResult printedNul =
        result(job, RunStatus.OK, "a\u0000b\n\uD800", "err\u0000", Optional.of(report));
    assertThat(store.finish(printedNul)).contains(printedNul);

    RunRecord stored = store.find(roomId, job.runId()).orElseThrow();
    RunResult ended = stored.result().orElseThrow();
    assertThat(ended.status()).isEqualTo(RunStatus.OK);
    assertThat(ended.stdout()).isEqualTo("a\uFFFDb\n\uFFFD");
    assertThat(ended.stderr()).isEqualTo("err\uFFFD");
    assertThat(stdinOf(job)).isEqualTo("in\uFFFDput");
    assertThat(ended.tests().orElseThrow().cases().get(0).actual()).isEqualTo("\"a\uFFFD\"");
    assertThat(ended.tests().orElseThrow().hiddenPhase().orElseThrow().output())
        .isEqualTo("late\uFFFD");
  }

  @Test
  void aResultTheDatabaseRefusesIsStoredWithoutItsOutput() {
    RunJob job = queued("print(1)\n", "");
    refuseUpdatesOf(job, "NEW.stdout LIKE '%refused%'");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(RunStore.class);
    logs.start();
    logger.addAppender(logs);
    try {
      RunResult result =
          result(job, RunStatus.RUNTIME_ERROR, "refused output", "", Optional.empty());
      RunResult stored = store.finish(result).orElseThrow();
      assertThat(stored.status()).isEqualTo(RunStatus.RUNTIME_ERROR);

      RunResult ended = store.find(roomId, job.runId()).orElseThrow().result().orElseThrow();
      assertThat(ended.status()).isEqualTo(RunStatus.RUNTIME_ERROR);
      assertThat(ended.exitCode()).isEqualTo(3);
      assertThat(ended.stdout()).isEmpty();
      assertThat(ended.message()).isEqualTo("The run's output could not be stored.");
      // The failure is logged, but not the candidate's output that came with it.
      assertThat(logs.list).hasSize(1);
      assertThat(logs.list.get(0).getFormattedMessage())
          .contains("refused by the test")
          .doesNotContain("refused output");
    } finally {
      logger.detachAppender(logs);
      dropRefusal();
    }
  }

  @Test
  void whenEvenThatIsRefusedTheRunEndsAsAnInternalError() {
    RunJob job = queued("print(1)\n", "");
    refuseUpdatesOf(job, "NEW.status <> 'INTERNAL_ERROR'");
    try {
      store.finish(result(job, RunStatus.OK, "1\n", "", Optional.empty()));
      RunResult ended = store.find(roomId, job.runId()).orElseThrow().result().orElseThrow();
      assertThat(ended.status()).isEqualTo(RunStatus.INTERNAL_ERROR);
      assertThat(ended.message()).isEqualTo("The run ended, but its result could not be stored.");
    } finally {
      dropRefusal();
    }
  }

  @Test
  void staleRunsAreEndedAndRecentOnesLeftToTheirServer() {
    RunJob stale = queued("print(1)\n", "");
    RunJob recent = queued("print(2)\n", "");
    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE runs SET created_at = now() - interval '10 minutes' WHERE id = ?",
                stale.runId()));
    // Other test classes may have left stale runs in the same database too.
    assertThat(store.endStale(StaleRuns.STALE_AFTER, StaleRuns.MESSAGE)).isPositive();

    RunResult ended = store.find(roomId, stale.runId()).orElseThrow().result().orElseThrow();
    assertThat(ended.status()).isEqualTo(RunStatus.INTERNAL_ERROR);
    assertThat(ended.message()).isEqualTo(StaleRuns.MESSAGE);
    assertThat(store.find(roomId, recent.runId()).orElseThrow().result()).isEmpty();
    assertThat(StaleRuns.STALE_AFTER).isGreaterThan(RunQueue.LONGEST_FOLLOW);
  }

  private static RunJob queued(String code, String stdin) {
    RunJob job = RunJob.run(Ids.random(), "python", code, stdin);
    store.insert(
        new RunRequest(roomId, Principal.apiKey(), "", RunKind.RUN, Optional.empty()), job);
    return job;
  }

  private static String stdinOf(RunJob job) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT stdin FROM runs WHERE id = :id")
                .bind("id", job.runId())
                .mapTo(String.class)
                .one());
  }

  /** A real refusal by PostgreSQL: a trigger that raises for this run's updates. */
  private static void refuseUpdatesOf(RunJob job, String condition) {
    jdbi.useHandle(
        h -> {
          h.execute(
              "CREATE OR REPLACE FUNCTION refuse_run_update() RETURNS trigger LANGUAGE plpgsql"
                  + " AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
          h.execute(
              "CREATE TRIGGER refuse_run_update BEFORE UPDATE ON runs FOR EACH ROW"
                  + " WHEN (NEW.id = '"
                  + job.runId()
                  + "' AND "
                  + condition
                  + ") EXECUTE FUNCTION refuse_run_update()");
        });
  }

  private static void dropRefusal() {
    jdbi.useHandle(
        h -> {
          h.execute("DROP TRIGGER IF EXISTS refuse_run_update ON runs");
          h.execute("DROP FUNCTION IF EXISTS refuse_run_update()");
        });
  }

  private static RunResult result(
      RunJob job, RunStatus status, String stdout, String stderr, Optional<TestReport> tests) {
    return new RunResult(
        job.runId(),
        "agent",
        status,
        3,
        stdout,
        stderr,
        "",
        false,
        false,
        0,
        12,
        1024,
        "",
        tests,
        job.submittedAtMs(),
        System.currentTimeMillis());
  }
}
