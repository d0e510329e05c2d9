package io.coderoom.server.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coderoom.runner.protocol.RunStatus;
import io.coderoom.server.auth.Role;
import io.coderoom.server.run.RunKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCommandIsReadIntoItsRecord() {
    assertThat(command("{\"type\":\"ping\"}")).isEqualTo(new SessionCommand.Ping());
    assertThat(command("{\"v\":1,\"type\":\"kick\",\"participantId\":\"p1\"}"))
        .isEqualTo(new ModerationCommand.Kick("p1"));
    assertThat(command("{\"type\":\"set_problem\",\"problemId\":null}"))
        .isEqualTo(new SetupCommand.SetProblem(null));
    assertThat(command("{\"type\":\"set_problem\"}")).isEqualTo(new SetupCommand.SetProblem(null));
    assertThat(command("{\"type\":\"run\",\"stdin\":\"1 2\"}"))
        .isEqualTo(new RunsCommand.Run("1 2", null));
    assertThat(((RunsCommand.Run) command("{\"type\":\"run\"}")).input()).isEmpty();
    assertThat(command("{\"type\":\"submit\",\"codeState\":\"AQID\"}"))
        .isEqualTo(new RunsCommand.Submit("AQID"));
    assertThat(command("{\"type\":\"stop\"}")).isEqualTo(new RunsCommand.Stop(null));
    assertThat(command("{\"type\":\"clock_start\",\"durationMs\":1800000}"))
        .isEqualTo(new ClockCommand.StartClock(1_800_000L));
    assertThat(command("{\"type\":\"clock_extend\",\"byMs\":300000,\"extra\":true}"))
        .isEqualTo(new ClockCommand.ExtendClock(300_000));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|bad_command|Send a JSON object with a string 'type'.",
        "[1,2]|bad_command|Send a JSON object with a string 'type'.",
        "{\"type\":7}|bad_command|Send a JSON object with a string 'type'.",
        "{}|bad_command|Send a JSON object with a string 'type'.",
        "{\"type\":\"dance\"}|unknown_command|Unknown command 'dance'.",
        "{\"type\":\"stop\",\"runId\":7}|bad_command|'runId' must be a string.",
        "{\"type\":\"stop\",\"runId\":{}}|bad_command|'runId' must be a string.",
        "{\"type\":\"set_problem\",\"problemId\":3}|bad_command|'problemId' must be a string or null.",
        "{\"type\":\"run\",\"stdin\":true}|bad_command|'stdin' must be a string.",
        "{\"type\":\"kick\"}|bad_command|'participantId' is missing; it must be a string.",
        "{\"type\":\"clock_extend\",\"byMs\":\"5\"}|bad_command|'byMs' must be a whole number.",
        "{\"type\":\"clock_extend\",\"byMs\":1.5}|bad_command|'byMs' must be a whole number.",
        "{\"type\":\"clock_extend\"}|bad_command|'byMs' is missing; it must be a whole number.",
      })
  void badInputIsRefusedWithASentenceThatSaysWhatIsWrong(String text, String code, String message) {
    ControlCodec.Decoded decoded = ControlCodec.decode(text);
    assertThat(decoded).isInstanceOf(ControlCodec.Refused.class);
    SessionEvent.Refusal error = ((ControlCodec.Refused) decoded).error();
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.message()).isEqualTo(message);
  }

  @Test
  void eventsCarryTheVersionAndTheirTypeFirstAndWireNames() throws Exception {
    JsonNode started =
        JSON.readTree(
            ControlCodec.encode(
                new RunsEvent.RunStarted("r1", "python", RunKind.EXAMPLES, "p1", "Ann")));
    assertThat(List.of(started.fieldNames().next(), started.get("type").asText()))
        .containsExactly("v", "run_started");
    assertThat(started.get("v").asInt()).isEqualTo(1);
    // An enum goes out by its wire name, not its Java name.
    assertThat(started.get("mode").asText()).isEqualTo("examples");

    JsonNode joined =
        JSON.readTree(
            ControlCodec.encode(
                new PresenceEvent.ParticipantJoined(
                    new WireParticipant("p1", Role.OBSERVER, "Ann", 2, "2026-01-01T00:00:00Z"))));
    assertThat(joined.at("/participant/role").asText()).isEqualTo("observer");
  }

  @Test
  void aMissingValueIsLeftOutButAMeaningfulNullIsWritten() throws Exception {
    JsonNode finished =
        JSON.readTree(
            ControlCodec.encode(
                new RunsEvent.RunFinished(
                    "r1", RunStatus.COMPILE_ERROR, 1, 5, 0, -1, false, false, "", null, null)));
    assertThat(finished.get("status").asText()).isEqualTo("compile_error");
    assertThat(finished.has("by")).isFalse();
    assertThat(finished.has("tests")).isFalse();

    JsonNode withTests =
        JSON.readTree(
            ControlCodec.encode(
                new RunsEvent.RunFinished(
                    "r1", RunStatus.OK, 0, 5, 7, 1, false, false, "", "p2", Map.of("passed", 3))));
    assertThat(withTests.get("by").asText()).isEqualTo("p2");
    assertThat(withTests.at("/tests/passed").asInt()).isEqualTo(3);

    JsonNode none =
        JSON.readTree(
            ControlCodec.encode(new SetupEvent.ProblemChanged((ProblemSummary) null, "p1")));
    assertThat(none.has("problem")).isTrue();
    assertThat(none.get("problem").isNull()).isTrue();

    JsonNode refusal =
        JSON.readTree(ControlCodec.encode(SessionEvent.Refusal.of("forbidden", "No.")));
    assertThat(refusal.get("type").asText()).isEqualTo("error");
    assertThat(refusal.has("retryAfterMs")).isFalse();
  }

  @Test
  void everyCommandAndEventHasOneTypeName() {
    assertThat(ControlCodec.commands()).containsKeys("ping", "lock", "set_problem", "clock_start");
    assertThat(ControlCodec.events())
        .containsKeys("welcome", "error", "run_finished", "clock_changed");
  }

  private static ControlCommand command(String text) {
    ControlCodec.Decoded decoded = ControlCodec.decode(text);
    assertThat(decoded).as(text).isInstanceOf(ControlCodec.Command.class);
    return ((ControlCodec.Command) decoded).command();
  }
}
