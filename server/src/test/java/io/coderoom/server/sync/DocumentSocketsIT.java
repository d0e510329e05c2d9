package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Document sockets end to end: y-websocket protocol, roles, awareness, refusals, durability. */
@ExtendWith(NettyLeakGuard.class)
class DocumentSocketsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private ServerConfig config;
  private CoderoomServer server;
  private TestRoom room;

  @BeforeEach
  void start() throws Exception {
    config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    room = TestRoom.create(server.baseUri(), "Sync");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void editsReachEveryoneAndAwarenessComesAndGoes() throws Exception {
    try (YClient interviewer = connect("code", room.interviewer().token());
        YClient candidate = connect("code", room.candidate().token());
        YClient observer = connect("code", room.observer().token())) {
      candidate.insert(0, "def solve():\n    return 42\n");
      await().atMost(WAIT).until(() -> interviewer.text().equals(candidate.text()));
      interviewer.insert(0, "# interview\n");
      await().atMost(WAIT).until(() -> candidate.text().startsWith("# interview\n"));
      await().atMost(WAIT).until(() -> observer.text().equals(candidate.text()));

      String metrics = new Http(server.baseUri()).get("/metrics").body();
      assertThat(metrics)
          .containsPattern("coderoom_sockets\\{[^}]*role=\"observer\"[^}]*} 1\\.0")
          .containsPattern("coderoom_document_updates_total\\{[^}]*} [1-9]")
          .containsPattern("coderoom_socket_bytes_in_bytes_total\\{[^}]*} [1-9]")
          .containsPattern("coderoom_broadcast_latency_seconds_count\\{[^}]*} [1-9]");
      candidate.setPresence("{\"user\":{\"name\":\"Ada\"}}");
      long candidateId = candidate.clientId();
      await().atMost(WAIT).until(() -> interviewer.presences().containsKey(candidateId));
      // The server echoes awareness to the sender as the reference server does.
      await().atMost(WAIT).until(() -> observer.presences().containsKey(candidateId));

      candidate.close();
      long closedAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(3))
          .until(() -> !interviewer.presences().containsKey(candidateId));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt)).isLessThan(1000);
    }
  }

  @Test
  void observerEditsAreDeniedAndNeverStored() throws Exception {
    try (YClient interviewer = connect("code", room.interviewer().token());
        YClient candidate = connect("code", room.candidate().token());
        YClient observer = connect("code", room.observer().token())) {
      interviewer.insert(0, "shared");
      await().atMost(WAIT).until(() -> observer.text().equals("shared"));
      await().atMost(WAIT).until(() -> candidate.text().equals("shared"));

      observer.insert(0, "vandalism ");
      await().atMost(WAIT).until(() -> !observer.denials.isEmpty());
      assertThat(observer.denials).hasSize(1);
      assertThat(observer.denials.get(0)).contains("Observers cannot edit");
      // The server handled the observer's edit before it sent the denial, so anything it relayed
      // of that edit reaches the interviewer before an edit the candidate makes now.
      candidate.insert(6, "!");
      await().atMost(WAIT).until(() -> interviewer.text().contains("!"));
      assertThat(interviewer.text()).isEqualTo("shared!");
      try (YClient late = connect("code", room.interviewer().token())) {
        late.awaitSynced();
        assertThat(late.text()).as("the document as the server holds it").isEqualTo("shared!");
      }
      await().atMost(WAIT).until(() -> storedAuthors().size() >= 2);
      assertThat(auditActions()).contains("write_denied");
      assertThat(storedAuthors())
          .containsExactly("token:" + linkId("interviewer"), "token:" + linkId("candidate"));
    }
  }

  @Test
  void theNotesAreTheInterviewersAloneAndOutliveReconnectsAndRestarts() throws Exception {
    try (YClient writer = connect("notes", room.interviewer().token());
        YClient reader = connect("notes", room.interviewer().token())) {
      writer.awaitSynced();
      reader.awaitSynced();
      writer.insert(0, "strong hire");
      await().atMost(WAIT).until(() -> reader.text().equals("strong hire"));
    }
    try (YClient again = connect("notes", room.interviewer().token());
        YClient code = connect("code", room.interviewer().token())) {
      await().atMost(WAIT).until(() -> again.text().equals("strong hire"));
      again.insert(again.text().length(), ", clear code");
      code.awaitSynced();
      assertThat(code.text()).as("the code document").isEmpty();
      await().atMost(WAIT).until(() -> storedUpdates("token:") >= 2);
    }

    // Candidates and observers are refused before anything of the notes reaches them.
    for (String token : java.util.List.of(room.candidate().token(), room.observer().token())) {
      YClient refused = connect("notes", token);
      assertRefused(refused, 4403, "interviewers");
      assertThat(refused.syncMessages.get()).as("sync messages before the refusal").isZero();
      assertThat(refused.text()).isEmpty();
    }

    server.close();
    server = TestServers.start(config, InMemorySpanExporter.create());
    try (YClient reloaded = connect("notes", room.interviewer().token())) {
      await().atMost(WAIT).until(() -> reloaded.text().equals("strong hire, clear code"));
    }
  }

  @Test
  void refusalsCloseWithAReason() throws Exception {
    assertRefused(connect("notes", room.candidate().token()), 4403, "interviewers");
    assertRefused(connect("notes", room.observer().token()), 4403, "interviewers");
    assertRefused(connect("code", "garbage"), 4401, "token_invalid");
    String tampered =
        room.candidate().token().substring(0, room.candidate().token().length() - 2) + "xx";
    assertRefused(connect("code", tampered), 4401, "token_invalid");
    java.time.Instant past = java.time.Instant.now().minusSeconds(7200);
    String expired =
        new io.coderoom.server.auth.RoomTokenCodec(
                TestServers.TOKEN_KEYS, java.time.Clock.systemUTC())
            .sign(
                new io.coderoom.server.auth.RoomToken(
                    "old",
                    room.id(),
                    io.coderoom.server.auth.Role.CANDIDATE,
                    "",
                    past,
                    past.plusSeconds(60)));
    assertRefused(connect("code", expired), 4401, "token_expired");
    assertRefused(connect("elsewhere", room.interviewer().token()), 4404, "No such socket");
    TestRoom other = TestRoom.create(server.baseUri(), "Sync");
    assertRefused(
        YClient.connect(server.baseUri(), other.id(), "code", room.candidate().token()),
        4403,
        "token_wrong_room");
  }

  @Test
  void endingTheRoomClosesItsSockets() throws Exception {
    YClient candidate = connect("code", room.candidate().token());
    candidate.awaitSynced();
    Http http = new Http(server.baseUri());
    assertThat(
            http.post(
                    "/api/rooms/" + room.id() + "/end",
                    "",
                    "Authorization",
                    "Bearer " + room.interviewer().token())
                .statusCode())
        .isEqualTo(200);
    YClient.Close close = candidate.closed.get(10, TimeUnit.SECONDS);
    assertThat(close.code()).isEqualTo(4410);
    assertRefused(connect("code", room.candidate().token()), 4410, "room_ended");
  }

  @Test
  void corruptUpdatesChangeNothingAndPersistentOnesAreClosed() throws Exception {
    try (YClient interviewer = connect("code", room.interviewer().token());
        YClient candidate = connect("code", room.candidate().token())) {
      candidate.insert(0, "intact");
      await().atMost(WAIT).until(() -> interviewer.text().equals("intact"));
      byte[] corrupt =
          SyncProtocol.update(
              new byte[] {1, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 9});
      candidate.sendRaw(corrupt);
      await().atMost(WAIT).until(() -> !candidate.denials.isEmpty());
      candidate.sendRaw(corrupt);
      candidate.sendRaw(new byte[] {7, 7, 7});
      YClient.Close close = candidate.closed.get(10, TimeUnit.SECONDS);
      assertThat(close.code()).isEqualTo(1007);
      interviewer.insert(6, "!");
      await().atMost(WAIT).until(() -> interviewer.text().equals("intact!"));
      try (YClient late = connect("code", room.observer().token())) {
        await().atMost(WAIT).until(() -> late.text().equals("intact!"));
      }
    }
  }

  @Test
  void aRestartedServerReloadsEveryUpdate() throws Exception {
    try (YClient candidate = connect("code", room.candidate().token())) {
      candidate.awaitSynced();
      for (int i = 0; i < 50; i++) {
        candidate.insert(candidate.text().length(), "line " + i + "\n");
      }
      await().atMost(WAIT).until(() -> storedUpdates("token:") >= 50);
    }
    String expected = expectedLines(50);
    server.close();
    server = TestServers.start(config, InMemorySpanExporter.create());
    try (YClient reader = connect("code", room.observer().token())) {
      await().atMost(WAIT).until(() -> reader.text().equals(expected));
    }
  }

  @Test
  void floodingSocketsAreClosedToResyncAndTheOthersCarryOn() throws Exception {
    try (YClient interviewer = connect("code", room.interviewer().token());
        YClient flooder = connect("code", room.candidate().token())) {
      flooder.awaitSynced();
      byte[] query = SyncProtocol.queryAwareness();
      for (int i = 0; i < 1000 && !flooder.closed.isDone(); i++) {
        flooder.sendRaw(query);
      }
      assertThat(flooder.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(1013);
      interviewer.insert(0, "still here");
      try (YClient late = connect("code", room.observer().token())) {
        await().atMost(WAIT).until(() -> late.text().equals("still here"));
      }
    }
  }

  @Test
  void repeatedRequestsForTheDocumentAreAnsweredFromACacheAndLimited() throws Exception {
    try (YClient interviewer = connect("code", room.interviewer().token())) {
      interviewer.awaitSynced();
      String chunk = "0123456789abcdef".repeat(16 * 1024);
      for (int i = 0; i < 4; i++) {
        interviewer.insert(interviewer.text().length(), chunk);
      }
      await().atMost(WAIT).until(() -> storedUpdates("token:") >= 4);
      double encodedBefore = stepTwoAnswers("false");
      double cachedBefore = stepTwoAnswers("true");

      // An observer asks for the whole document again and again, each time once the last answer
      // is in (so it is never closed for reading too slowly).
      YClient attacker = connect("code", room.observer().token());
      attacker.awaitSynced();
      await().atMost(WAIT).until(() -> attacker.text().length() == 4 * chunk.length());
      byte[] request = SyncProtocol.syncStep1(new io.coderoom.crdt.Doc());
      for (int i = 0; i < 1000 && !attacker.closed.isDone(); i++) {
        int answered = attacker.syncMessages.get();
        attacker.sendRaw(request);
        await()
            .atMost(WAIT)
            .until(() -> attacker.syncMessages.get() > answered || attacker.closed.isDone());
      }
      YClient.Close close = attacker.closed.get(10, TimeUnit.SECONDS);
      assertThat(close.code()).as(close.reason()).isEqualTo(1008);
      assertThat(close.reason())
          .isEqualTo("Too many sync requests: a client asks for the document once per connection.");

      double encoded = stepTwoAnswers("false") - encodedBefore;
      double cached = stepTwoAnswers("true") - cachedBefore;
      assertThat(encoded + cached)
          .as("requests answered, the socket's own first one included")
          .isEqualTo(DocumentSocket.STATE_REQUESTS_BURST);
      assertThat(encoded).as("answers encoded rather than repeated").isLessThanOrEqualTo(1);
      interviewer.insert(0, "still here");
      try (YClient late = connect("code", room.observer().token())) {
        await().atMost(WAIT).until(() -> late.text().startsWith("still here"));
      }
    }
  }

  private double stepTwoAnswers(String cached) throws Exception {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile(
                "coderoom_sync_step2_total\\{[^}]*cached=\"" + cached + "\"[^}]*} ([0-9.E]+)")
            .matcher(new Http(server.baseUri()).get("/metrics").body());
    assertThat(matcher.find()).as("the step 2 meter").isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  @Test
  void snapshotsCompactTheLogAndReloadTheSameText() throws Exception {
    int edits = SharedDocument.SNAPSHOT_EVERY + 20;
    try (YClient writer = connect("code", room.candidate().token())) {
      writer.awaitSynced();
      for (int i = 0; i < edits; i++) {
        writer.insert(writer.text().length(), i % 10 == 0 ? "\n" : "ab");
        if (i % 100 == 99) {
          Thread.sleep(600); // stay under the socket's message rate, as typing does
        }
      }
      await().atMost(WAIT).until(() -> storedUpdates("token:") >= edits);
      await()
          .atMost(WAIT)
          .until(
              () -> !query("SELECT upto_seq FROM document_snapshots WHERE room_id = ?").isEmpty());
      // One snapshot: a document's first comes after between half and all of SNAPSHOT_EVERY.
      java.util.List<String> snapshots =
          query("SELECT upto_seq FROM document_snapshots WHERE room_id = ?");
      assertThat(snapshots).hasSize(1);
      assertThat(Integer.parseInt(snapshots.get(0)))
          .isBetween(SharedDocument.SNAPSHOT_EVERY / 2 + 1, SharedDocument.SNAPSHOT_EVERY);
      String expected = writer.text();
      server.close();
      server = TestServers.start(config, InMemorySpanExporter.create());
      try (YClient reader = connect("code", room.observer().token())) {
        await().atMost(WAIT).until(() -> reader.text().equals(expected));
      }
    }
  }

  private static String expectedLines(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("line ").append(i).append('\n');
    }
    return text.toString();
  }

  private YClient connect(String doc, String token) throws Exception {
    return YClient.connect(server.baseUri(), room.id(), doc, token);
  }

  private static void assertRefused(YClient client, int code, String reason) throws Exception {
    YClient.Close close = client.closed.get(10, TimeUnit.SECONDS);
    assertThat(close.code()).isEqualTo(code);
    assertThat(close.reason()).contains(reason);
  }

  private String linkId(String role) throws Exception {
    return query(
            "SELECT 'token:' || id FROM room_tokens WHERE room_id = ? AND role = '"
                + role
                + "' ORDER BY issued_at LIMIT 1")
        .get(0)
        .substring("token:".length());
  }

  private long storedUpdates(String authorPrefix) throws Exception {
    return query("SELECT author FROM document_updates WHERE room_id = ?").stream()
        .filter(a -> a.startsWith(authorPrefix))
        .count();
  }

  private java.util.List<String> storedAuthors() throws Exception {
    return query("SELECT author FROM document_updates WHERE room_id = ?");
  }

  private java.util.List<String> auditActions() throws Exception {
    return query("SELECT action FROM audit_log WHERE room_id = ? ORDER BY id");
  }

  private java.util.List<String> query(String sql) throws Exception {
    try (var connection =
            DriverManager.getConnection(
                config.databaseUrl(), config.databaseUser(), config.databasePassword());
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, room.id());
      java.util.List<String> values = new java.util.ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
