package io.coderoom.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.runner.protocol.RunResult;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.runner.protocol.TestSuite;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.TestResults;
import io.coderoom.server.store.RoomRecord;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the control socket (see server/CONTROL-PROTOCOL.md): events the server sends and the
 * commands it reads. Every message carries {@code "v": 1} and a {@code "type"}.
 */
final class ControlMessages {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ControlMessages() {}

  /** A command from a client: its type and its JSON object. */
  record Command(String type, JsonNode body) {}

  /** Parses a command; empty when the text is not a JSON object with a string type. */
  static Optional<Command> parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject() || !node.path("type").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new Command(node.path("type").asText(), node));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  static String welcome(
      Participant you,
      RoomRecord room,
      String language,
      Optional<Problem> problem,
      boolean locked,
      Collection<Participant> everyone) {
    Map<String, Object> roomJson = new LinkedHashMap<>();
    roomJson.put("id", room.id());
    roomJson.put("title", room.title());
    roomJson.put("language", language);
    roomJson.put("candidateLocked", locked);
    roomJson.put("problem", problem.map(Problem::summary).orElse(null));
    return event(
        "welcome",
        Map.of(
            "you", participant(you),
            "room", roomJson,
            "participants", everyone.stream().map(ControlMessages::participant).toList()));
  }

  static String joined(Participant participant) {
    return event("participant_joined", Map.of("participant", participant(participant)));
  }

  static String left(Participant participant) {
    return event("participant_left", Map.of("participantId", participant.id()));
  }

  static String lockChanged(boolean locked, Participant by) {
    return event("lock_changed", Map.of("candidateLocked", locked, "by", by.id()));
  }

  static String problemChanged(Optional<Problem> problem, Participant by) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("problem", problem.map(Problem::summary).orElse(null));
    fields.put("by", by.id());
    return event("problem_changed", fields);
  }

  static String languageChanged(String language, Participant by) {
    return event("language_changed", Map.of("language", language, "by", by.id()));
  }

  static String roomEnded() {
    return event("room_ended", Map.of());
  }

  static String runStarted(
      RunJob job, io.coderoom.server.run.RunKind kind, String participantId, String byName) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("runId", job.runId());
    fields.put("language", job.language());
    fields.put("mode", kind.wireName());
    fields.put("by", participantId);
    fields.put("byName", byName);
    return event("run_started", fields);
  }

  static String runOutput(RunEvent.Output output) {
    return event(
        "run_output",
        Map.of(
            "runId", output.runId(), "stream", output.stream().wireName(), "data", output.data()));
  }

  /** Someone asked to stop the run; its {@code run_finished} follows. */
  static String runStopping(String runId, Participant by) {
    return event("run_stopping", Map.of("runId", runId, "by", by.id()));
  }

  /**
   * The end of a run. A test-mode run's {@code tests} differ by audience: {@code withHidden} for
   * interviewers, who see hidden cases in full; everyone else gets their counts only. A stopped run
   * says who stopped it.
   */
  static String runFinished(
      RunResult result,
      Optional<TestSuite> suite,
      boolean withHidden,
      Optional<Participant> stoppedBy) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("runId", result.runId());
    fields.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
    fields.put("exitCode", result.exitCode());
    fields.put("compileMs", result.compileMs());
    fields.put("runMs", result.runMs());
    fields.put("memoryBytes", result.memoryBytes());
    fields.put("stdoutTruncated", result.stdoutTruncated());
    fields.put("stderrTruncated", result.stderrTruncated());
    fields.put("message", result.message());
    if (result.status() == RunStatus.STOPPED) {
      stoppedBy.ifPresent(by -> fields.put("by", by.id()));
    }
    result
        .tests()
        .ifPresent(report -> fields.put("tests", TestResults.json(report, suite, withHidden)));
    return event("run_finished", fields);
  }

  static String error(String code, String message) {
    return event("error", Map.of("code", code, "message", message));
  }

  /**
   * A {@code rate_limited} error with how long until the refused command would be taken, so the
   * client can count down rather than guess.
   */
  static String rateLimited(String message, long retryAfterMs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("code", "rate_limited");
    fields.put("message", message);
    fields.put("retryAfterMs", retryAfterMs);
    return event("error", fields);
  }

  /** A run refused, as the error its sender gets. */
  static String refused(RunRefused refused) {
    return refused.retryAfterMs().isPresent()
        ? rateLimited(refused.getMessage(), refused.retryAfterMs().getAsLong())
        : error(refused.code(), refused.getMessage());
  }

  static Map<String, Object> participant(Participant participant) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", participant.id());
    json.put("role", participant.principal().role().wireName());
    json.put("name", participant.name());
    json.put("color", participant.color());
    json.put("joinedAt", participant.joinedAt().toString());
    return json;
  }

  static List<Map<String, Object>> participants(Collection<Participant> participants) {
    return participants.stream().map(ControlMessages::participant).toList();
  }

  private static String event(String type, Map<String, ?> fields) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("v", VERSION);
    json.put("type", type);
    json.putAll(fields);
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
