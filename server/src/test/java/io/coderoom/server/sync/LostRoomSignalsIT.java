package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.PrivateRedis;
import io.coderoom.server.ServerProcess;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change stored through one instance whose signal never reached the instance holding the room
 * still closes the sockets it concerns there, soon, and only those. The owner catches up from
 * PostgreSQL when its subscription to the signals comes back after Redis was down, and, where its
 * subscription never broke but the signal was published where it does not listen, at its periodic
 * check.
 *
 * <p>Three instances on one PostgreSQL: the owner of the first rooms (in the test's JVM, periodic
 * check off, so only its subscription coming back can act), the instance changes are made through
 * (a separate process), both on a redis-server of this class's own that the tests kill and start
 * again; and an owner with a one-second check on the suite's Redis, where the other's signals never
 * arrive.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LostRoomSignalsIT {
  /** How soon after Redis is back the owner must have acted (Lettuce reconnects within ~2 s). */
  private static final Duration AFTER_REDIS_RETURNS = Duration.ofSeconds(6);

  /** How long the test waits while nothing may happen, to see that nothing does. */
  private static final Duration QUIET = Duration.ofMillis(700);

  @TempDir static Path folder;

  private static PrivateRedis redis;
  private static CoderoomServer owner;
  private static CoderoomServer checkingOwner;
  private static ServerProcess other;

  @BeforeAll
  static void start() throws Exception {
    redis = PrivateRedis.start(folder);
    owner =
        TestServers.start(
            TestServers.config()
                .with(
                    c -> {
                      c.redisUrl = redis.url();
                      c.roomCheck = Duration.ZERO;
                    }),
            InMemorySpanExporter.create());
    checkingOwner =
        TestServers.start(
            TestServers.config().with(c -> c.roomCheck = Duration.ofSeconds(1)),
            InMemorySpanExporter.create());
    other = new ServerProcess(Files.createTempFile(folder, "other-", ".log"));
    other.start(Map.of("CODEROOM_REDIS_URL", redis.url(), "CODEROOM_ROOM_CHECK_SECONDS", "0"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (other != null) {
      other.close();
    }
    for (CoderoomServer server : new CoderoomServer[] {owner, checkingOwner}) {
      if (server != null) {
        server.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aLinkRevokedWhileRedisWasDownClosesItsSocketOnceRedisIsBack() throws Exception {
    TestRoom viaOwner = TestRoom.create(owner.baseUri(), "Revoked while Redis was down", "");
    TestRoom viaOther = viaOwner.on(other.uri());
    try (YClient interviewer = viaOwner.code(viaOwner.interviewer());
        YClient candidate = viaOwner.code(viaOwner.candidate())) {
      interviewer.awaitSynced();
      candidate.awaitSynced();

      redis.kill();
      // Stored through the other instance: the call succeeds though its signal cannot be sent.
      viaOther.revoke(viaOther.candidate());
      Thread.sleep(QUIET.toMillis());
      assertThat(candidate.closed).as("closed with Redis down, so not by a signal").isNotDone();

      redis.restart();
      YClient.Close closed =
          candidate.closed.get(AFTER_REDIS_RETURNS.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(closed.code()).isEqualTo(4401);
      assertThat(closed.reason()).startsWith("token_revoked:");

      stillConnected(viaOwner, interviewer);
      publishFailedQuietly(viaOwner, "LINK_REVOKED");
    }
  }

  @Test
  void aRoomEndedWhileRedisWasDownClosesEverySocketOnceRedisIsBack() throws Exception {
    TestRoom viaOwner = TestRoom.create(owner.baseUri(), "Ended while Redis was down", "");
    try (YClient interviewer = viaOwner.code(viaOwner.interviewer());
        YClient candidate = viaOwner.code(viaOwner.candidate())) {
      interviewer.awaitSynced();
      candidate.awaitSynced();

      redis.kill();
      HttpResponse<String> ended =
          new Http(other.uri())
              .post(
                  "/api/rooms/" + viaOwner.id() + "/end",
                  "",
                  "Authorization",
                  "Bearer " + viaOwner.interviewer().token());
      assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
      Thread.sleep(QUIET.toMillis());
      assertThat(candidate.closed).as("closed with Redis down, so not by a signal").isNotDone();

      redis.restart();
      long deadline = System.nanoTime() + AFTER_REDIS_RETURNS.toNanos();
      for (YClient client : new YClient[] {candidate, interviewer}) {
        YClient.Close closed =
            client.closed.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        assertThat(closed.code()).isEqualTo(4410);
        assertThat(closed.reason()).startsWith("room_ended:");
      }
      publishFailedQuietly(viaOwner, "ENDED");
    }
  }

  @Test
  void aSignalTheOwnerNeverHeardTakesEffectAtItsPeriodicCheck() throws Exception {
    // The owner listens on another Redis than the instance the link is revoked through: its
    // subscription never breaks, and the signal never reaches it.
    TestRoom viaOwner = TestRoom.create(checkingOwner.baseUri(), "Signal never heard", "");
    TestRoom viaOther = viaOwner.on(other.uri());
    try (YClient interviewer = viaOwner.code(viaOwner.interviewer());
        YClient candidate = viaOwner.code(viaOwner.candidate())) {
      interviewer.awaitSynced();
      candidate.awaitSynced();

      viaOther.revoke(viaOther.candidate());
      // The check runs every second: closed within two, with time to spare on a loaded machine.
      YClient.Close closed = candidate.closed.get(4, TimeUnit.SECONDS);
      assertThat(closed.code()).isEqualTo(4401);
      assertThat(closed.reason()).startsWith("token_revoked:");

      // Later checks leave everyone else alone.
      Thread.sleep(2_000);
      stillConnected(viaOwner, interviewer);
    }
  }

  /** The participant whose link was not revoked is still in the room and still edits. */
  private static void stillConnected(TestRoom room, YClient interviewer) throws Exception {
    assertThat(interviewer.closed).isNotDone();
    interviewer.insert(0, "still here;");
    await().atMost(Duration.ofSeconds(10)).until(() -> room.codeText().equals("still here;"));
    assertThat(interviewer.closed).isNotDone();
  }

  /**
   * The instance the change went through logged that its signal could not be sent (so the owner
   * really never got it), and its log holds none of the room's tokens.
   */
  private static void publishFailedQuietly(TestRoom room, String kind) throws Exception {
    String log = other.log();
    assertThat(log).contains(room.id() + " could not signal " + kind);
    for (TestRoom.Link link : new TestRoom.Link[] {room.interviewer(), room.candidate()}) {
      assertThat(log).doesNotContain(link.token());
    }
  }
}
