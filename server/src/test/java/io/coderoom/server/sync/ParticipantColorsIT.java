package io.coderoom.server.sync;

import static io.coderoom.server.sync.RoomConsoles.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person's colour: the server gives each participant (a link, with all its tabs) one colour of
 * the palette, the same on their chip ({@code color} in {@code welcome} and {@code
 * participant_joined}) and on the cursor of every tab of theirs (awareness {@code user.color}), and
 * different people get different colours.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParticipantColorsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CoderoomServer server;
  private TestRoom room;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    room = TestRoom.create(server.baseUri(), "Colours");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void twoTabsOfOneLinkAreOnePersonWithOneColourOnTheirChipAndBothCursors() throws Exception {
    try (ControlClient host = room.control(room.interviewer());
        YClient hostCode = room.code(room.interviewer())) {
      JsonNode hostWelcome = expect(host, "welcome");
      String hostId = hostWelcome.path("you").path("id").asText();
      int hostColor = hostWelcome.path("you").path("color").asInt(-1);
      assertThat(hostColor).isBetween(0, ParticipantColors.PALETTE.size() - 1);
      hostCode.awaitSynced();

      try (YClient firstTab = room.code(room.candidate());
          ControlClient firstConsole = room.control(room.candidate());
          YClient secondTab = room.code(room.candidate());
          ControlClient secondConsole = room.control(room.candidate())) {
        // The candidate's two tabs: one participant, announced once, with one colour.
        JsonNode joined = expect(host, "participant_joined").path("participant");
        String candidateId = joined.path("id").asText();
        int candidateColor = joined.path("color").asInt(-1);
        assertThat(joined.path("role").asText()).isEqualTo("candidate");
        assertThat(candidateColor).isBetween(0, 7).isNotEqualTo(hostColor);
        for (ControlClient console : List.of(firstConsole, secondConsole)) {
          JsonNode welcome = expect(console, "welcome");
          assertThat(welcome.path("you").path("id").asText()).isEqualTo(candidateId);
          assertThat(welcome.path("you").path("color").asInt()).isEqualTo(candidateColor);
          assertThat(colorsById(welcome.path("participants")))
              .containsExactlyInAnyOrder(
                  hostId + "=" + hostColor, candidateId + "=" + candidateColor);
        }

        try (ControlClient watcher = room.control(room.observer())) {
          JsonNode watcherWelcome = expect(watcher, "welcome");
          String watcherId = watcherWelcome.path("you").path("id").asText();
          int watcherColor = watcherWelcome.path("you").path("color").asInt(-1);
          assertThat(watcherColor).isBetween(0, 7).isNotIn(hostColor, candidateColor);
          for (ControlClient console : List.of(host, firstConsole, secondConsole)) {
            JsonNode participant = expect(console, "participant_joined").path("participant");
            assertThat(participant.path("color").asInt()).isEqualTo(watcherColor);
          }

          // Each tab claims a colour of its own; everyone sees both cursors in the chip's colour.
          firstTab.awaitSynced();
          secondTab.awaitSynced();
          firstTab.setPresence("{\"user\":{\"name\":\"tab 1\",\"color\":\"#000000\"},\"tab\":1}");
          secondTab.setPresence("{\"user\":{\"name\":\"tab 2\",\"color\":\"#ffffff\"},\"tab\":2}");
          hostCode.setPresence("{\"user\":{\"name\":\"host\",\"color\":\"#f778ba\"},\"tab\":0}");
          long first = firstTab.clientId();
          long second = secondTab.clientId();
          assertThat(first).isNotEqualTo(second);
          await().atMost(WAIT).until(() -> state(hostCode, first).has("tab"));
          await().atMost(WAIT).until(() -> state(hostCode, second).has("tab"));
          await().atMost(WAIT).until(() -> state(secondTab, first).has("tab"));
          await().atMost(WAIT).until(() -> state(firstTab, hostCode.clientId()).has("tab"));
          String candidateHex = ParticipantColors.PALETTE.get(candidateColor);
          for (long tab : new long[] {first, second}) {
            assertThat(state(hostCode, tab).path("user").path("color").asText())
                .as("cursor of tab %d", tab)
                .isEqualTo(candidateHex);
          }
          assertThat(state(secondTab, first).path("user").path("color").asText())
              .isEqualTo(candidateHex);
          assertThat(state(firstTab, hostCode.clientId()).path("user").path("color").asText())
              .isEqualTo(ParticipantColors.PALETTE.get(hostColor));

          // The REST list agrees.
          assertThat(colorsById(room.participants()))
              .containsExactlyInAnyOrder(
                  hostId + "=" + hostColor,
                  candidateId + "=" + candidateColor,
                  watcherId + "=" + watcherColor);
        }
        for (ControlClient console : List.of(host, firstConsole, secondConsole)) {
          expect(console, "participant_left");
        }
      }
    }
  }

  @Test
  void aColourIsKeptWhileItsParticipantStaysAndFreedWhenTheyLeave() throws Exception {
    try (ControlClient host = room.control(room.interviewer())) {
      int hostColor = expect(host, "welcome").path("you").path("color").asInt();
      int candidateColor;
      try (ControlClient guest = room.control(room.candidate())) {
        candidateColor = expect(guest, "welcome").path("you").path("color").asInt();
        assertThat(expect(host, "participant_joined").path("participant").path("color").asInt())
            .isEqualTo(candidateColor);
      }
      expect(host, "participant_left");
      // The candidate's colour is free again; the host kept theirs all along.
      try (ControlClient watcher = room.control(room.observer())) {
        JsonNode welcome = expect(watcher, "welcome");
        assertThat(welcome.path("you").path("color").asInt()).isEqualTo(candidateColor);
        expect(host, "participant_joined");
        assertThat(colorsById(welcome.path("participants")))
            .contains(participantId(host, welcome) + "=" + hostColor);
      }
    }
  }

  /** The host's participant id as another's welcome lists it (the only interviewer). */
  private static String participantId(ControlClient host, JsonNode welcome) {
    for (JsonNode participant : welcome.path("participants")) {
      if (participant.path("role").asText().equals("interviewer")) {
        return participant.path("id").asText();
      }
    }
    throw new AssertionError("no interviewer in " + welcome);
  }

  private static List<String> colorsById(JsonNode participants) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode participant : participants) {
      pairs.add(participant.path("id").asText() + "=" + participant.path("color").asInt(-1));
    }
    return pairs;
  }

  private static JsonNode state(YClient client, long clientId) throws Exception {
    String json = client.presences().get(clientId);
    return json == null ? JSON.missingNode() : JSON.readTree(json);
  }
}
