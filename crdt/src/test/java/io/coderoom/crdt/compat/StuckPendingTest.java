package io.coderoom.crdt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A history after which Yjs keeps structs pending although every update arrived
 * (test-tools/golden/stuck-pending.json, found by ConvergenceTest). Java must reproduce it byte for
 * byte (it is what Yjs peers hold and send), and the remedy a server can use must work: applying
 * the document's own encoded state, which carries the pending structs, integrates them.
 */
class StuckPendingTest {

  @Test
  void javaMatchesYjsWhileStuckAndHealsByReapplyingItsOwnState()
      throws IOException, UpdateException {
    Map<String, Object> fixture =
        JavaOps.map(
            Json.parse(
                Files.readString(
                    YjsHarness.testToolsDir().resolve("golden/stuck-pending.json"),
                    StandardCharsets.UTF_8)));
    List<?> steps = (List<?>) fixture.get("steps");
    Map<String, Object> first = JavaOps.map(steps.getFirst());
    YjsHarness yjs = YjsHarness.shared();
    yjs.call("reset");
    Peer.JavaPeer peer =
        new Peer.JavaPeer(
            "stuck", yjs, ((Number) first.get("clientId")).longValue(), (Boolean) first.get("gc"));
    for (Object o : steps.subList(1, steps.size())) {
      Map<String, Object> step = JavaOps.map(o);
      if (step.containsKey("transact")) {
        peer.transact(List.copyOf((List<?>) step.get("transact")));
      } else {
        peer.apply(List.of(YjsHarness.decode((String) step.get("applyUpdate"))));
      }
    }
    byte[] stuckSv = peer.stateVector(); // equal to the twin's
    byte[] stuckState = peer.state(); // pending structs included, equal to the twin's
    assertThat(peer.describe()).isEqualTo(peer.twinDescribe());

    peer.apply(List.of(stuckState)); // the twin does the same: both heal
    byte[] healedSv = peer.stateVector();
    assertThat(Peer.hex(healedSv)).isNotEqualTo(Peer.hex(stuckSv));
    // Nothing is pending any more: a fresh document from the healed state has the same vector.
    Doc fresh = Doc.builder().clientId(1).build();
    fresh.applyUpdate(peer.state());
    assertThat(Peer.hex(fresh.encodeStateVector())).isEqualTo(Peer.hex(healedSv));
    assertThat(peer.describe()).isEqualTo(peer.twinDescribe());
  }

  @Test
  void retryPendingHealsLikeReapplyingTheOwnStateAndDiscardsWhatNeedsTooMuchWork()
      throws IOException, UpdateException {
    Doc selfApplied = replayFixture();
    Doc retried = replayFixture();
    Doc starved = replayFixture();
    assertThat(selfApplied.hasPending()).isTrue();
    byte[] stuckSv = starved.encodeStateVector();
    Object stuckContent = JavaOps.describe(starved, RandomOps.ROOTS);

    selfApplied.applyUpdate(selfApplied.encodeStateAsUpdate());
    assertThat(retried.retryPending(Doc.DEFAULT_WORK_LIMIT)).isTrue();
    assertThat(retried.hasPending()).isFalse();
    Peer.assertSameBytes(
        "state after retryPending",
        retried.encodeStateAsUpdate(),
        selfApplied.encodeStateAsUpdate());
    assertThat(JavaOps.describe(retried, RandomOps.ROOTS))
        .isEqualTo(JavaOps.describe(selfApplied, RandomOps.ROOTS));

    // Integrating them splits an item, which is work: with none allowed they are discarded.
    assertThat(starved.retryPending(0)).isFalse();
    assertThat(starved.hasPending()).isFalse();
    Peer.assertSameBytes("state vector", starved.encodeStateVector(), stuckSv);
    assertThat(JavaOps.describe(starved, RandomOps.ROOTS)).isEqualTo(stuckContent);
  }

  /** The fixture's history on a plain Java document (no Yjs twin). */
  private static Doc replayFixture() throws IOException, UpdateException {
    List<?> steps = (List<?>) fixture().get("steps");
    Map<String, Object> first = JavaOps.map(steps.getFirst());
    Doc doc =
        Doc.builder()
            .clientId(((Number) first.get("clientId")).longValue())
            .gc((Boolean) first.get("gc"))
            .build();
    for (Object o : steps.subList(1, steps.size())) {
      Map<String, Object> step = JavaOps.map(o);
      if (step.containsKey("transact")) {
        JavaOps.transact(doc, List.copyOf((List<?>) step.get("transact")));
      } else {
        doc.applyUpdate(YjsHarness.decode((String) step.get("applyUpdate")));
      }
    }
    return doc;
  }

  private static Map<String, Object> fixture() throws IOException {
    return JavaOps.map(
        Json.parse(
            Files.readString(
                YjsHarness.testToolsDir().resolve("golden/stuck-pending.json"),
                StandardCharsets.UTF_8)));
  }
}
