package io.coderoom.crdt.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.Updates;
import io.coderoom.crdt.compat.JavaOps;
import io.coderoom.crdt.compat.Json;
import io.coderoom.crdt.compat.ReferenceYjs;
import io.coderoom.crdt.compat.YjsHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutational fuzzing of update decoding. The corpus is real Yjs output (the golden
 * fixtures). Every mutant either applies, leaving the document the reference Yjs makes of the same
 * updates, or throws {@link UpdateException}, never anything else, never hangs, and a failed apply
 * leaves the document's encoded state unchanged. The update utilities (merge, diff, state vector)
 * obey the same rule.
 *
 * <p>{@code -Dcrdt.fuzz.iterations=N -Dcrdt.fuzz.seed=S} runs longer or replays.
 */
class UpdateFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final long CLIENT_ID = 424242;

  @Test
  void mutatedUpdatesApplyOrFailCleanly() throws Exception {
    long seed = Long.getLong("crdt.fuzz.seed", 1);
    long iterations = Long.getLong("crdt.fuzz.iterations", 3000);
    List<byte[]> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(50);
    Random rnd = new Random(seed);
    UpdateMutator mutator = new UpdateMutator(rnd, corpus);
    long applied = 0;
    long rejected = 0;
    long start = System.nanoTime();
    for (long i = 0; i < iterations; i++) {
      byte[] base = corpus.get(rnd.nextInt(corpus.size()));
      byte[] mutant = mutator.mutate(base);
      // Half the time the target already holds a real document.
      byte[] preload = rnd.nextBoolean() ? corpus.get(rnd.nextInt(corpus.size())) : null;
      boolean gc = rnd.nextBoolean();
      String where =
          "seed " + seed + " iteration " + i + " mutant " + HexFormat.of().formatHex(mutant);
      Boolean ok =
          assertTimeoutPreemptively(LIMIT, () -> applyOnce(mutant, preload, gc, where), where);
      if (ok) {
        applied++;
      } else {
        rejected++;
      }
      assertTimeoutPreemptively(LIMIT, () -> utilities(mutant, base, where), where);
    }
    System.out.printf(
        "UpdateFuzzTest: seed %d, %d mutants (%d applied, %d rejected) in %.1f s%n",
        seed, iterations, applied, rejected, (System.nanoTime() - start) / 1e9);
    // Both paths must be exercised, or the run proves nothing about one of them: a mutator that
    // only breaks the framing tests no accepted input, one that changes nothing tests no refusal.
    assertThat(applied).as("mutants applied, of %d", iterations).isGreaterThan(iterations / 20);
    assertThat(rejected).as("mutants rejected, of %d", iterations).isGreaterThan(iterations / 20);
  }

  /** Returns true if the mutant applied, false if it was rejected with UpdateException. */
  private static boolean applyOnce(byte[] mutant, byte[] preload, boolean gc, String where) {
    Doc doc = Doc.builder().clientId(CLIENT_ID).gc(gc).build();
    if (preload != null) {
      try {
        doc.applyUpdate(preload);
      } catch (UpdateException e) {
        throw new AssertionError("corpus update rejected: " + e, e);
      }
    }
    byte[] before = doc.encodeStateAsUpdate();
    byte[] svBefore = doc.encodeStateVector();
    try {
      doc.applyUpdate(mutant);
    } catch (UpdateException e) {
      assertThat(HexFormat.of().formatHex(doc.encodeStateAsUpdate()))
          .as(where + ": state after a rejected update")
          .isEqualTo(HexFormat.of().formatHex(before));
      assertThat(doc.encodeStateVector()).as(where).isEqualTo(svBefore);
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where + ": applyUpdate threw " + e, e);
    }
    byte[] after;
    try {
      after = doc.encodeStateAsUpdate();
      doc.encodeStateVector();
    } catch (RuntimeException e) {
      throw new AssertionError(where + ": document unusable after an accepted update: " + e, e);
    }
    // Accepted means: the document Yjs makes of the same updates.
    ReferenceYjs.assertSameState(
        where, CLIENT_ID, gc, preload == null ? List.of(mutant) : List.of(preload, mutant), after);
    return true;
  }

  private static Void utilities(byte[] mutant, byte[] other, String where) {
    try {
      Updates.stateVectorFromUpdate(mutant);
    } catch (UpdateException expected) {
      // rejected cleanly
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where + ": Updates.stateVectorFromUpdate threw " + e, e);
    }
    try {
      Updates.merge(List.of(other, mutant));
    } catch (UpdateException expected) {
      // rejected cleanly
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where + ": Updates.merge threw " + e, e);
    }
    try {
      Updates.diff(mutant, new byte[] {1, (byte) 0xa4, 0x10, 3});
    } catch (UpdateException expected) {
      // rejected cleanly
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where + ": Updates.diff threw " + e, e);
    }
    try {
      Doc doc = Doc.builder().clientId(7).build();
      doc.encodeStateAsUpdate(mutant); // the mutant read as a state vector
    } catch (UpdateException expected) {
      // rejected cleanly
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(where + ": encodeStateAsUpdate(stateVector) threw " + e, e);
    }
    return null;
  }

  /** Every update, state and merge in the golden fixtures: real Yjs output. */
  static List<byte[]> corpus() throws IOException {
    Map<String, Object> golden =
        JavaOps.map(
            Json.parse(
                Files.readString(
                    YjsHarness.testToolsDir().resolve("golden/golden.json"),
                    StandardCharsets.UTF_8)));
    List<byte[]> out = new ArrayList<>();
    for (Object s : (List<?>) golden.get("scenarios")) {
      Map<String, Object> exp = JavaOps.map(JavaOps.map(s).get("expected"));
      for (Object e : (List<?>) exp.get("emitted")) {
        for (Object u : (List<?>) JavaOps.map(e).get("updates")) {
          out.add(YjsHarness.decode((String) u));
        }
      }
      for (Object f : JavaOps.map(exp.get("final")).values()) {
        out.add(YjsHarness.decode((String) JavaOps.map(f).get("state")));
      }
      Map<String, Object> merge = JavaOps.map(exp.get("merge"));
      out.add(YjsHarness.decode((String) merge.get("all")));
      out.add(YjsHarness.decode((String) merge.get("half")));
    }
    return out;
  }
}
