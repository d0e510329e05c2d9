package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.coderoom.server.auth.Role;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Observers cannot crowd the candidate (or the interviewers) out of a room: tried as an observer
 * opening sockets until refused, on one link and then on every observer link the room has.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RoomQuotasIT {
  private CoderoomServer server;
  private TestRoom room;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    room = TestRoom.create(server.baseUri(), "Quotas");
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable client : open) {
      client.close();
    }
    server.close();
  }

  @Test
  void observersOpeningSocketsUntilRefusedLeaveTheCandidatesAndInterviewersPlaces()
      throws Exception {
    Refused linkFull = openUntilRefused(room.observer());
    assertThat(linkFull.opened()).isEqualTo(SocketQuotas.PER_LINK);
    assertThat(linkFull.close().code()).isEqualTo(4429);
    assertThat(linkFull.close().reason())
        .isEqualTo(
            "room_full: This link already has 8 connections open in the room; close a tab and"
                + " try again.");

    // Every other observer link the interviewers could issue, each filled up as well.
    int observerLinks = SocketQuotas.PER_ROLE.get(Role.OBSERVER) / SocketQuotas.PER_LINK;
    for (int i = 1; i < observerLinks; i++) {
      assertThat(openUntilRefused(room.issue("observer", "")).opened())
          .isEqualTo(SocketQuotas.PER_LINK);
    }
    Refused roleFull = openUntilRefused(room.issue("observer", ""));
    assertThat(roleFull.opened()).isZero();
    assertThat(roleFull.close().code()).isEqualTo(4429);
    assertThat(roleFull.close().reason())
        .isEqualTo("room_full: The room has no more places for observers; try again later.");

    YClient candidate = keep(room.code(room.candidate()));
    ControlClient candidateControl = keep(room.control(room.candidate()));
    candidate.awaitSynced();
    assertThat(candidateControl.await("welcome").path("you").path("role").asText())
        .isEqualTo("candidate");
    YClient interviewer = keep(room.code(room.interviewer()));
    interviewer.awaitSynced();
    assertThat(
            candidateControl.await("participant_joined").path("participant").path("role").asText())
        .isEqualTo("interviewer");
    interviewer.insert(0, "still room for us");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> candidate.text().equals("still room for us"));
  }

  /** How many sockets a link opened before one was refused, and the refusal. */
  private record Refused(int opened, YClient.Close close) {}

  /** Opens code sockets on the link, each synced before the next, until one is refused. */
  private Refused openUntilRefused(TestRoom.Link link) throws Exception {
    for (int opened = 0; opened <= SocketQuotas.ROOM; opened++) {
      Optional<YClient.Close> refused = keep(room.code(link)).awaitSyncedOrClosed();
      if (refused.isPresent()) {
        return new Refused(opened, refused.get());
      }
    }
    throw new AssertionError("no refusal after " + SocketQuotas.ROOM + " sockets");
  }

  private <T extends AutoCloseable> T keep(T client) {
    open.add(client);
    return client;
  }
}
