package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static io.coderoom.server.sync.RoomConsoles.expectError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.agent.sandbox.DockerClients;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping a run, end to end with a runner agent and Docker: an endless loop stops for everyone
 * with status {@code stopped} and who stopped it, well before its time limit, its container goes,
 * and the room runs again; an observer's stop, a stop with no run, and a stop naming a run that is
 * not the room's run in progress are refused.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunStopIT {
  private static final Duration RUN_WAIT = Duration.ofSeconds(60);

  /** The label the agent puts on its containers, naming itself. */
  private static final String AGENT_LABEL = "io.coderoom.runner.agent";

  /** Loops forever (after saying so) when its input is "loop"; else prints "done". */
  static final String CODE =
      "if input() == 'loop':\n"
          + "    print('looping', flush=True)\n"
          + "    while True:\n"
          + "        pass\n"
          + "print('done')\n";

  static final String LOOP = "{\"type\":\"run\",\"stdin\":\"loop\\n\"}";
  static final String ONCE = "{\"type\":\"run\",\"stdin\":\"once\\n\"}";

  private static CoderoomServer server;
  private static RunnerAgent agent;
  private static DockerClient docker;
  private static TestRoom room;

  @BeforeAll
  static void start() throws Exception {
    ServerConfig config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    // Before the agent starts its warm containers, which keep a busy machine busier for a while.
    room = TestRoom.create(server.baseUri(), "Stop", CODE);
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "run-stop-it-" + UUID.randomUUID(), "test", 2));
    docker = DockerClients.create(agent.config().dockerHost());
  }

  @AfterAll
  static void stop() throws Exception {
    agent.close();
    server.close();
    docker.close();
  }

  @Test
  void anEndlessLoopStopsForEveryoneItsContainerGoesAndTheRoomRunsAgain() throws Exception {
    try (RoomConsoles consoles = RoomConsoles.open(room)) {
      ControlClient guest = consoles.guest();
      guest.send("{\"type\":\"stop\"}");
      expectError(guest, "not_running", "No run is in progress.");

      guest.send(LOOP);
      String runId = null;
      String guestId = null;
      for (ControlClient client : consoles.all()) {
        JsonNode started = expect(client, "run_started");
        runId = started.path("runId").asText();
        guestId = started.path("by").asText();
        assertThat(printedLine(client)).isEqualTo("looping");
      }
      List<String> running = runningPrograms();
      assertThat(running).as("containers running the program").hasSize(1);
      String container = running.get(0);

      consoles.watcher().send("{\"type\":\"stop\"}");
      expectError(consoles.watcher(), "forbidden", "Observers cannot stop runs.");
      consoles.host().send("{\"type\":\"stop\",\"runId\":7}");
      expectError(consoles.host(), "bad_command", "'runId' must be a string.");
      consoles.host().send("{\"type\":\"stop\",\"runId\":\"elsewhere\"}");
      expectError(
          consoles.host(),
          "not_running",
          "Run elsewhere is not in progress in this room; it may have ended.");

      long stopping = System.nanoTime();
      guest.send("{\"type\":\"stop\",\"runId\":\"" + runId + "\"}");
      for (ControlClient client : consoles.all()) {
        JsonNode announced = expect(client, "run_stopping");
        assertThat(announced.path("runId").asText()).isEqualTo(runId);
        assertThat(announced.path("by").asText()).isEqualTo(guestId);
        JsonNode finished = expect(client, "run_finished", RUN_WAIT);
        assertThat(finished.path("runId").asText()).isEqualTo(runId);
        assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("stopped");
        assertThat(finished.path("by").asText()).isEqualTo(guestId);
        assertThat(finished.path("message").asText()).isEqualTo("Stopped by Candidate.");
        assertThat(finished.path("exitCode").asInt()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(finished.path("runMs").asLong()).isLessThan(RunJob.DEFAULT_TIME_LIMIT_MS);
      }
      System.out.printf(
          "stop: run_finished reached every console %d ms after the stop was sent%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> assertThat(containers(container)).as("the run's container").isEmpty());
      assertThat(runningPrograms()).isEmpty();

      JsonNode stored = room.run(runId);
      assertThat(stored.path("status").asText()).isEqualTo("stopped");
      assertThat(stored.path("message").asText()).isEqualTo("Stopped by Candidate.");
      assertThat(stored.path("stdout").asText()).isEqualTo("looping\n");

      consoles.host().send("{\"type\":\"stop\",\"runId\":\"" + runId + "\"}");
      expectError(
          consoles.host(),
          "not_running",
          "Run " + runId + " is not in progress in this room; it may have ended.");

      guest.send(ONCE);
      for (ControlClient client : consoles.all()) {
        RoomConsoles.RunSeen again = RoomConsoles.run(client, RUN_WAIT);
        assertThat(again.finished().path("status").asText()).isEqualTo("ok");
        assertThat(again.stream("stdout")).isEqualTo("done\n");
      }
    }
  }

  /** The client's run output up to the end of the first line it printed, without the newline. */
  static String printedLine(ControlClient client) throws InterruptedException {
    StringBuilder printed = new StringBuilder();
    while (printed.indexOf("\n") < 0) {
      JsonNode output = expect(client, "run_output", RUN_WAIT);
      assertThat(output.path("stream").asText()).isEqualTo("stdout");
      printed.append(output.path("data").asText());
    }
    return printed.substring(0, printed.indexOf("\n"));
  }

  /** Containers, running or not, with this id. */
  private static List<Container> containers(String id) {
    return docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec();
  }

  /**
   * The agent's containers in which a Python program runs now (its warm containers run nothing but
   * their idle process).
   */
  private static List<String> runningPrograms() {
    List<String> found = new ArrayList<>();
    for (Container container :
        docker
            .listContainersCmd()
            .withLabelFilter(Map.of(AGENT_LABEL, agent.config().agentId()))
            .exec()) {
      try {
        for (String[] process : docker.topContainerCmd(container.getId()).exec().getProcesses()) {
          if (String.join(" ", process).contains("/code/main.py")) {
            found.add(container.getId());
            break;
          }
        }
      } catch (DockerException gone) {
        // Removed meanwhile: it runs nothing.
      }
    }
    return found;
  }
}
