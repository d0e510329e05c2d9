package io.coderoom.crdt.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.crdt.encoding.Lib0Writer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwarenessTest {
  /** A clock the test moves by hand. */
  private static final class ManualClock implements InstantSource {
    long millis = 1_700_000_000_000L;

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  private final ManualClock clock = new ManualClock();

  @Test
  void startsWithEmptyLocalStateAtClockZeroLikeYProtocols() {
    Awareness a = new Awareness(5, clock);
    assertThat(a.localState()).contains("{}");
    assertThat(a.meta(5)).contains(new Awareness.ClientMeta(0, clock.millis));
    a.setLocalState("{\"user\":\"ann\"}");
    assertThat(a.meta(5).orElseThrow().clock()).isEqualTo(1);
    // varUint count, client, clock, varString JSON
    assertThat(a.encodeUpdate(List.of(5L))).isEqualTo(expected(5, 1, "{\"user\":\"ann\"}"));
  }

  @Test
  void remoteStatesFollowClockRules() throws ProtocolException {
    Awareness server = new Awareness(1, clock);
    server.setLocalState(null);
    Awareness client = new Awareness(7, clock);
    client.setLocalState("{\"cursor\":3}");

    Awareness.Event added = server.applyUpdate(client.encodeUpdate(List.of(7L)), "conn");
    assertThat(added.added()).containsExactly(7L);
    assertThat(added.origin()).isEqualTo("conn");
    assertThat(server.states()).isEqualTo(Map.of(7L, "{\"cursor\":3}"));

    // An older or equal clock with a state is ignored.
    Awareness.Event stale = server.applyUpdate(expected(7, 1, "{\"cursor\":1}"), "conn");
    assertThat(stale.isEmpty()).isTrue();
    assertThat(server.states().get(7L)).isEqualTo("{\"cursor\":3}");

    // A newer clock with the same JSON is an update but not a change.
    Awareness.Event same = server.applyUpdate(expected(7, 2, "{\"cursor\":3}"), "conn");
    assertThat(same.updated()).containsExactly(7L);
    assertThat(same.changed()).isEmpty();
    assertThat(same.isChange()).isFalse();

    Awareness.Event moved = server.applyUpdate(expected(7, 3, "{\"cursor\":4}"), "conn");
    assertThat(moved.changed()).containsExactly(7L);

    // null with the current clock removes the client.
    Awareness.Event gone = server.applyUpdate(expected(7, 3, "null"), "conn");
    assertThat(gone.removed()).containsExactly(7L);
    assertThat(server.states()).doesNotContainKey(7L);
    assertThat(server.meta(7)).isPresent();
    // ... and the removal is re-encodable with the client's clock.
    assertThat(server.encodeUpdate(List.of(7L))).isEqualTo(expected(7, 3, "null"));
  }

  @Test
  void remotePeerCannotRemoveTheLocalState() throws ProtocolException {
    Awareness a = new Awareness(9, clock);
    a.setLocalState("{\"me\":true}");
    long clockBefore = a.meta(9).orElseThrow().clock();
    a.applyUpdate(expected(9, clockBefore + 1, "null"), "evil");
    assertThat(a.localState()).contains("{\"me\":true}");
    assertThat(a.meta(9).orElseThrow().clock()).isEqualTo(clockBefore + 2);
  }

  @Test
  void outdatedRemoteStatesAreRemovedAfterThirtySecondsAndLocalIsRenewed()
      throws ProtocolException {
    Awareness server = new Awareness(1, clock);
    List<Awareness.Event> events = new ArrayList<>();
    server.onUpdate(events::add);
    server.applyUpdate(expected(2, 1, "{}"), "c2");
    clock.millis += 14_999;
    server.checkOutdated();
    assertThat(server.meta(1).orElseThrow().clock()).isZero();
    clock.millis += 1;
    server.checkOutdated(); // 15 s: the local state is renewed
    assertThat(server.meta(1).orElseThrow().clock()).isEqualTo(1);
    server.applyUpdate(expected(3, 1, "{}"), "c3");
    clock.millis += 14_999;
    assertThat(server.checkOutdated().removed()).isEmpty();
    clock.millis += 1; // client 2 last seen 30 s ago
    Awareness.Event timeout = server.checkOutdated();
    assertThat(timeout.removed()).containsExactly(2L);
    assertThat(timeout.origin()).isEqualTo(Awareness.Origin.TIMEOUT);
    assertThat(server.states()).containsOnlyKeys(1L, 3L);
    assertThat(events)
        .extracting(Awareness.Event::origin)
        .contains("c2", "c3", Awareness.Origin.TIMEOUT);
  }

  @Test
  void removeStatesDropsControlledClients() throws ProtocolException {
    Awareness server = new Awareness(1, clock);
    // Like y-protocols, an unknown client at clock 0 is not taken: clocks start above what is
    // known.
    assertThat(server.applyUpdate(expected(4, 0, "{}"), "c").isEmpty()).isTrue();
    server.applyUpdate(expected(4, 1, "{}"), "c");
    Awareness.Event e = server.removeStates(List.of(4L, 99L), "closed");
    assertThat(e.removed()).containsExactly(4L);
    assertThat(server.states()).containsOnlyKeys(1L);
    server.removeStates(List.of(1L), "closed");
    assertThat(server.meta(1).orElseThrow().clock()).isEqualTo(1);
    assertThat(server.localState()).isEmpty();
  }

  @Test
  void forgetDropsTheClocksOfClientsWithoutStateSoAFloodOfIdsDoesNotStay()
      throws ProtocolException {
    Awareness server = new Awareness(1, clock);
    server.setLocalState(null);
    server.applyUpdate(expected(2, 1, "{\"cursor\":1}"), "c2");
    // A peer announces many client ids, each already removed: nothing is added or broadcast, but
    // y-protocols remembers every one of them.
    Lib0Writer flood = new Lib0Writer();
    int n = 1000;
    flood.writeVarUint(n);
    List<Long> ids = new ArrayList<>();
    for (long id = 100; id < 100 + n; id++) {
      flood.writeVarUint(id);
      flood.writeVarUint(1);
      flood.writeVarString("null");
      ids.add(id);
    }
    assertThat(server.applyUpdate(flood.toByteArray(), "c3").isEmpty()).isTrue();
    assertThat(ids).allMatch(id -> server.meta(id).isPresent());

    List<Long> asked = new ArrayList<>(ids);
    asked.add(1L); // the local client
    asked.add(2L); // has a state
    assertThat(server.forget(asked)).containsExactlyElementsOf(ids);
    assertThat(ids).allMatch(id -> server.meta(id).isEmpty());
    assertThat(server.meta(1)).isPresent();
    assertThat(server.meta(2)).isPresent();
    assertThat(server.states()).containsOnlyKeys(2L);
    assertThat(server.forget(ids)).isEmpty();

    // Once its state is removed, client 2 can be forgotten too; heard from again, it starts over.
    server.removeStates(List.of(2L), "closed");
    assertThat(server.forget(List.of(2L))).containsExactly(2L);
    assertThat(server.meta(2)).isEmpty();
    assertThat(server.encodeAllStates()).isEqualTo(new byte[] {0});
    assertThat(server.applyUpdate(expected(2, 1, "{\"cursor\":2}"), "c2").added())
        .containsExactly(2L);
  }

  @Test
  void malformedUpdatesAreRejectedWhole() {
    Awareness a = new Awareness(1, clock);
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(2);
    w.writeVarUint(2);
    w.writeVarUint(1);
    w.writeVarString("{\"ok\":1}");
    w.writeVarUint(3);
    w.writeVarUint(1);
    w.writeVarString("{not json");
    assertThatThrownBy(() -> a.applyUpdate(w.toByteArray(), "x"))
        .isInstanceOf(ProtocolException.class);
    assertThat(a.states()).containsOnlyKeys(1L);
    assertThatThrownBy(() -> a.applyUpdate(new byte[] {1, 2}, "x"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> a.applyUpdate(new byte[] {(byte) 0x80}, "x"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> a.setLocalState("{")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonCheckFollowsRfc8259() {
    for (String ok :
        List.of(
            "{}",
            " [1, -2.5e3, \"x\\u00e9\\n\", true, false, null] ",
            "\"s\"",
            "0",
            "{\"a\":{\"b\":[]}}")) {
      assertThat(JsonText.isValid(ok)).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "",
            "{",
            "[1,]",
            "{\"a\"}",
            "01",
            "1.",
            "'x'",
            "{} {}",
            "\"\u0001\"",
            "nul",
            "[\"\\x\"]")) {
      assertThat(JsonText.isValid(bad)).as(bad).isFalse();
    }
    assertThat(JsonText.isValid("[".repeat(1000) + "]".repeat(1000))).isFalse();
  }

  private static byte[] expected(long client, long clock, String json) {
    Lib0Writer w = new Lib0Writer();
    w.writeVarUint(1);
    w.writeVarUint(client);
    w.writeVarUint(clock);
    w.writeVarString(json);
    return w.toByteArray();
  }
}
