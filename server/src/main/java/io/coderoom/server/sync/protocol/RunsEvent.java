package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.coderoom.runner.protocol.RunMode;
import io.coderoom.runner.protocol.RunStatus;
import java.util.Map;
import java.util.Optional;

/** A run's start, output and end, as everyone in the room hears them. */
public sealed interface RunsEvent extends ControlEvent {
  /**
   * @param by the participant id of who ran it, empty for a run started over REST
   */
  @JsonTypeName("run_started")
  record RunStarted(String runId, String language, RunMode mode, String by) implements RunsEvent {}

  /**
   * @param stream {@code stdout}, {@code stderr} or {@code compile}
   */
  @JsonTypeName("run_output")
  record RunOutput(String runId, String stream, String data) implements RunsEvent {}

  /** Someone asked to stop the run; its {@code run_finished} follows. */
  @JsonTypeName("run_stopping")
  record RunStopping(String runId, String by) implements RunsEvent {}

  /**
   * The end of a run.
   *
   * @param memoryBytes -1 when unknown
   * @param by for a stopped run, the participant id of who stopped it
   * @param tests for a test run, its report (see CONTROL-PROTOCOL.md); interviewers get hidden
   *     cases in full, everyone else their counts
   */
  @JsonTypeName("run_finished")
  record RunFinished(
      String runId,
      RunStatus status,
      int exitCode,
      long compileMs,
      long runMs,
      long memoryBytes,
      boolean stdoutTruncated,
      boolean stderrTruncated,
      String message,
      @MayBeMissing String by,
      @MayBeMissing Map<String, Object> tests)
      implements RunsEvent {
    public Optional<String> stoppedBy() {
      return Optional.ofNullable(by);
    }
  }
}
