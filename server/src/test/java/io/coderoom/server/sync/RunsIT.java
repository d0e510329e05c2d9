package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs end to end: a room's code, a run command, the server, Redis, a runner agent, Docker, and the
 * output streaming to every control socket of the room; then the run over REST.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
class RunsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private CoderoomServer server;
  private RunnerAgent agent;
  private Http http;
  private String roomId;
  private String interviewer;
  private String candidate;
  private String observer;

  @BeforeEach
  void start() throws Exception {
    ServerConfig config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "runs-it-" + UUID.randomUUID(), "test", 2));
    http = new Http(server.baseUri());
    JsonNode room =
        Http.json(
            http.post(
                "/api/rooms",
                "{\"title\":\"Runs\",\"language\":\"python\"}",
                "Authorization",
                "Bearer " + TestServers.API_KEY));
    roomId = room.path("id").asText();
    interviewer = token(room, "interviewer");
    candidate = token(room, "candidate");
    observer = token(room, "observer");
  }

  @AfterEach
  void stop() {
    agent.close();
    server.close();
  }

  @Test
  void aRunStreamsToEveryoneAndIsStored() throws Exception {
    try (YClient editor = YClient.connect(server.baseUri(), roomId, "code", candidate);
        ControlClient host = ControlClient.connect(server.baseUri(), roomId, interviewer, "");
        ControlClient guest = ControlClient.connect(server.baseUri(), roomId, candidate, "");
        ControlClient watcher = ControlClient.connect(server.baseUri(), roomId, observer, "")) {
      editor.awaitSynced();
      editor.insert(0, "name = input()\nprint('hi ' + name)\n");
      await().atMost(WAIT).until(() -> roomCode().contains("print"));
      host.await("welcome");
      guest.await("welcome");
      watcher.await("welcome");
      // The editor opened the candidate's link first: only the observer is new to the others.
      for (ControlClient client : new ControlClient[] {host, guest}) {
        assertThat(client.await("participant_joined").path("participant").path("role").asText())
            .isEqualTo("observer");
      }

      watcher.send("{\"type\":\"run\"}");
      assertThat(watcher.await("error").path("code").asText()).isEqualTo("forbidden");

      guest.send("{\"type\":\"run\",\"stdin\":\"there\\n\"}");
      List<ControlClient.Run> seen = new ArrayList<>();
      for (ControlClient client : new ControlClient[] {host, guest, watcher}) {
        ControlClient.Run run = client.awaitRun(WAIT);
        seen.add(run);
        assertThat(run.output())
            .as("output chunks")
            .isNotEmpty()
            .allSatisfy(chunk -> assertThat(chunk.path("stream").asText()).isEqualTo("stdout"));
        assertThat(run.printed("stdout")).isEqualTo("hi there\n");
        assertThat(run.finished().path("status").asText()).isEqualTo("ok");
        assertThat(run.finished().path("exitCode").asInt()).isZero();
      }
      assertThat(seen)
          .extracting(run -> run.started().path("runId").asText())
          .as("one run, seen by everyone")
          .containsOnly(seen.get(0).started().path("runId").asText());

      JsonNode runs =
          Http.json(
                  http.get("/api/rooms/" + roomId + "/runs", "Authorization", "Bearer " + observer))
              .path("runs");
      assertThat(runs).hasSize(1);
      assertThat(runs.get(0).path("requestedBy").asText()).isEqualTo("candidate");
      JsonNode run =
          Http.json(
              http.get(
                  "/api/rooms/" + roomId + "/runs/" + runs.get(0).path("id").asText(),
                  "Authorization",
                  "Bearer " + interviewer));
      assertThat(run.path("stdout").asText()).isEqualTo("hi there\n");
      assertThat(run.path("status").asText()).isEqualTo("ok");
    }
  }

  @Test
  void oneRunAtATimeAndObserversCannotRunOverRest() throws Exception {
    try (YClient editor = YClient.connect(server.baseUri(), roomId, "code", interviewer)) {
      editor.awaitSynced();
      editor.insert(0, "import time\ntime.sleep(2)\nprint('done')\n");
      await().atMost(WAIT).until(() -> roomCode().contains("done"));
    }
    HttpResponse<String> first =
        http.post("/api/rooms/" + roomId + "/runs", "{}", "Authorization", "Bearer " + candidate);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    HttpResponse<String> second =
        http.post("/api/rooms/" + roomId + "/runs", "{}", "Authorization", "Bearer " + interviewer);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(Http.json(second).path("error").asText()).isEqualTo("run_in_progress");
    HttpResponse<String> denied =
        http.post("/api/rooms/" + roomId + "/runs", "{}", "Authorization", "Bearer " + observer);
    assertThat(denied.statusCode()).isEqualTo(403);

    String runId = Http.json(first).path("runId").asText();
    await()
        .atMost(WAIT)
        .until(
            () ->
                Http.json(
                        http.get(
                            "/api/rooms/" + roomId + "/runs/" + runId,
                            "Authorization",
                            "Bearer " + candidate))
                    .path("status")
                    .asText()
                    .equals("ok"));
    assertThat(
            http.post(
                    "/api/rooms/" + roomId + "/runs",
                    "{}",
                    "Authorization",
                    "Bearer " + interviewer)
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void aRunWaitsForTheEditsItsSenderHadMade() throws Exception {
    try (YClient editor = YClient.connect(server.baseUri(), roomId, "code", candidate);
        ControlClient guest = ControlClient.connect(server.baseUri(), roomId, candidate, "")) {
      editor.awaitSynced();
      guest.await("welcome");
      // The edit is on its way on the code socket while the run arrives on the control socket.
      Doc sender = new Doc();
      sender.applyUpdate(editor.state());
      sender.getText("codemirror").insert(0, "print('as typed')\n");
      guest.send(run(sender.encodeStateVector()));
      guest.assertQuiet();
      editor.sendRaw(SyncProtocol.update(sender.encodeStateAsUpdate()));
      ControlClient.Run run = guest.awaitRun(WAIT);
      assertThat(run.printed("stdout")).isEqualTo("as typed\n");
    }
  }

  @Test
  void aRunWhoseEditsNeverArriveIsRefusedAndHoldsNoOtherBack() throws Exception {
    try (ControlClient guest = ControlClient.connect(server.baseUri(), roomId, candidate, "");
        ControlClient host = ControlClient.connect(server.baseUri(), roomId, interviewer, "")) {
      guest.await("welcome");
      host.await("welcome");
      guest.await("participant_joined");
      host.send("{\"type\":\"run\",\"codeState\":\"not base64!\"}");
      assertThat(host.await("error").path("code").asText()).isEqualTo("bad_command");

      Doc sender = new Doc();
      sender.getText("codemirror").insert(0, "print('never sent')\n");
      long asked = System.nanoTime();
      guest.send(run(sender.encodeStateVector()));
      host.send("{\"type\":\"run\"}");
      assertThat(host.await("error").path("code").asText())
          .as("one run at a time, counting one that waits for its code")
          .isEqualTo("run_in_progress");
      JsonNode refused = guest.await("error");
      assertThat(refused.path("code").asText()).isEqualTo("code_not_synced");
      assertThat(Duration.ofNanos(System.nanoTime() - asked))
          .isGreaterThanOrEqualTo(RoomRuns.EDITS_WAIT.minusMillis(100));

      host.send("{\"type\":\"run\"}");
      for (ControlClient client : new ControlClient[] {host, guest}) {
        assertThat(client.awaitRun(WAIT).finished().path("status").asText()).isEqualTo("ok");
      }
    }
  }

  private static String run(byte[] codeState) {
    return "{\"type\":\"run\",\"codeState\":\""
        + Base64.getUrlEncoder().withoutPadding().encodeToString(codeState)
        + "\"}";
  }

  /** The code as the server holds it, read through a fresh observer client. */
  private String roomCode() throws Exception {
    try (YClient reader = YClient.connect(server.baseUri(), roomId, "code", observer)) {
      reader.awaitSynced();
      return reader.text();
    }
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
