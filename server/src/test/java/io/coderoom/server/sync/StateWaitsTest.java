package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StateWaitsTest {
  @Test
  void aStateIsHeldWhenEveryClientHasAtLeastItsClock() {
    assertThat(StateWaits.holds(Map.of(1L, 5L, 2L, 3L), Map.of(1L, 5L))).isTrue();
    assertThat(StateWaits.holds(Map.of(1L, 5L), Map.of())).isTrue();
    assertThat(StateWaits.holds(Map.of(1L, 4L), Map.of(1L, 5L))).isFalse();
    assertThat(StateWaits.holds(Map.of(1L, 5L), Map.of(1L, 5L, 2L, 1L))).isFalse();
  }

  @Test
  void aWaitCompletesWithTheChangeThatBringsItsStateAndNotBefore() {
    StateWaits waits = new StateWaits();
    Map<Long, Long> have = new HashMap<>(Map.of(1L, 2L));
    assertThat(waits.until(Map.of(1L, 2L), have)).isDone();

    CompletableFuture<Void> wait = waits.until(Map.of(1L, 3L, 2L, 1L), have);
    have.put(1L, 3L);
    waits.changed(() -> have);
    assertThat(wait).isNotDone();
    have.put(2L, 1L);
    waits.changed(() -> have);
    assertThat(wait).isCompleted();
  }

  @Test
  void aWaitGivenUpIsDroppedAndDocumentChangesCostNothingWithoutWaits() {
    StateWaits waits = new StateWaits();
    CompletableFuture<Void> wait = waits.until(Map.of(1L, 9L), Map.of());
    wait.cancel(false);
    waits.changed(Map::of);
    waits.changed(
        () -> {
          throw new AssertionError("the state is computed only for a wait");
        });
  }
}
