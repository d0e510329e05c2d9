package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control socket: participants, lock, kick, end, role checks; plus participants and history
 * over REST.
 */
@ExtendWith(NettyLeakGuard.class)
class ControlSocketIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private ServerConfig config;
  private CoderoomServer server;
  private Http http;
  private String roomId;
  private String interviewer;
  private String candidate;
  private String observer;

  @BeforeEach
  void start() throws Exception {
    config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    http = new Http(server.baseUri());
    HttpResponse<String> created =
        http.post(
            "/api/rooms",
            "{\"title\":\"Control\",\"language\":\"go\"}",
            "Authorization",
            "Bearer " + TestServers.API_KEY);
    JsonNode room = Http.json(created);
    roomId = room.path("id").asText();
    interviewer = token(room, "interviewer");
    candidate = token(room, "candidate");
    observer = token(room, "observer");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void participantsSeeEachOtherComeAndGo() throws Exception {
    try (ControlClient host = control(interviewer, "&name=Host")) {
      JsonNode welcome = host.await("welcome");
      assertThat(welcome.path("v").asInt()).isEqualTo(1);
      assertThat(welcome.path("you").path("role").asText()).isEqualTo("interviewer");
      assertThat(welcome.path("you").path("name").asText()).isEqualTo("Host");
      assertThat(welcome.path("room").path("id").asText()).isEqualTo(roomId);
      assertThat(welcome.path("room").path("candidateLocked").asBoolean()).isFalse();

      ControlClient guest = control(candidate, "&name=Ada");
      JsonNode guestWelcome = guest.await("welcome");
      assertThat(guestWelcome.path("participants")).hasSize(2);
      JsonNode joined = host.await("participant_joined").path("participant");
      assertThat(joined.path("role").asText()).isEqualTo("candidate");
      assertThat(joined.path("name").asText()).isEqualTo("Ada");

      HttpResponse<String> list =
          http.get("/api/rooms/" + roomId + "/participants", "Authorization", "Bearer " + observer);
      assertThat(Http.json(list).path("participants")).hasSize(2);

      guest.close();
      assertThat(host.await("participant_left").path("participantId").asText())
          .isEqualTo(joined.path("id").asText());
    }
  }

  @Test
  void aLinkIsOneParticipantWhateverSocketsItOpens() throws Exception {
    try (ControlClient host = control(interviewer, "&name=Host")) {
      host.await("welcome");
      // A client that opens only the code is a participant too, named by its ?name=.
      YClient codeOnly =
          YClient.connect(
              server.baseUri(), roomId, "code", candidate + "&name=%20Ada%00%1B%5B31m%20");
      codeOnly.awaitSynced();
      JsonNode joined = host.await("participant_joined").path("participant");
      assertThat(joined.path("role").asText()).isEqualTo("candidate");
      assertThat(joined.path("name").asText()).isEqualTo("Ada[31m");

      // Two more tabs of the same link: the same participant, nobody is told of a new one.
      ControlClient tab = control(candidate, "&name=Someone%20else");
      JsonNode you = tab.await("welcome").path("you");
      assertThat(you.path("id").asText()).isEqualTo(joined.path("id").asText());
      assertThat(you.path("name").asText()).isEqualTo("Ada[31m");
      ControlClient otherTab = control(candidate, "");
      otherTab.await("welcome");
      assertThat(eventsUntilPong(host)).doesNotContain("participant_joined");
      assertThat(
              Http.json(
                      http.get(
                          "/api/rooms/" + roomId + "/participants",
                          "Authorization",
                          "Bearer " + interviewer))
                  .path("participants"))
          .hasSize(2);

      // They leave with their last socket.
      codeOnly.close();
      tab.close();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  http.get("/metrics")
                      .body()
                      .matches("(?s).*coderoom_sockets\\{[^}]*role=\"candidate\"[^}]*} 1\\.0.*"));
      assertThat(eventsUntilPong(host)).doesNotContain("participant_left");
      otherTab.close();
      assertThat(host.await("participant_left").path("participantId").asText())
          .isEqualTo(joined.path("id").asText());
    }
  }

  /** The types of the events the client gets before the answer to a ping it sends now. */
  private static java.util.List<String> eventsUntilPong(ControlClient client) throws Exception {
    client.send("{\"type\":\"ping\"}");
    java.util.List<String> types = new java.util.ArrayList<>();
    while (true) {
      String type = client.next(WAIT).path("type").asText();
      if (type.equals("pong")) {
        return types;
      }
      types.add(type);
    }
  }

  @Test
  void onlyInterviewersCommandAndTheLockStopsCandidateEdits() throws Exception {
    try (ControlClient host = control(interviewer, "");
        ControlClient watcher = control(observer, "");
        YClient hostDoc = YClient.connect(server.baseUri(), roomId, "code", interviewer)) {
      host.await("welcome");
      watcher.await("welcome");
      assertThat(host.await("participant_joined").path("participant").path("role").asText())
          .isEqualTo("observer");
      watcher.send("{\"type\":\"lock\"}");
      assertThat(watcher.await("error").path("code").asText()).isEqualTo("forbidden");
      watcher.send("not json");
      assertThat(watcher.await("error").path("code").asText()).isEqualTo("bad_command");
      host.send("{\"type\":\"dance\"}");
      assertThat(host.await("error").path("code").asText()).isEqualTo("unknown_command");

      host.send("{\"type\":\"lock\"}");
      assertThat(host.await("lock_changed").path("candidateLocked").asBoolean()).isTrue();
      assertThat(watcher.await("lock_changed").path("candidateLocked").asBoolean()).isTrue();
      try (YClient candidateDoc = YClient.connect(server.baseUri(), roomId, "code", candidate)) {
        candidateDoc.awaitSynced();
        for (ControlClient client : new ControlClient[] {host, watcher}) {
          assertThat(client.await("participant_joined").path("participant").path("role").asText())
              .isEqualTo("candidate");
        }
        candidateDoc.insert(0, "sneaky ");
        await().atMost(WAIT).until(() -> !candidateDoc.denials.isEmpty());
        assertThat(candidateDoc.denials.get(0)).contains("locked");
        hostDoc.insert(0, "ok");
        await().atMost(WAIT).until(() -> candidateDoc.text().contains("ok"));
        assertThat(hostDoc.text()).isEqualTo("ok");

        host.send("{\"type\":\"unlock\"}");
        assertThat(host.await("lock_changed").path("candidateLocked").asBoolean()).isFalse();
        assertThat(watcher.await("lock_changed").path("candidateLocked").asBoolean()).isFalse();
        // The next edit depends on the refused one; the server asks the candidate for what it
        // lacks, and both converge instead of leaving that edit stuck.
        candidateDoc.insert(candidateDoc.text().length(), " fine");
        await().atMost(WAIT).until(() -> hostDoc.text().equals(candidateDoc.text()));
        assertThat(hostDoc.text()).contains("fine").contains("ok");
      }
      host.await("participant_left");
      watcher.await("participant_left");
      HttpResponse<String> room =
          http.get("/api/rooms/" + roomId, "Authorization", "Bearer " + interviewer);
      assertThat(Http.json(room).path("candidateLocked").asBoolean()).isFalse();
    }
  }

  @Test
  void kickClosesEverySocketOfThatLinkAndRevokesIt() throws Exception {
    try (ControlClient host = control(interviewer, "");
        ControlClient guest = control(candidate, "");
        YClient guestDoc = YClient.connect(server.baseUri(), roomId, "code", candidate)) {
      host.await("welcome");
      guestDoc.awaitSynced();
      String guestId = guest.await("welcome").path("you").path("id").asText();
      host.await("participant_joined");

      host.send("{\"type\":\"kick\",\"participantId\":\"" + guestId + "\"}");
      assertThat(guest.awaitClose().code()).isEqualTo(4403);
      assertThat(guestDoc.closed.get(10, java.util.concurrent.TimeUnit.SECONDS).code())
          .isEqualTo(4403);
      assertThat(host.await("participant_left").path("participantId").asText()).isEqualTo(guestId);
      try (ControlClient again = control(candidate, "")) {
        assertThat(again.awaitClose().code()).isEqualTo(4401);
      }
    }
  }

  @Test
  void refusedCommandsAreAuditedAsOneRowPerKindWithTheirCount() throws Exception {
    int locks = CommandRateLimit.PER_SECOND - 5;
    int runs = 3;
    try (ControlClient watcher = control(observer, "")) {
      watcher.await("welcome");
      for (int i = 0; i < locks; i++) {
        watcher.send("{\"type\":\"lock\"}");
      }
      for (int i = 0; i < runs; i++) {
        watcher.send("{\"type\":\"run\"}");
      }
      for (int i = 0; i < locks + runs; i++) {
        assertThat(watcher.await("error").path("code").asText()).isEqualTo("forbidden");
      }
    }
    // The socket closed: its counts are written now rather than at the end of their window.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        query(
                            "SELECT detail->>'command' || '=' || (detail->>'count') FROM audit_log"
                                + " WHERE room_id = ? AND action = 'command_denied' ORDER BY id"))
                    .containsExactlyInAnyOrder("lock=" + locks, "run=" + runs));
  }

  private java.util.List<String> query(String sql) throws Exception {
    try (var connection =
            java.sql.DriverManager.getConnection(
                config.databaseUrl(), config.databaseUser(), config.databasePassword());
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, roomId);
      java.util.List<String> values = new java.util.ArrayList<>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  @Test
  void endingFromTheControlSocketTellsEveryoneAndClosesTheRoom() throws Exception {
    try (ControlClient host = control(interviewer, "");
        ControlClient guest = control(candidate, "")) {
      host.await("welcome");
      guest.await("welcome");
      host.await("participant_joined");
      host.send("{\"type\":\"end\"}");
      guest.await("room_ended");
      host.await("room_ended");
      assertThat(guest.awaitClose().code()).isEqualTo(4410);
      assertThat(host.awaitClose().code()).isEqualTo(4410);
      try (ControlClient late = control(observer, "")) {
        assertThat(late.awaitClose().code()).isEqualTo(4410);
      }
    }
  }

  @Test
  void historyReplaysToTheSameText() throws Exception {
    try (YClient writer = YClient.connect(server.baseUri(), roomId, "code", candidate)) {
      writer.awaitSynced();
      for (int i = 0; i < 30; i++) {
        writer.insert(writer.text().length(), "x" + i);
      }
      String expected = writer.text();
      Doc replay = new Doc();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                HttpResponse<String> page =
                    http.get(
                        "/api/rooms/" + roomId + "/history?doc=code&limit=1000",
                        "Authorization",
                        "Bearer " + interviewer);
                JsonNode updates = Http.json(page).path("updates");
                assertThat(updates).hasSize(30);
                assertThat(updates.get(0).path("role").asText()).isEqualTo("candidate");
                assertThat(updates.get(0).path("seq").asLong()).isEqualTo(1);
              });
      HttpResponse<String> page =
          http.get(
              "/api/rooms/" + roomId + "/history?limit=10",
              "Authorization",
              "Bearer " + interviewer);
      assertThat(Http.json(page).path("next").asLong()).isEqualTo(10);
      JsonNode all =
          Http.json(
                  http.get(
                      "/api/rooms/" + roomId + "/history",
                      "Authorization",
                      "Bearer " + interviewer))
              .path("updates");
      for (JsonNode update : all) {
        apply(replay, Base64.getDecoder().decode(update.path("update").asText()));
      }
      assertThat(replay.getText("codemirror").toString()).isEqualTo(expected);
      assertThat(
              http.get("/api/rooms/" + roomId + "/history", "Authorization", "Bearer " + candidate)
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              http.get(
                      "/api/rooms/" + roomId + "/history?limit=0",
                      "Authorization",
                      "Bearer " + interviewer)
                  .statusCode())
          .isEqualTo(400);
    }
  }

  private static void apply(Doc doc, byte[] update) throws UpdateException {
    doc.applyUpdate(update);
  }

  private ControlClient control(String token, String query) throws Exception {
    return ControlClient.connect(server.baseUri(), roomId, token, query);
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
