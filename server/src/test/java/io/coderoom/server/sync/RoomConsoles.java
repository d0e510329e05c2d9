package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The control sockets of a room's three participants (interviewer, candidate, observer), opened in
 * that order with every join event read, so a test sees each client's events from then on one by
 * one, in order: nothing is skipped, and an event nobody expected shows.
 */
record RoomConsoles(ControlClient host, ControlClient guest, ControlClient watcher)
    implements AutoCloseable {

  /** What one client saw of one run: its start, its output and its end. */
  record RunSeen(JsonNode started, List<JsonNode> output, JsonNode finished) {
    String runId() {
      return started.path("runId").asText();
    }

    /** The output of one stream ({@code stdout}, {@code stderr} or {@code compile}), joined. */
    String stream(String name) {
      StringBuilder text = new StringBuilder();
      for (JsonNode event : output) {
        if (event.path("stream").asText().equals(name)) {
          text.append(event.path("data").asText());
        }
      }
      return text.toString();
    }
  }

  static RoomConsoles open(TestRoom room) throws Exception {
    ControlClient host = room.control(room.interviewer());
    expect(host, "welcome");
    ControlClient guest = room.control(room.candidate());
    expect(guest, "welcome");
    expect(host, "participant_joined");
    ControlClient watcher = room.control(room.observer());
    expect(watcher, "welcome");
    expect(host, "participant_joined");
    expect(guest, "participant_joined");
    return new RoomConsoles(host, guest, watcher);
  }

  List<ControlClient> all() {
    return List.of(host, guest, watcher);
  }

  /** The client's next event, which must be of this type. */
  static JsonNode expect(ControlClient client, String type) throws InterruptedException {
    return expect(client, type, Duration.ofSeconds(10));
  }

  static JsonNode expect(ControlClient client, String type, Duration timeout)
      throws InterruptedException {
    JsonNode next = client.next(timeout);
    assertThat(next.path("type").asText()).as("next event: %s", next).isEqualTo(type);
    return next;
  }

  /** The next event is this error. */
  static void expectError(ControlClient client, String code, String message)
      throws InterruptedException {
    JsonNode error = expect(client, "error");
    assertThat(error.path("code").asText()).as(error.toString()).isEqualTo(code);
    assertThat(error.path("message").asText()).isEqualTo(message);
  }

  /**
   * The client's next events make one run: {@code run_started}, its {@code run_output} events and
   * its {@code run_finished}, and nothing else.
   */
  static RunSeen run(ControlClient client, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode started = expect(client, "run_started", timeout);
    String runId = started.path("runId").asText();
    List<JsonNode> output = new ArrayList<>();
    while (true) {
      JsonNode next = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      assertThat(next.path("runId").asText()).as("event of the run: %s", next).isEqualTo(runId);
      switch (next.path("type").asText()) {
        case "run_output" -> output.add(next);
        case "run_finished" -> {
          return new RunSeen(started, output, next);
        }
        default -> throw new AssertionError("unexpected event during a run: " + next);
      }
    }
  }

  @Override
  public void close() {
    host.close();
    guest.close();
    watcher.close();
  }
}
