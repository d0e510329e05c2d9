package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.auth.AuthConfig;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Removing someone removes them, tried as the removed person would try to stay: revocation, expiry
 * and kick close every socket of the link within a second, edits sent after that never reach
 * anyone, reconnects already on their way are refused, and clients that only open the code are
 * participants like everyone else.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RemovalIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The product's promise: a removed link's sockets close within a second. */
  private static final long CLOSE_WITHIN_MS = 1000;

  private CoderoomServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private TestRoom start(ServerConfig config) throws Exception {
    server = TestServers.start(config, InMemorySpanExporter.create());
    return TestRoom.create(server.baseUri(), "Removal");
  }

  @Test
  void aRevokedCandidateIsClosedAtOnceAndWhatItSendsAfterNeverArrives() throws Exception {
    TestRoom room = start(TestServers.config());
    try (YClient interviewer = room.code(room.interviewer());
        YClient observer = room.code(room.observer());
        YClient candidate = room.code(room.candidate());
        ControlClient candidateControl = room.control(room.candidate())) {
      candidate.awaitSynced();
      candidateControl.await("welcome");
      candidate.insert(0, "before;");
      await().atMost(WAIT).until(() -> interviewer.text().equals("before;"));

      long revoking = System.nanoTime();
      room.revoke(room.candidate());
      // A hostile client ignores the server's Close and keeps typing.
      candidate.insert(0, "after-revoke;");
      YClient.Close codeClosed = candidate.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      YClient.Close controlClosed = candidateControl.awaitClose();
      long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revoking);

      assertThat(codeClosed.code()).isEqualTo(4401);
      assertThat(codeClosed.reason()).startsWith("token_revoked:");
      assertThat(controlClosed.code()).isEqualTo(4401);
      assertThat(controlClosed.reason()).startsWith("token_revoked:");
      assertThat(closedMs).as("ms from the revocation to both closes").isLessThan(CLOSE_WITHIN_MS);

      // Everything the server relayed before this marker has reached the observer.
      interviewer.insert(interviewer.text().length(), "marker");
      await().atMost(WAIT).until(() -> observer.text().endsWith("marker"));
      assertThat(observer.text()).isEqualTo("before;marker");
      assertThat(interviewer.text()).isEqualTo("before;marker");
      assertThat(room.code(room.candidate()).closed.get(WAIT.toSeconds(), TimeUnit.SECONDS).code())
          .isEqualTo(4401);
    }
  }

  @Test
  void anExpiringLinkClosesItsSocketsWhenItExpires() throws Exception {
    AuthConfig shortCandidateLinks =
        new AuthConfig(
            TestServers.config().auth().apiKey(),
            TestServers.TOKEN_KEYS,
            Duration.ofSeconds(4),
            Duration.ofHours(168));
    TestRoom room = start(TestServers.config().with(c -> c.auth = shortCandidateLinks));
    Instant expiresAt = room.candidate().expiresAt();
    try (ControlClient host = room.control(room.interviewer());
        YClient candidate = room.code(room.candidate());
        ControlClient candidateControl = room.control(room.candidate())) {
      host.await("welcome");
      candidate.awaitSynced();
      candidateControl.await("welcome");
      assertThat(host.await("participant_joined").path("participant").path("role").asText())
          .isEqualTo("candidate");
      assertThat(Instant.now()).as("the test joined before the link expired").isBefore(expiresAt);

      YClient.Close codeClosed = candidate.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      YClient.Close controlClosed = candidateControl.awaitClose();
      Instant closed = Instant.now();

      assertThat(codeClosed.code()).isEqualTo(4401);
      assertThat(codeClosed.reason()).startsWith("token_expired:");
      assertThat(controlClosed.code()).isEqualTo(4401);
      assertThat(controlClosed.reason()).startsWith("token_expired:");
      assertThat(closed).isAfterOrEqualTo(expiresAt);
      assertThat(Duration.between(expiresAt, closed).toMillis())
          .as("ms from the expiry to both closes")
          .isLessThan(CLOSE_WITHIN_MS);
      host.await("participant_left");
      // The interviewer's link lives on.
      host.send("{\"type\":\"ping\"}");
      host.await("pong");
    }
  }

  @Test
  void aKickedLinkCannotComeBackEvenWithReconnectsAlreadyOnTheirWay() throws Exception {
    TestRoom room = start(TestServers.config());
    try (ControlClient host = room.control(room.interviewer());
        ControlClient guest = room.control(room.candidate());
        ExecutorService reconnecting = Executors.newVirtualThreadPerTaskExecutor()) {
      host.await("welcome");
      String guestId = guest.await("welcome").path("you").path("id").asText();
      host.await("participant_joined");
      // Racing sockets that join after the kick make the link a participant again for a moment;
      // what the room's REST list says at the end is what this test checks.
      host.allow("participant_joined", "participant_left");

      // Reconnects started just before the kick: admitted before the revocation is stored, some
      // join the room after the kick.
      List<Future<ControlClient>> racing = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // One that joined before the revocation was stored got its welcome.
        racing.add(reconnecting.submit(() -> room.control(room.candidate()).allow("welcome")));
      }
      host.send("{\"type\":\"kick\",\"participantId\":\"" + guestId + "\"}");
      YClient.Close kicked = guest.awaitClose();
      assertThat(kicked.code()).isEqualTo(4403);
      assertThat(kicked.reason()).startsWith("kicked:");
      try (ControlClient again = room.control(room.candidate())) {
        YClient.Close refused = again.awaitClose();
        assertThat(refused.code()).isEqualTo(4401);
        assertThat(refused.reason()).startsWith("token_revoked:");
        assertThat(again.drain()).as("events before the refusal").isEmpty();
      }

      // Every racing socket ends closed: kicked if it joined first, refused if it came after.
      for (Future<ControlClient> future : racing) {
        try (ControlClient client = future.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          YClient.Close close = client.awaitClose();
          assertThat(close.code() + " " + close.reason())
              .as("kicked, or refused as revoked")
              .matches("4403 kicked: .*|4401 token_revoked: .*");
        }
      }
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(room.participants())
                      .extracting(p -> p.path("role").asText())
                      .containsExactly("interviewer"));
      // And the revocation is stored, so it holds when the room loads again.
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          Http.json(
                                  new Http(server.baseUri())
                                      .get(
                                          "/api/rooms/" + room.id() + "/links",
                                          "Authorization",
                                          "Bearer " + room.interviewer().token()))
                              .path("links"))
                      .filteredOn(
                          link -> link.path("tokenId").asText().equals(room.candidate().tokenId()))
                      .singleElement()
                      .satisfies(link -> assertThat(link.path("revoked").asBoolean()).isTrue()));
    }
  }

  @Test
  void aStockClientThatOnlyOpensTheCodeIsListedAndCanBeKicked() throws Exception {
    TestRoom room = start(TestServers.config());
    try (ControlClient host = room.control(room.interviewer());
        YClient interviewer = room.code(room.interviewer());
        YClient observer = room.code(room.observer());
        NodePeer stock =
            NodePeer.start(server.baseUri(), room.id(), room.candidate().token(), 7, 100_000, 50)) {
      host.await("welcome");
      stock.await("synced", WAIT);
      JsonNode joined = awaitJoined(host, "candidate");
      assertThat(joined.path("name").asText()).isEqualTo("Candidate");
      assertThat(room.participants())
          .extracting(p -> p.path("id").asText())
          .contains(joined.path("id").asText());
      await().atMost(WAIT).until(() -> !observer.text().isEmpty());

      host.send("{\"type\":\"kick\",\"participantId\":\"" + joined.path("id").asText() + "\"}");
      JsonNode kicked = stock.await("closed", WAIT);
      assertThat(kicked.path("code").asInt()).isEqualTo(4403);
      assertThat(kicked.path("reason").asText()).startsWith("kicked:");
      assertThat(awaitLeft(host)).isEqualTo(joined.path("id").asText());
      // The stock client gives up after a 44xx close; a new one on the same link is refused.
      try (NodePeer again =
          NodePeer.start(server.baseUri(), room.id(), room.candidate().token(), 8, 0, 50)) {
        JsonNode refused = again.await("closed", WAIT);
        assertThat(refused.path("code").asInt()).isEqualTo(4401);
        assertThat(refused.path("reason").asText()).startsWith("token_revoked:");
      }

      interviewer.insert(0, "<m1>");
      await().atMost(WAIT).until(() -> observer.text().startsWith("<m1>"));
      String seen = observer.text();
      long editsThen = stock.report().path("edits").asLong();
      await().atMost(WAIT).until(() -> stock.report().path("edits").asLong() >= editsThen + 10);
      interviewer.insert(0, "<m2>");
      await().atMost(WAIT).until(() -> observer.text().startsWith("<m2>"));
      assertThat(observer.text()).as("the kicked client's later edits").isEqualTo("<m2>" + seen);
    }
  }

  /** The next participant_joined of this role, skipping other events. */
  private static JsonNode awaitJoined(ControlClient host, String role) throws Exception {
    while (true) {
      JsonNode participant = host.await("participant_joined").path("participant");
      if (participant.path("role").asText().equals(role)) {
        return participant;
      }
    }
  }

  private static String awaitLeft(ControlClient host) throws Exception {
    return host.await("participant_left").path("participantId").asText();
  }
}
