package io.coderoom.server.run;

import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestReport;
import io.coderoom.server.room.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code runs} table. Every call blocks. */
public final class RunStore {
  private static final String COLUMNS =
      "id, room_id, requested_by, role, language, mode, created_at, status, exit_code, stdout,"
          + " stderr, compile_output, stdout_truncated, stderr_truncated, compile_ms, run_ms,"
          + " memory_bytes, message, finished_at, problem_id, tests";

  private final Jdbi jdbi;

  public RunStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records a queued run.
   *
   * @param problemId the problem a test-mode run is judged against
   */
  public void insert(String roomId, Principal by, RunJob job, Optional<String> problemId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO runs (id, room_id, requested_by, role, language, mode, code, stdin,"
                        + " problem_id) VALUES (:id, :roomId, :by, :role, :language, :mode, :code,"
                        + " :stdin, :problemId)")
                .bind("id", job.runId())
                .bind("roomId", roomId)
                .bind("by", by.actor())
                .bind("role", by.role().wireName())
                .bind("language", job.language())
                .bind("mode", job.mode().name().toLowerCase(java.util.Locale.ROOT))
                .bind("code", job.code())
                .bind("stdin", job.stdin())
                .bind("problemId", problemId.orElse(null))
                .execute());
  }

  public void finish(RunResult result) {
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
                .bind("tests", result.tests().map(TestReport::toJson).orElse(null))
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
        rs.getString("role"),
        rs.getString("language"),
        rs.getString("mode"),
        created.toInstant(),
        Optional.ofNullable(rs.getString("problem_id")),
        result);
  }
}
