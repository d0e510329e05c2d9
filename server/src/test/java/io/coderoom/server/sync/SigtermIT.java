package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while participants are connected and one of them is typing: the server closes their
 * sockets and writes every edit it took before it exits, including those that came while it was
 * stopping, so a restarted server has everything it broadcast, with the room's candidate lock,
 * problem and language as they were.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SigtermIT {
  private static final int LINES = 150;

  @TempDir Path logs;

  @Test
  void aSigtermWithOpenSocketsAndUnsavedEditsLosesNothingAndTheRoomComesBackAsItWas()
      throws Exception {
    TestRoom room;
    String broadcast;
    String text;
    try (ServerProcess first = new ServerProcess(logs.resolve("first.log"))) {
      first.start();
      room = TestRoom.create(first.uri(), "Sigterm", "");
      // The control sockets first, so each link joins with them and its document socket adds
      // no event.
      RoomConsoles consoles = RoomConsoles.open(room);
      try (YClient host = room.code(room.interviewer());
          YClient guest = room.code(room.candidate());
          YClient reader = room.code(room.observer())) {
        host.awaitSynced();
        guest.awaitSynced();
        reader.awaitSynced();
        try {
          // Every setting away from the room's defaults (python, no problem, unlocked).
          consoles.host().send("{\"type\":\"set_problem\",\"problemId\":\"reverse-words\"}");
          for (ControlClient client : consoles.all()) {
            assertThat(expect(client, "problem_changed").path("problem").path("id").asText())
                .isEqualTo("reverse-words");
            // Its hints as they stand follow the problem (none revealed yet).
            assertThat(expect(client, "hints").path("hints").path("total").asInt()).isEqualTo(3);
          }
          consoles.host().send("{\"type\":\"set_language\",\"language\":\"go\"}");
          for (ControlClient client : consoles.all()) {
            assertThat(expect(client, "language_changed").path("language").asText())
                .isEqualTo("go");
          }
          // The candidate types before the lock; the interviewer types on after it.
          for (int i = 0; i < LINES; i++) {
            guest.insert(guest.text().length(), "guest " + i + "\n");
          }
          await().atMost(Duration.ofSeconds(20)).until(() -> reader.text().contains("guest 149\n"));
          consoles.host().send("{\"type\":\"lock\"}");
          for (ControlClient client : consoles.all()) {
            assertThat(expect(client, "lock_changed").path("candidateLocked").asBoolean()).isTrue();
          }
        } finally {
          consoles.close();
        }
        // The control sockets are closed; the three document sockets stay open through the
        // signal, and the interviewer goes on typing while the server stops.
        AtomicInteger typed = new AtomicInteger();
        Thread typing =
            Thread.ofVirtual()
                .start(
                    () -> {
                      for (int i = 0; !host.closed.isDone(); i++) {
                        host.insert(host.text().length(), "host " + i + "\n");
                        typed.set(i + 1);
                        try {
                          Thread.sleep(8); // fast typing, under the socket's message rate limit
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    });
        await().atMost(Duration.ofSeconds(20)).until(() -> reader.text().contains("host 100\n"));
        // The signal comes while lines are still being typed, so some are in flight.
        int typedBefore = typed.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> typed.get() > typedBefore);
        assertThat(first.terminate()).as("128 + SIGTERM: a clean exit").isEqualTo(143);
        for (YClient client : new YClient[] {host, guest, reader}) {
          assertThat(client.closed.get(10, TimeUnit.SECONDS).code())
              .as("the server told the socket to reconnect (a closing handshake, not a cut)")
              .isEqualTo(1012);
        }
        typing.join(Duration.ofSeconds(10));
        // What the server broadcast before it closed the reader's socket, it had taken.
        broadcast = reader.text();
      }
      assertThat(first.log()).contains("msg=\"stopped\"").doesNotContain("LEAK:");
    }
    for (int i = 0; i < LINES; i++) {
      assertThat(broadcast).contains("guest " + i + "\n");
    }
    assertThat(broadcast).contains("host 100\n");

    try (ServerProcess second = new ServerProcess(logs.resolve("second.log"))) {
      second.start();
      TestRoom again =
          new TestRoom(
              second.uri(), room.id(), room.interviewer(), room.candidate(), room.observer());
      try (ControlClient watcher = again.control(again.observer());
          YClient fresh = again.code(again.observer())) {
        JsonNode welcome = expect(watcher, "welcome").path("room");
        assertThat(welcome.path("language").asText()).isEqualTo("go");
        assertThat(welcome.path("candidateLocked").asBoolean()).isTrue();
        assertThat(welcome.path("problem").path("id").asText()).isEqualTo("reverse-words");
        fresh.awaitSynced();
        text = fresh.text();
        // The interviewer's lines came in order: both are prefixes of what was typed, and the
        // stored one holds at least everything broadcast.
        assertThat(text).startsWith(broadcast);
      }
      // The lock holds after the restart: the candidate's edit is refused, the room unchanged.
      try (YClient guest = again.code(again.candidate());
          YClient host = again.code(again.interviewer())) {
        guest.awaitSynced();
        host.awaitSynced();
        guest.insert(0, "locked out\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> !guest.denials.isEmpty());
        assertThat(guest.denials.get(0)).isEqualTo("Editing is locked by the interviewer.");
        host.insert(host.text().length(), "marker\n");
        try (YClient late = again.code(again.observer())) {
          late.awaitSynced();
          await().atMost(Duration.ofSeconds(10)).until(() -> late.text().endsWith("marker\n"));
          assertThat(late.text()).isEqualTo(text + "marker\n");
        }
      }
    }
  }
}
