package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerProcess;
import io.coderoom.server.TestDatabase;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two server instances on one PostgreSQL and Redis, with no sticky sessions: a room's clients on
 * either converge, whatever reaches one instance reaches the sockets on the other, and when the
 * instance holding the room is killed (SIGKILL) its clients reconnect to the other one and nothing
 * they typed is lost.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private ServerProcess first;
  private CoderoomServer second;

  @AfterEach
  void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  private void startTwo() throws Exception {
    first = new ServerProcess(Files.createTempFile("cluster-first-", ".log"));
    first.start();
    second = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
  }

  @Test
  void clientsOnEitherInstanceConvergeAndSeeEachOther() throws Exception {
    startTwo();
    TestRoom viaFirst = TestRoom.create(first.uri(), "Cluster");
    TestRoom viaSecond = viaFirst.on(second.baseUri());
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

      // One room, one participant list: the candidate on the second instance sees the
      // interviewer who joined through the first, in its welcome.
      assertThat(candidateControl.await("welcome").path("participants").size()).isEqualTo(2);
      interviewerControl.await("participant_joined");
      // The room lives in the first instance, where its first socket arrived.
      assertThat(ownerOf(viaFirst.id())).endsWith(":" + first.port());
    }
  }

  @Test
  void aRevocationOnTheOtherInstanceClosesTheRelayedSockets() throws Exception {
    startTwo();
    TestRoom viaFirst = TestRoom.create(first.uri(), "Revoked across instances");
    TestRoom viaSecond = viaFirst.on(second.baseUri());
    try (YClient interviewer = viaFirst.code(viaFirst.interviewer());
        YClient candidate = viaSecond.code(viaSecond.candidate())) {
      interviewer.awaitSynced();
      candidate.awaitSynced();
      // Revoked through the second instance, which does not hold the room.
      viaSecond.revoke(viaSecond.candidate());
      YClient.Close closed = candidate.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(closed.code()).isEqualTo(4401);
      assertThat(closed.reason()).startsWith("token_revoked:");
    }
  }

  @Test
  void whenTheInstanceHoldingTheRoomIsKilledItsClientsMoveAndLoseNothing() throws Exception {
    startTwo();
    TestRoom viaFirst = TestRoom.create(first.uri(), "Owner killed");
    TestRoom viaSecond = viaFirst.on(second.baseUri());
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

      // Both reconnect (through the load balancer, here: to the surviving instance) with what
      // they had, and type on.
      try (YClient back = viaSecond.reconnect(onSecond, viaSecond.candidate());
          YClient alsoBack = viaSecond.reconnect(onFirst, viaSecond.interviewer())) {
        back.awaitSynced();
        alsoBack.awaitSynced();
        back.insert(0, "after;");
        await()
            .atMost(WAIT)
            .until(
                () -> back.text().equals(alsoBack.text()) && back.text().equals("after;" + before));
        assertThat(ownerOf(viaFirst.id())).endsWith(":" + second.address().getPort());
      }
      // What PostgreSQL holds is what the clients had: a reader after they left reads the same.
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
