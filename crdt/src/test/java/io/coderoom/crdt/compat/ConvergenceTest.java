package io.coderoom.crdt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.Updates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized convergence: three Java peers (each shadowed by a Yjs twin fed the same bytes)
 * and three Yjs peers edit Text, Map and Array concurrently and exchange their updates over a
 * network that reorders, duplicates, delays and batches (merges) them. Every Java step must emit
 * the same bytes as its twin; after delivery all peers hold the same content and state vector, and
 * each Java peer's encoded state equals its twin's byte for byte.
 *
 * <p>{@code -Dcrdt.convergence.seeds=N -Dcrdt.convergence.firstSeed=S} widens or replays the run.
 */
class ConvergenceTest {
  private static final int JAVA_PEERS = 3;
  private static final int YJS_PEERS = 3;

  private Run lastRun;
  private static long resyncs;

  @Test
  void peersConvergeToYjsBytes() {
    runSeeds(
        Long.getLong("crdt.convergence.firstSeed", 1),
        Long.getLong("crdt.convergence.seeds", 300),
        false);
  }

  /**
   * The same runs, with every update first refused at each work limit below what it needs: a
   * refusal must leave no trace (state, content, events), and the peers must still converge with
   * Yjs byte for byte.
   */
  @Test
  void refusedUpdatesLeaveNoTraceAndPeersStillConvergeToYjsBytes() {
    long refusals =
        runSeeds(
            Long.getLong("crdt.convergence.firstSeed", 1),
            Long.getLong("crdt.convergence.refusalSeeds", 60),
            true);
    assertThat(refusals).as("refusals tried").isGreaterThan(100);
  }

  /** Runs the seeds; returns how many updates were refused (when {@code refuseFirst}). */
  private long runSeeds(long first, long seeds, boolean refuseFirst) {
    YjsHarness yjs = YjsHarness.shared();
    long start = System.nanoTime();
    long refusals = 0;
    for (long seed = first; seed < first + seeds; seed++) {
      yjs.call("reset");
      try {
        lastRun = new Run(yjs, seed, refuseFirst);
        lastRun.run();
        refusals += lastRun.refusals();
      } catch (Throwable t) {
        Path dump = Path.of("target", "convergence-seed-" + seed + ".json");
        try {
          Files.createDirectories(dump.getParent());
          Files.writeString(dump, Json.write(lastRun.histories()));
        } catch (IOException e) {
          t.addSuppressed(e);
        }
        throw new AssertionError(
            "convergence failed for seed "
                + seed
                + " (Java peers' histories in "
                + dump.toAbsolutePath()
                + ", replay: -Dcrdt.convergence.firstSeed="
                + seed
                + " -Dcrdt.convergence.seeds=1): "
                + t.getMessage(),
            t);
      }
    }
    System.out.printf(
        "ConvergenceTest: %d seeds from %d in %.1f s; %d needed the final resync; %d refusals%n",
        seeds, first, (System.nanoTime() - start) / 1e9, resyncs, refusals);
    return refusals;
  }

  /** A message in flight to one peer. */
  private record Envelope(byte[] update) {}

  private static final class Run {
    private final YjsHarness yjs;
    private final Random rnd;
    private final List<Peer> peers = new ArrayList<>();
    private final List<List<Envelope>> inbox = new ArrayList<>();
    private final List<byte[]> everything = new ArrayList<>();

    private final boolean refuseFirst;

    Run(YjsHarness yjs, long seed, boolean refuseFirst) {
      this.yjs = yjs;
      this.rnd = new Random(seed);
      this.refuseFirst = refuseFirst;
    }

    long refusals() {
      return peers.stream().mapToLong(p -> p instanceof Peer.JavaPeer jp ? jp.refusals : 0).sum();
    }

    List<Object> histories() {
      List<Object> out = new ArrayList<>();
      for (Peer p : peers) {
        if (p instanceof Peer.JavaPeer jp) {
          out.add(jp.history);
        }
      }
      return out;
    }

    void run() throws UpdateException {
      Set<Long> ids = new HashSet<>();
      // -Dcrdt.convergence.formatting=false leaves rich text out (to soak past a known format bug).
      boolean formatting =
          rnd.nextInt(3) == 0
              && Boolean.parseBoolean(System.getProperty("crdt.convergence.formatting", "true"));
      for (int k = 0; k < JAVA_PEERS + YJS_PEERS; k++) {
        long id;
        do {
          // Small ids collide in tie-breaks more often; large ones exercise 32-bit varints.
          id = rnd.nextBoolean() ? 1 + rnd.nextInt(8) : 1 + (rnd.nextLong() & 0xFFFF_FFFEL);
        } while (!ids.add(id));
        boolean gc = rnd.nextInt(4) != 0;
        if (k < JAVA_PEERS) {
          Peer.JavaPeer peer = new Peer.JavaPeer("j" + k, yjs, id, gc);
          peer.refuseFirst = refuseFirst;
          peers.add(peer);
        } else {
          peers.add(new Peer.YjsPeer("y" + k, yjs, id, gc));
        }
        inbox.add(new ArrayList<>());
      }
      RandomOps ops = new RandomOps(rnd, formatting);
      int rounds = 4 + rnd.nextInt(20);
      for (int round = 0; round < rounds; round++) {
        for (int p = 0; p < peers.size(); p++) {
          if (rnd.nextInt(3) != 0) {
            for (byte[] u : peers.get(p).transact(ops.transaction())) {
              send(p, u);
            }
          }
        }
        for (int p = 0; p < peers.size(); p++) {
          if (rnd.nextBoolean()) {
            deliver(p, false);
          }
        }
        if (rnd.nextInt(4) == 0) {
          crossCheckMidway();
        }
      }
      // Deliver everything; cleanup transactions may send more, so repeat until quiet.
      for (int pass = 0; inbox.stream().anyMatch(b -> !b.isEmpty()); pass++) {
        assertThat(pass).as("delivery passes").isLessThan(10);
        for (int p = 0; p < peers.size(); p++) {
          deliver(p, true);
        }
      }
      if (!sameEverywhere()) {
        // Yjs itself can leave structs pending although every update arrived (its retry after a
        // merged update with a gap misses them); the Java twins matched it byte for byte up to
        // here. Providers heal this with sync step 1/2 on reconnect, so the test does that too.
        resyncs++;
      }
      resync();
      checkConverged();
    }

