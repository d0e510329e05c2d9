package io.coderoom.server.run;

import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.store.RoomTables;
import io.coderoom.server.store.StoredText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SQL of the {@code runs} table. Every call blocks. */
public final class RunStore {
  private static final Logger log = LoggerFactory.getLogger(RunStore.class);

  private static final String COLUMNS =
      "id, room_id, requested_by, requested_name, role, language, mode, created_at, status, exit_code, stdout,"
          + " stderr, compile_output, stdout_truncated, stderr_truncated, compile_ms, run_ms,"
          + " memory_bytes, message, finished_at, problem_id, problem_version, tests";

  private final Jdbi jdbi;

  public RunStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records a queued run: who asked, what for, and the code as it runs. */
  public void insert(RunRequest request, RunJob job) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO runs (id, room_id, requested_by, requested_name, role, language,"
                        + " mode, code, stdin, problem_id, problem_version) VALUES (:id, :roomId,"
                        + " :by, :name, :role, :language, :mode, :code, :stdin, :problemId,"
                        + " :problemVersion)")
                .bind("id", job.runId())
                .bind("roomId", request.roomId())
                .bind("by", request.by().actor())
                .bind("name", request.byName())
                .bind("role", request.by().role().wireName())
                .bind("language", job.language())
                .bind("mode", request.kind().wireName())
                .bind("code", job.code())
                .bind("stdin", job.stdin())
                .bind("problemId", request.problemId().orElse(null))
                .bind("problemVersion", request.problem().map(ProblemRef::version).orElse(null))
                .execute());
  }

  /** The code of a run as it ran, and its input, if the room has that run. */
  public Optional<RunCode> code(String roomId, String runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT code, stdin FROM runs WHERE room_id = :roomId AND id = :id")
                .bind("roomId", roomId)
                .bind("id", runId)
                .map((rs, ctx) -> new RunCode(rs.getString("code"), rs.getString("stdin")))
                .findOne());
  }

  /**
   * Stores how a run ended, so it never stays {@code running}: as it is if the database takes it,
   * else without its output and test report (with a message saying so), else as an internal error.
   * Text PostgreSQL cannot hold is already made safe by {@link StoredText}; these fallbacks are for
   * anything else that makes the row refuse the result.
   *
   * @return the form that was stored, or empty when none was (the database is unreachable; the
   *     stale-run sweep ends the run later)
   */
  public Optional<RunResult> finish(RunResult result) {
    List<RunResult> forms =
        List.of(
            result,
            withoutOutput(result),
            RunResult.internalError(
                result.runId(),
                result.agentId(),
                "The run ended, but its result could not be stored.",
                result.submittedAtMs()));
    for (RunResult form : forms) {
      try {
        update(form);
        return Optional.of(form);
      } catch (RuntimeException e) {
        log.warn("run {} result ({}) not stored: {}", result.runId(), form.status(), e.toString());
      }
    }
    return Optional.empty();
  }

  private static RunResult withoutOutput(RunResult result) {
    return new RunResult(
        result.runId(),
        result.agentId(),
        result.status(),
        result.exitCode(),
        "",
        "",
        "",
        false,
        false,
        result.compileMs(),
        result.runMs(),
        result.memoryBytes(),
        "The run's output could not be stored.",
        Optional.empty(),
        result.submittedAtMs(),
        result.finishedAtMs());
  }

  private void update(RunResult result) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE runs SET status = :status, exit_code = :exit, stdout = :stdout,"
                        + " stderr = :stderr, compile_output = :compile, stdout_truncated = :outCut,"
                        + " stderr_truncated = :errCut, compile_ms = :compileMs, run_ms = :runMs,"
                        + " memory_bytes = :memory, message = :message, tests = CAST(:tests AS jsonb),"
                        + " finished_at = now()"
                        + " WHERE id = :id AND finished_at IS NULL")
                .bind("id", result.runId())
                .bind("status", result.status().name())
                .bind("exit", result.exitCode())
                .bind("stdout", result.stdout())
                .bind("stderr", result.stderr())
                .bind("compile", result.compileOutput())
                .bind("outCut", result.stdoutTruncated())
                .bind("errCut", result.stderrTruncated())
                .bind("compileMs", result.compileMs())
                .bind("runMs", result.runMs())
                .bind("memory", result.memoryBytes())
                .bind("message", result.message())
                .bind(
                    "tests",
                    result.tests().map(TestReport::toJson).map(StoredText::jsonText).orElse(null))
                .execute());
  }

  /**
   * Ends runs still {@code running} that were queued longer ago than {@code olderThan}: no server
   * follows a run that long, so the one that did has stopped.
   *
   * @return how many runs were ended
   */
  public int endStale(Duration olderThan, String message) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "UPDATE runs SET status = 'INTERNAL_ERROR', exit_code = -1, stdout = '',"
                        + " stderr = '', compile_output = '', stdout_truncated = false,"
                        + " stderr_truncated = false, compile_ms = 0, run_ms = 0,"
                        + " memory_bytes = -1, message = :message, finished_at = now()"
                        + " WHERE finished_at IS NULL"
                        + " AND created_at < now() - make_interval(secs => :seconds)")
                .bind("message", message)
                .bind("seconds", olderThan.toSeconds())
                .execute());
  }

  public List<RunRecord> forRoom(String roomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM runs WHERE room_id = :roomId ORDER BY created_at, id")
                .bind("roomId", roomId)
                .map((rs, ctx) -> record(rs))
                .list());
  }

  public Optional<RunRecord> find(String roomId, String runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE room_id = :roomId AND id = :id")
                .bind("roomId", roomId)
                .bind("id", runId)
                .map((rs, ctx) -> record(rs))
                .findOne());
  }

  private static RunRecord record(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    Timestamp created = rs.getTimestamp("created_at");
    Timestamp finished = rs.getTimestamp("finished_at");
    Optional<RunResult> result =
        status == null
            ? Optional.empty()
            : Optional.of(
                new RunResult(
                    rs.getString("id"),
                    "",
                    RunStatus.valueOf(status),
                    rs.getInt("exit_code"),
                    rs.getString("stdout"),
                    rs.getString("stderr"),
                    rs.getString("compile_output"),
                    rs.getBoolean("stdout_truncated"),
                    rs.getBoolean("stderr_truncated"),
                    rs.getLong("compile_ms"),
                    rs.getLong("run_ms"),
                    rs.getLong("memory_bytes"),
                    rs.getString("message"),
                    Optional.ofNullable(rs.getString("tests")).map(TestReport::fromJson),
                    created.getTime(),
                    finished == null ? 0 : finished.getTime()));
    return new RunRecord(
        rs.getString("id"),
        rs.getString("room_id"),
        rs.getString("requested_by"),
        Optional.ofNullable(rs.getString("requested_name")).orElse(""),
        rs.getString("role"),
        rs.getString("language"),
        rs.getString("mode"),
        created.toInstant(),
        RoomTables.problem(rs),
        result);
  }
}
