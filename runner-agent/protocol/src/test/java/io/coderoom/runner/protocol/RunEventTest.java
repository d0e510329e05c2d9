package io.coderoom.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEventTest {
  @Test
  void everyEventRoundTrips() {
    List<RunEvent> events =
        List.of(
            new RunEvent.Started("r-1", "agent-1", 5),
            new RunEvent.Output("r-1", RunEvent.OutputStream.STDOUT, "héllo\n"),
            new RunEvent.Output("r-1", RunEvent.OutputStream.COMPILE, "warning"),
            new RunEvent.Ended("r-1", RunStatus.TIMEOUT));
    for (RunEvent event : events) {
      assertThat(RunEvent.fromFields(event.toFields())).isEqualTo(event);
    }
    assertThat(events.get(1).toFields())
        .containsEntry("type", "output")
        .containsEntry("stream", "stdout");
  }

  @Test
  void unknownTypesAreRejected() {
    assertThatThrownBy(() -> RunEvent.fromFields(Map.of("type", "party", "runId", "r")))
        .hasMessageContaining("unknown type party");
  }

  @Test
  void runKeysAreNamedPerRun() {
    assertThat(RedisKeys.runOutput("abc")).isEqualTo("run:abc:out");
    assertThat(RedisKeys.runOwner("abc")).isEqualTo("run:abc:owner");
  }
}
