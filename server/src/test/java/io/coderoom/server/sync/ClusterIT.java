package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerProcess;
import io.coderoom.server.ServerWithAgent;
import io.coderoom.server.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on one PostgreSQL and Redis, with no sticky sessions: a room's clients on
 * either converge and see one participant list, a run started through either streams to the sockets
 * on both, a link revoked through the instance that does not hold the room closes its sockets, and
 * when the instance holding the room is killed (SIGKILL) its clients reconnect to the other one and
 * nothing they typed is lost. The room lives in the instance its first socket reached: here always
 * the first, a separate process so that it can be killed.
 */
@ExtendWith(NettyLeakGuard.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final ServerWithAgent second = new ServerWithAgent("cluster");

  private static ServerProcess first;

  @BeforeAll
  static void startFirst() throws Exception {
    first = new ServerProcess(Files.createTempFile("cluster-first-", ".log"));
    first.start();
  }

  @AfterAll
  static void stopFirst() {
    first.close();
  }

  /** A room made through the first instance, and the same room as reached through the second. */
  private static List<TestRoom> room(String title, String code) throws Exception {
    TestRoom viaFirst = TestRoom.create(first.uri(), title, code);
    return List.of(viaFirst, viaFirst.on(second.baseUri()));
  }

  @Test
  @Order(1)
  void clientsOnEitherInstanceConvergeAndSeeOneParticipantList() throws Exception {
    List<TestRoom> room = room("Cluster", "");
    TestRoom viaFirst = room.get(0);
    TestRoom viaSecond = room.get(1);
    try (YClient interviewer = viaFirst.code(viaFirst.interviewer());
        ControlClient interviewerControl = viaFirst.control(viaFirst.interviewer());
        YClient candidate = viaSecond.code(viaSecond.candidate());
        ControlClient candidateControl = viaSecond.control(viaSecond.candidate())) {
      interviewer.awaitSynced();
      candidate.awaitSynced();
      interviewerControl.await("welcome");
      interviewer.insert(0, "first;");
      candidate.insert(0, "second;");
      await()
          .atMost(WAIT)
          .until(
              () ->
                  interviewer.text().equals(candidate.text())
                      && candidate.text().contains("first;")
                      && candidate.text().contains("second;"));

      // The candidate on the second instance finds the interviewer who came through the first.
      assertThat(candidateControl.await("welcome").path("participants").size()).isEqualTo(2);
      interviewerControl.await("participant_joined");
      assertThat(ownerOf(viaFirst.id())).endsWith(":" + first.port());
      // The participants, asked of the instance that does not hold the room: as the holder
      // published them.
      await().atMost(WAIT).until(() -> viaSecond.participants().size() == 2);
    }
  }

  @Test
  @Order(2)
  void aRunStartedThroughEitherInstanceStreamsToTheSocketsOnBoth() throws Exception {
    List<TestRoom> room = room("Runs across instances", "print('ran where the room lives')\n");
    TestRoom viaFirst = room.get(0);
    TestRoom viaSecond = room.get(1);
    try (ControlClient onFirst = viaFirst.control(viaFirst.interviewer());
        ControlClient onSecond = viaSecond.control(viaSecond.candidate())) {
      onFirst.await("welcome");
      onSecond.await("welcome");
      onFirst.await("participant_joined");
      onFirst.allow("participant_joined", "participant_left");
      onSecond.allow("participant_joined", "participant_left");

      onSecond.send("{\"type\":\"run\"}");
      for (ControlClient client : List.of(onFirst, onSecond)) {
        ControlClient.Run run = client.awaitRun(Duration.ofSeconds(60));
        assertThat(run.printed("stdout")).isEqualTo("ran where the room lives\n");
        assertThat(run.finished().path("status").asText()).isEqualTo("ok");
      }

      // Over REST through the second instance: started by the first, seen on both.
      HttpResponse<String> started =
          new Http(second.baseUri())
              .post(
                  "/api/rooms/" + viaFirst.id() + "/runs",
                  "{}",
                  "Authorization",
                  "Bearer " + viaFirst.interviewer().token());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String runId = Http.json(started).path("runId").asText();
      for (ControlClient client : List.of(onFirst, onSecond)) {
        assertThat(client.awaitRun(Duration.ofSeconds(60)).started().path("runId").asText())
            .isEqualTo(runId);
      }
    }
  }

  @Test
  @Order(3)
  void aRevocationThroughTheOtherInstanceClosesTheRelayedSockets() throws Exception {
    List<TestRoom> room = room("Revoked across instances", "");
    TestRoom viaFirst = room.get(0);
    TestRoom viaSecond = room.get(1);
    try (YClient interviewer = viaFirst.code(viaFirst.interviewer());
        YClient candidate = viaSecond.code(viaSecond.candidate())) {
      interviewer.awaitSynced();
      candidate.awaitSynced();
      viaSecond.revoke(viaSecond.candidate());
      YClient.Close closed = candidate.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(closed.code()).isEqualTo(4401);
      assertThat(closed.reason()).startsWith("token_revoked:");
    }
  }

  @Test
  @Order(4)
  void whenTheInstanceHoldingTheRoomIsKilledItsClientsMoveAndLoseNothing() throws Exception {
    List<TestRoom> room = room("Owner killed", "");
    TestRoom viaFirst = room.get(0);
    TestRoom viaSecond = room.get(1);
    YClient onFirst = viaFirst.code(viaFirst.interviewer());
    YClient onSecond = viaSecond.code(viaSecond.candidate());
    try {
      onFirst.awaitSynced();
      onSecond.awaitSynced();
      onFirst.insert(0, "typed-on-first;");
      onSecond.insert(0, "typed-on-second;");
      await().atMost(WAIT).until(() -> onFirst.text().equals(onSecond.text()));
      String before = onSecond.text();

      first.kill();
      // The relay saw the owner vanish without a Close: its client is told to reconnect.
      YClient.Close moved = onSecond.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(moved.code()).isEqualTo(1012);

      // Both reconnect (through a load balancer: here, to the surviving instance) with what they
      // had, and type on.
      try (YClient back = viaSecond.reconnect(onSecond, viaSecond.candidate());
          YClient alsoBack = viaSecond.reconnect(onFirst, viaSecond.interviewer())) {
        back.awaitSynced();
        alsoBack.awaitSynced();
        back.insert(0, "after;");
        await()
            .atMost(WAIT)
            .until(
                () -> back.text().equals(alsoBack.text()) && back.text().equals("after;" + before));
        assertThat(ownerOf(viaFirst.id())).endsWith(":" + second.baseUri().getPort());
      }
      // PostgreSQL holds what the clients had: a reader who comes after they left reads it.
      await().atMost(WAIT).until(() -> viaSecond.codeText().equals("after;" + before));
    } finally {
      onFirst.close();
      onSecond.close();
    }
  }

  private static String ownerOf(String roomId) {
    try (TestDatabase database = TestDatabase.open()) {
      return database
          .jdbi()
          .withHandle(
              h ->
                  h.createQuery("SELECT address FROM room_owners WHERE room_id = :id")
                      .bind("id", roomId)
                      .mapTo(String.class)
                      .findOne()
                      .orElse(""));
    }
  }
}
