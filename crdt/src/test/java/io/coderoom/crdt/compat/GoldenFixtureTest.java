package io.coderoom.crdt.compat;

import static io.coderoom.crdt.compat.Peer.assertSameBytes;
import static io.coderoom.crdt.compat.YjsHarness.decode;
import static io.coderoom.crdt.compat.YjsHarness.decodeAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.Updates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scripted histories (test-tools/golden/scenarios.mjs) replayed in Java against the bytes Yjs
 * produced for them (test-tools/golden/golden.json, written by gen-golden.mjs): every update a
 * transaction or sync emits, the final encoded state, state vector, content and state diffs, and
 * Updates.merge / diff / stateVectorFromUpdate over Yjs's own updates.
 */
class GoldenFixtureTest {
  private static final Map<String, String> ROOTS = RandomOps.ROOTS;

  private static Map<String, Object> golden() throws IOException {
    Path file = YjsHarness.testToolsDir().resolve("golden/golden.json");
    return JavaOps.map(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
  }

  @TestFactory
  Stream<DynamicTest> scenariosMatchYjsBytes() throws IOException {
    Map<String, Object> golden = golden();
    assertThat(golden.get("yjs")).isEqualTo("13.6.33");
    List<?> scenarios = (List<?>) golden.get("scenarios");
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(13);
    return scenarios.stream()
        .map(JavaOps::map)
        .map(s -> DynamicTest.dynamicTest((String) s.get("name"), () -> replay(s)));
  }

  @Test
  void fixturesAreWhatTheReferenceYjsMakes() throws Exception {
    Path dir = YjsHarness.testTools();
    Process p =
        new ProcessBuilder(System.getProperty("crdt.node", "node"), "gen-golden.mjs", "--check")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  private static void replay(Map<String, Object> scenario) throws UpdateException {
    Map<String, Doc> docs = new LinkedHashMap<>();
    Map<String, List<byte[]>> emitted = new LinkedHashMap<>();
    JavaOps.map(scenario.get("docs"))
        .forEach(
            (name, d) -> {
              Map<String, Object> cfg = JavaOps.map(d);
              Doc doc =
                  Doc.builder()
                      .clientId(((Number) cfg.get("clientId")).longValue())
                      .gc((Boolean) cfg.get("gc"))
                      .build();
              List<byte[]> sink = new ArrayList<>();
              doc.onUpdate((u, origin, tr) -> sink.add(u));
              docs.put(name, doc);
              emitted.put(name, sink);
            });
    Map<String, Object> expected = JavaOps.map(scenario.get("expected"));
    List<?> steps = (List<?>) scenario.get("steps");
    Map<String, List<byte[]>> local = new LinkedHashMap<>();
    List<?> expectedEmitted = (List<?>) expected.get("emitted");
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = JavaOps.map(steps.get(i));
      Map<String, Object> exp = JavaOps.map(expectedEmitted.get(i));
      String where = "step " + i + " " + Json.write(step);
      if (step.containsKey("relay")) {
        List<?> relay = (List<?>) step.get("relay");
        String to = (String) relay.get(1);
        byte[] update = local.get((String) relay.get(0)).get(((Number) relay.get(2)).intValue());
        assertSameBytes(where + ": relayed update", update, decode((String) exp.get("synced")));
        emitted.get(to).clear();
        docs.get(to).applyUpdate(update, "remote");
        assertSameBytes(
            where + ": update event of the receiving document",
            emitted.get(to),
            decodeAll((List<?>) exp.get("updates")));
      } else if (step.containsKey("sync")) {
        List<?> pair = (List<?>) step.get("sync");
        Doc from = docs.get((String) pair.get(0));
        Doc to = docs.get((String) pair.get(1));
        byte[] update = from.encodeStateAsUpdate(to.encodeStateVector());
        assertSameBytes(where + ": sync update", update, decode((String) exp.get("synced")));
        emitted.get((String) pair.get(1)).clear();
        to.applyUpdate(update, "remote");
        assertSameBytes(
            where + ": update event of the receiving document",
            emitted.get((String) pair.get(1)),
            decodeAll((List<?>) exp.get("updates")));
      } else {
        String name = (String) step.get("doc");
        emitted.get(name).clear();
        JavaOps.transact(docs.get(name), (List<?>) step.get("ops"));
        assertSameBytes(
            where + ": update event", emitted.get(name), decodeAll((List<?>) exp.get("updates")));
        local.computeIfAbsent(name, k -> new ArrayList<>()).addAll(emitted.get(name));
      }
    }
    Map<String, Object> fin = JavaOps.map(expected.get("final"));
    for (Map.Entry<String, Doc> e : docs.entrySet()) {
      Map<String, Object> f = JavaOps.map(fin.get(e.getKey()));
      Doc doc = e.getValue();
      assertThat(JavaOps.describe(doc, ROOTS))
          .as(e.getKey() + " content")
          .isEqualTo(f.get("content"));
      assertSameBytes(
          e.getKey() + " state vector",
          doc.encodeStateVector(),
          decode((String) f.get("stateVector")));
      assertSameBytes(
          e.getKey() + " encoded state",
          doc.encodeStateAsUpdate(),
          decode((String) f.get("state")));
      Map<String, Object> diffs = JavaOps.map(f.get("stateDiffs"));
      for (Map.Entry<String, Doc> other : docs.entrySet()) {
        assertSameBytes(
            e.getKey() + " state diffed against " + other.getKey(),
            doc.encodeStateAsUpdate(other.getValue().encodeStateVector()),
            decode((String) diffs.get(other.getKey())));
      }
    }
    checkMerges(JavaOps.map(expected.get("merge")), fin);
  }

  private static void checkMerges(Map<String, Object> m, Map<String, Object> fin)
      throws UpdateException {
    List<byte[]> inputs = decodeAll((List<?>) m.get("inputs"));
    byte[] all = Updates.merge(inputs);
    assertSameBytes("Updates.merge of all local updates", all, decode((String) m.get("all")));
    assertSameBytes(
        "Updates.merge in reverse order",
        Updates.merge(inputs.reversed()),
        decode((String) m.get("reversed")));
    List<?> pairs = (List<?>) m.get("pairs");
    for (int i = 0; i < pairs.size(); i++) {
      assertSameBytes(
          "Updates.merge of updates " + i + " and " + (i + 1),
          Updates.merge(List.of(inputs.get(i), inputs.get(i + 1))),
          decode((String) pairs.get(i)));
    }
    byte[] half = Updates.merge(inputs.subList(0, (inputs.size() + 1) / 2));
    assertSameBytes("Updates.merge of the first half", half, decode((String) m.get("half")));
    assertSameBytes(
        "Updates.stateVectorFromUpdate of the merge",
        Updates.stateVectorFromUpdate(all),
        decode((String) m.get("stateVector")));
    byte[] halfSv = Updates.stateVectorFromUpdate(half);
    assertSameBytes(
        "Updates.stateVectorFromUpdate of the first half",
        halfSv,
        decode((String) m.get("halfStateVector")));
    Map<String, Object> diffs = JavaOps.map(m.get("diffs"));
    for (Map.Entry<String, Object> d : diffs.entrySet()) {
      byte[] sv =
          switch (d.getKey()) {
            case "" -> new byte[] {0};
            case "half" -> halfSv;
            default -> decode((String) JavaOps.map(fin.get(d.getKey())).get("stateVector"));
          };
      assertSameBytes(
          "Updates.diff against state vector '" + d.getKey() + "'",
          Updates.diff(all, sv),
          decode((String) d.getValue()));
    }
  }
}
