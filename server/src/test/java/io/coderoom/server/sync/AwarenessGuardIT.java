package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.crdt.encoding.Lib0Writer;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Awareness (cursors and names) tried as a hostile participant would: a flood of foreign client ids
 * from an observer, relabeling or removing someone else's cursor, claiming another name, and states
 * past the limits. Each is refused whole, and what others see stays what the server knows.
 */
@ExtendWith(NettyLeakGuard.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AwarenessGuardIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The attack measured on the crdt module: 20 messages of about 95,000 new client ids each. */
  private static final int FLOOD_MESSAGES = 20;

  private static final int FLOOD_CLIENTS = 95_000;
  private static final long ALLOWED_HEAP_GROWTH_BYTES = 16L << 20;

  private CoderoomServer server;
  private TestRoom room;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    room = TestRoom.create(server.baseUri(), "Awareness");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anObserversFloodOfForeignClientIdsIsRefusedAndKeepsNothing() throws Exception {
    try (YClient interviewer = room.code(room.interviewer())) {
      interviewer.awaitSynced();
      floodOnce(interviewer, -1); // warms up the paths measured below
      long before = settledHeap();
      int refused = 0;
      for (int i = 0; i < FLOOD_MESSAGES; i++) {
        refused += floodOnce(interviewer, i);
      }
      long after = settledHeap();
      System.out.printf(
          "awareness flood: retained heap %.1f MB before, %.1f MB after %d messages of %d client"
              + " ids (%d KB each)%n",
          before / 1e6, after / 1e6, FLOOD_MESSAGES, FLOOD_CLIENTS, flood(0).length / 1024);
      assertThat(refused).as("flood messages refused").isEqualTo(FLOOD_MESSAGES);
      assertThat(after - before).as("heap growth in bytes").isLessThan(ALLOWED_HEAP_GROWTH_BYTES);
      assertThat(others(interviewer)).isEmpty();
    }
  }

  /**
   * One flood message from a fresh observer socket, then a state of its own: once the server echoes
   * that back, it has handled the flood, and its answer to it has arrived. Returns 1 when the flood
   * was refused.
   */
  private int floodOnce(YClient interviewer, int round) throws Exception {
    try (YClient observer = room.code(room.observer())) {
      observer.awaitSynced();
      long observerId = observer.clientId();
      observer.sendRaw(SyncProtocol.awareness(flood(round)));
      observer.sendRaw(SyncProtocol.awareness(entry(observerId, 5, "{\"round\":" + round + "}")));
      await()
          .atMost(WAIT)
          .until(() -> state(observer, observerId).path("round").asInt(-2) == round);
      await()
          .atMost(WAIT)
          .until(() -> state(interviewer, observerId).path("round").asInt(-2) == round);
      return observer.denials.stream().anyMatch(d -> d.startsWith("Permission denied")) ? 1 : 0;
    } finally {
      await().atMost(WAIT).until(() -> others(interviewer).isEmpty());
    }
  }

  /** An awareness update with {@link #FLOOD_CLIENTS} new client ids and null states. */
  private static byte[] flood(int round) {
    Lib0Writer update = new Lib0Writer();
    update.writeVarUint(FLOOD_CLIENTS);
    long first = 1_000_000L + (round + 1L) * FLOOD_CLIENTS;
    for (long client = first; client < first + FLOOD_CLIENTS; client++) {
      update.writeVarUint(client);
      update.writeVarUint(1);
      update.writeVarString("null");
    }
    return update.toByteArray();
  }

  @Test
  void anotherParticipantsCursorCannotBeRelabeledOrRemoved() throws Exception {
    try (YClient interviewer = room.code(room.interviewer());
        YClient candidate = room.code(room.candidate());
        YClient observer = room.code(room.observer())) {
      candidate.awaitSynced();
      observer.awaitSynced();
      candidate.setPresence("{\"user\":{\"name\":\"Ada\",\"color\":\"#3fb950\"},\"step\":1}");
      long candidateId = candidate.clientId();
      await().atMost(WAIT).until(() -> state(interviewer, candidateId).path("step").asInt() == 1);

      observer.sendRaw(
          SyncProtocol.awareness(entry(candidateId, 1_000, "{\"user\":{\"name\":\"Mallory\"}}")));
      observer.sendRaw(SyncProtocol.awareness(entry(candidateId, 1_001, "null")));
      // At the current clock a removal is what stock clients echo: dropped, not applied.
      observer.sendRaw(SyncProtocol.awareness(entry(candidateId, 1, "null")));
      long observerId = observer.clientId();
      observer.sendRaw(SyncProtocol.awareness(entry(observerId, 5, "{\"marker\":1}")));
      await().atMost(WAIT).until(() -> state(observer, observerId).has("marker"));
      await().atMost(WAIT).until(() -> state(interviewer, observerId).has("marker"));
      assertThat(state(interviewer, candidateId).path("step").asInt()).isEqualTo(1);
      assertThat(state(interviewer, candidateId).path("user").path("name").asText())
          .isEqualTo("Candidate");
      assertThat(observer.denials)
          .containsExactly(
              "Permission denied: awareness of client " + candidateId + " is someone else's.",
              "Permission denied: awareness of client " + candidateId + " is someone else's.");

      // The candidate's next state (a lower clock than the forged ones) still reaches everyone:
      // nothing of the forgery was taken anywhere.
      candidate.setPresence("{\"user\":{\"name\":\"Ada\",\"color\":\"#3fb950\"},\"step\":2}");
      await().atMost(WAIT).until(() -> state(interviewer, candidateId).path("step").asInt() == 2);
      await().atMost(WAIT).until(() -> state(observer, candidateId).path("step").asInt() == 2);
      assertThat(state(interviewer, candidateId).path("user").path("name").asText())
          .isEqualTo("Candidate");
    }
  }

  @Test
  void othersSeeTheNameRoleAndColourTheServerKnowsNotTheOnesClaimed() throws Exception {
    TestRoom.Link named = room.issue("candidate", "Ada Lovelace");
    try (YClient interviewer = room.code(room.interviewer());
        YClient candidate = room.code(named)) {
      candidate.awaitSynced();
      candidate.setPresence(
          "{\"user\":{\"name\":\"CEO\",\"role\":\"interviewer\",\"color\":\"#f0883e\","
              + "\"title\":\"CEO\"},\"cursor\":null}");
      long candidateId = candidate.clientId();
      await().atMost(WAIT).until(() -> interviewer.presences().containsKey(candidateId));
      JsonNode seen = state(interviewer, candidateId);
      // The interviewer came first and has the palette's first colour; the candidate the next.
      assertThat(seen.path("user"))
          .isEqualTo(
              JSON.readTree(
                  "{\"name\":\"Ada Lovelace\",\"role\":\"candidate\",\"color\":\"#3fb950\"}"));
      assertThat(seen.has("cursor")).isTrue();
    }
  }

  @Test
  void aSocketPublishesForAFewClientsOfItsOwnAndSmallStatesOnly() throws Exception {
    try (YClient interviewer = room.code(room.interviewer());
        YClient candidate = room.code(room.candidate())) {
      candidate.awaitSynced();
      for (long client = 1; client <= DocumentAwareness.MAX_CLIENTS_PER_SOCKET; client++) {
        candidate.sendRaw(SyncProtocol.awareness(entry(client, 1, "{\"n\":" + client + "}")));
      }
      await()
          .atMost(WAIT)
          .until(() -> others(interviewer).size() == DocumentAwareness.MAX_CLIENTS_PER_SOCKET);
      candidate.sendRaw(SyncProtocol.awareness(entry(99, 1, "{\"n\":99}")));
      String big = "{\"pad\":\"" + "x".repeat(DocumentAwareness.MAX_STATE_BYTES) + "\"}";
      candidate.sendRaw(SyncProtocol.awareness(entry(1, 2, big)));
      await().atMost(WAIT).until(() -> candidate.denials.size() == 2);
      assertThat(candidate.denials.get(0))
          .isEqualTo(
              "Permission denied: a connection may publish awareness for at most 4 client ids of"
                  + " its own.");
      assertThat(candidate.denials.get(1))
          .isEqualTo("Permission denied: an awareness state may have at most 4096 bytes.");
      // Its own clients still update, and the refused ones changed nothing.
      candidate.sendRaw(SyncProtocol.awareness(entry(1, 3, "{\"n\":\"again\"}")));
      await().atMost(WAIT).until(() -> state(interviewer, 1).path("n").asText().equals("again"));
      assertThat(others(interviewer)).doesNotContainKey(99L);
    }
  }

  private static byte[] entry(long client, long clock, String json) {
    Lib0Writer update = new Lib0Writer();
    update.writeVarUint(1);
    update.writeVarUint(client);
    update.writeVarUint(clock);
    update.writeVarString(json);
    return update.toByteArray();
  }

  /** The states a client knows of other clients (its own is always there). */
  private static java.util.Map<Long, String> others(YClient client) {
    java.util.Map<Long, String> states = new java.util.HashMap<>(client.presences());
    states.remove(client.clientId());
    return states;
  }

  private static JsonNode state(YClient client, long clientId) throws Exception {
    String json = client.presences().get(clientId);
    return json == null ? JSON.missingNode() : JSON.readTree(json);
  }

  private static long settledHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200); // a measurement: lets concurrent collection finish between readings
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