    /** y-websocket's reconnect: every peer sends every other what its state vector lacks. */
    private void resync() throws UpdateException {
      for (Peer from : peers) {
        for (Peer to : peers) {
          if (from != to) {
            for (byte[] u : to.apply(List.of(from.state(to.stateVector())))) {
              send(peers.indexOf(to), u);
            }
          }
        }
      }
      for (int pass = 0; inbox.stream().anyMatch(b -> !b.isEmpty()); pass++) {
        assertThat(pass).as("delivery passes after resync").isLessThan(10);
        for (int p = 0; p < peers.size(); p++) {
          deliver(p, true);
        }
      }
    }

    private boolean sameEverywhere() {
      Object first = peers.getFirst().describe();
      String sv = Peer.hex(peers.getFirst().stateVector());
      for (Peer p : peers) {
        if (!p.describe().equals(first) || !Peer.hex(p.stateVector()).equals(sv)) {
          return false;
        }
      }
      return true;
    }

    private void send(int from, byte[] update) {
      everything.add(update);
      for (int to = 0; to < peers.size(); to++) {
        if (to == from) {
          continue;
        }
        inbox.get(to).add(new Envelope(update));
        if (rnd.nextInt(10) == 0) {
          inbox.get(to).add(new Envelope(update)); // duplicated by the network
        }
      }
    }

    /** Delivers some (or all) pending messages in random order, sometimes merged into batches. */
    private void deliver(int p, boolean all) throws UpdateException {
      List<Envelope> box = inbox.get(p);
      Collections.shuffle(box, rnd);
      int n = all ? box.size() : rnd.nextInt(box.size() + 1);
      List<byte[]> batch = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        batch.add(box.removeLast().update());
      }
      Peer peer = peers.get(p);
      List<byte[]> wire = new ArrayList<>();
      int k = 0;
      while (k < batch.size()) {
        int take = rnd.nextInt(4) == 0 ? Math.min(batch.size() - k, 2 + rnd.nextInt(4)) : 1;
        List<byte[]> group = batch.subList(k, k + take);
        wire.add(take == 1 ? group.getFirst() : peer.merge(new ArrayList<>(group)));
        k += take;
      }
      if (!wire.isEmpty()) {
        for (byte[] u : peer.apply(wire)) {
          send(p, u);
        }
      }
    }

    /** While updates are still in flight: diffs against other peers' state vectors, and merges. */
    private void crossCheckMidway() throws UpdateException {
      for (Peer peer : peers) {
        if (peer instanceof Peer.JavaPeer jp) {
          byte[] state = jp.state();
          Peer other = peers.get(rnd.nextInt(peers.size()));
          byte[] sv = other.stateVector();
          jp.state(sv);
          byte[] ref =
              yjs.bytes("diffUpdate", "update", YjsHarness.b64(state), "sv", YjsHarness.b64(sv));
          Peer.assertSameBytes(
              jp.name + " Updates.diff against " + other.name, Updates.diff(state, sv), ref);
          Peer.assertSameBytes(
              jp.name + " Updates.stateVectorFromUpdate",
              Updates.stateVectorFromUpdate(state),
              yjs.bytes("encodeStateVectorFromUpdate", "update", YjsHarness.b64(state)));
        }
      }
    }

    private void checkConverged() throws UpdateException {
      Object expected = peers.get(JAVA_PEERS).describe();
      byte[] expectedSv = peers.get(JAVA_PEERS).stateVector();
      for (Peer peer : peers) {
        assertThat(peer.describe()).as(peer.name + " content after delivery").isEqualTo(expected);
        assertThat(Peer.hex(peer.stateVector()))
            .as(peer.name + " state vector after delivery")
            .isEqualTo(Peer.hex(expectedSv));
        if (peer instanceof Peer.JavaPeer jp) {
          assertThat(jp.twinDescribe()).as(jp.name + " twin content").isEqualTo(expected);
          jp.state(); // byte-identical to the twin's encoded state
        }
      }
      // Merging every update ever sent, in a random order, is what Yjs makes of them too.
      List<byte[]> shuffled = new ArrayList<>(everything);
      Collections.shuffle(shuffled, rnd);
      byte[] merged = ((Peer.JavaPeer) peers.getFirst()).merge(shuffled);
      Peer.assertSameBytes(
          "state vector of the merge of all updates",
          Updates.stateVectorFromUpdate(merged),
          yjs.bytes("encodeStateVectorFromUpdate", "update", YjsHarness.b64(merged)));
      for (Peer peer : peers) {
        if (peer instanceof Peer.JavaPeer jp) {
          jp.close();
        } else if (peer instanceof Peer.YjsPeer yp) {
          yp.close();
        }
      }
    }
  }
}
