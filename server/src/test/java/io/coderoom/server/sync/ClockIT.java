package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.Http;
import io.coderoom.server.ServerProcess;
import io.coderoom.server.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interview's clock is the server's: interviewers start, pause, extend and resume it, everyone
 * hears each change, and it survives a kill -9 of the server (each change is stored before it is
 * announced), still counting while the server was down.
 */
class ClockIT {
  @TempDir Path logs;

  @Test
  void theClockIsSharedStoredAndSurvivesAKill() throws Exception {
    try (ServerProcess server = new ServerProcess(logs.resolve("server.log"))) {
      server.start();
      JsonNode room =
          Http.json(
              new Http(server.uri())
                  .post(
                      "/api/rooms",
                      "{\"title\":\"Clocked\",\"language\":\"python\",\"problemId\":\"two-sum\"}",
                      "Authorization",
                      "Bearer " + TestServers.API_KEY));
      String roomId = room.path("id").asText();
      String interviewer = token(room, "interviewer");
      String candidate = token(room, "candidate");
      String observer = token(room, "observer");
      long estimateMs;
      long pausedElapsed;
      long resumedAt;
      try (ControlClient host = connect(server, roomId, interviewer);
          ControlClient guest = connect(server, roomId, candidate);
          ControlClient watcher = connect(server, roomId, observer)) {
        JsonNode welcome = host.await("welcome");
        assertThat(welcome.at("/clock/status").asText()).isEqualTo("idle");
        estimateMs =
            Duration.ofMinutes(welcome.at("/room/problem/timeEstimateMinutes").asLong()).toMillis();
        guest.await("welcome");
        watcher.await("welcome");

        watcher.send("{\"type\":\"clock_start\"}");
        assertThat(watcher.await("error").path("message").asText())
            .isEqualTo("Only an interviewer may control the clock.");
        host.send("{\"type\":\"clock_pause\"}");
        assertThat(host.await("error").path("code").asText()).isEqualTo("clock_not_running");

        host.send("{\"type\":\"clock_start\"}");
        for (ControlClient client : new ControlClient[] {host, guest, watcher}) {
          JsonNode started = awaitClock(client, "started");
          assertThat(started.at("/clock/status").asText()).isEqualTo("running");
          assertThat(started.at("/clock/durationMs").asLong()).isEqualTo(estimateMs);
        }
        Thread.sleep(300);
        host.send("{\"type\":\"clock_pause\"}");
        JsonNode paused = awaitClock(guest, "paused");
        assertThat(paused.at("/clock/status").asText()).isEqualTo("paused");
        pausedElapsed = paused.at("/clock/elapsedMs").asLong();
        assertThat(pausedElapsed).isBetween(250L, 10_000L);
        host.send("{\"type\":\"clock_extend\",\"byMs\":300000}");
        assertThat(awaitClock(watcher, "extended").at("/clock/durationMs").asLong())
            .isEqualTo(estimateMs + 300_000);
      }

      // Paused across a kill: exactly as it was.
      server.kill();
      server.start();
      try (ControlClient guest = connect(server, roomId, candidate)) {
        JsonNode clock = guest.await("welcome").path("clock");
        assertThat(clock.path("status").asText()).isEqualTo("paused");
        assertThat(clock.path("elapsedMs").asLong()).isEqualTo(pausedElapsed);
        assertThat(clock.path("durationMs").asLong()).isEqualTo(estimateMs + 300_000);
      }

      // Running across a kill: it went on counting while the server was down.
      try (ControlClient host = connect(server, roomId, interviewer)) {
        host.await("welcome");
        host.send("{\"type\":\"clock_resume\"}");
        resumedAt = System.currentTimeMillis();
        assertThat(awaitClock(host, "resumed").at("/clock/status").asText()).isEqualTo("running");
      }
      server.kill();
      Thread.sleep(1_000);
      server.start();
      try (ControlClient watcher = connect(server, roomId, observer)) {
        JsonNode welcome = watcher.await("welcome");
        JsonNode clock = welcome.path("clock");
        assertThat(clock.path("status").asText()).isEqualTo("running");
        long runningFor = clock.path("elapsedMs").asLong() - pausedElapsed;
        assertThat(runningFor)
            .isGreaterThanOrEqualTo(1_000)
            .isLessThanOrEqualTo(System.currentTimeMillis() - resumedAt + 1_000);
        assertThat(clock.path("at").asLong())
            .isCloseTo(
                welcome.path("serverTime").asLong(), org.assertj.core.data.Offset.offset(1_000L));
      }
    }
  }

  private static ControlClient connect(ServerProcess server, String roomId, String token)
      throws Exception {
    return ControlClient.connect(server.uri(), roomId, token, "")
        .allow("participant_joined", "participant_left", "clock_changed");
  }

  /** The next clock change of this kind (earlier ones this client heard are passed over). */
  private static JsonNode awaitClock(ControlClient client, String action) throws Exception {
    while (true) {
      JsonNode changed = client.await("clock_changed");
      if (changed.path("action").asText().equals(action)) {
        return changed;
      }
    }
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
