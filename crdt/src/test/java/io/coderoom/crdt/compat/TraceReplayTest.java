package io.coderoom.crdt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.Updates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the five editing traces in Java: the final text must equal {@code endContent}, and the
 * encoded documents must equal those Yjs makes by the same replay (test-tools/traces.mjs).
 */
class TraceReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"automerge-paper", "sveltecomponent", "rustcode"})
  void sequentialTraceMatchesEndContentAndYjsBytes(String name) throws UpdateException {
    Map<String, Object> trace = Traces.load(name);
    String end = (String) trace.get("endContent");
    Doc doc = TraceReplay.replaySequential(TraceReplay.sequentialTxns(trace), 1);
    String text = doc.getText("text").toString();
    assertThat(text.length()).as(name + " length").isEqualTo(end.length());
    assertThat(text).as(name + " final text").isEqualTo(end);

    @SuppressWarnings("unchecked")
    Map<String, Object> ref =
        (Map<String, Object>)
            YjsHarness.shared()
                .call("replaySequentialTrace", "path", Traces.path(name).toString(), "clientId", 1);
    assertThat(ref.get("matches")).as("Yjs replays " + name).isEqualTo(true);
    byte[] yjsUpdate = YjsHarness.decode((String) ref.get("update"));
    byte[] javaUpdate = doc.encodeStateAsUpdate();
    Peer.assertSameBytes(name + " encoded state", javaUpdate, yjsUpdate);
    Peer.assertSameBytes(
        name + " state vector",
        doc.encodeStateVector(),
        YjsHarness.decode((String) ref.get("stateVector")));
    Peer.assertSameBytes(
        name + " state vector from update",
        Updates.stateVectorFromUpdate(javaUpdate),
        YjsHarness.decode((String) ref.get("stateVector")));

    // Loading Yjs's encoding gives the same text and re-encodes to the same bytes.
    Doc loaded = Doc.builder().clientId(99).build();
    loaded.applyUpdate(yjsUpdate);
    assertThat(loaded.getText("text").toString()).isEqualTo(end);
    Peer.assertSameBytes(name + " re-encoded", loaded.encodeStateAsUpdate(), yjsUpdate);
  }

  @ParameterizedTest
  @ValueSource(strings = {"friendsforever", "clownschool"})
  void concurrentTraceConvergesToEndContentAndYjsBytes(String name) throws UpdateException {
    Map<String, Object> trace = Traces.load(name);
    String end = (String) trace.get("endContent");
    int agents = ((Number) trace.get("numAgents")).intValue();
    List<Doc> docs = TraceReplay.replayConcurrent(TraceReplay.concurrentTxns(trace), agents);
    List<?> ref =
        (List<?>)
            YjsHarness.shared().call("replayConcurrentTrace", "path", Traces.path(name).toString());
    assertThat(ref).hasSize(agents);
    for (int a = 0; a < agents; a++) {
      Doc doc = docs.get(a);
      assertThat(doc.getText("text").toString()).as(name + " agent " + a + " text").isEqualTo(end);
      Map<String, Object> r = JavaOps.map(ref.get(a));
      assertThat(r.get("matches")).as("Yjs replays " + name).isEqualTo(true);
      Peer.assertSameBytes(
          name + " agent " + a + " state vector",
          doc.encodeStateVector(),
          YjsHarness.decode((String) r.get("stateVector")));
      Peer.assertSameBytes(
          name + " agent " + a + " encoded state",
          doc.encodeStateAsUpdate(),
          YjsHarness.decode((String) r.get("update")));
    }
  }
}
