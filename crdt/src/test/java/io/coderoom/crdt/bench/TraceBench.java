package io.coderoom.crdt.bench;

import io.coderoom.crdt.CraftedUpdates;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.UpdateException;
import io.coderoom.crdt.UpdateTooCostlyException;
import io.coderoom.crdt.compat.Json;
import io.coderoom.crdt.compat.TraceReplay;
import io.coderoom.crdt.compat.Traces;
import io.coderoom.crdt.compat.YjsHarness;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: replays the editing traces in Java and in the reference Yjs under node
 * (test-tools/bench.mjs, same work: one transaction per trace txn, per-agent replay for the
 * concurrent traces) and prints replay time, time to encode and to apply the final state, encoded
 * size, retained heap and the Java/Yjs replay time ratio. Then the worst case next to them: the
 * crafted update that makes conflict resolution quadratic, in Yjs, in Java without a work limit,
 * and refused by Java with its default limit.
 *
 * <p>Run: {@code ./coderoom bench crdt} (optional {@code -Dbench.runs=5
 * -Dbench.traces=automerge-paper,rustcode}, {@code -Dbench.worst=false} to leave out the worst
 * case).
 */
public final class TraceBench {
  private TraceBench() {}

  record Figures(
      String name,
      boolean ok,
      double replayMs,
      double encodeMs,
      double applyMs,
      long bytes,
      long heap) {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 5);
    List<String> names =
        System.getProperty("bench.traces") != null
            ? List.of(System.getProperty("bench.traces").split(","))
            : concat(Traces.SEQUENTIAL, Traces.CONCURRENT);
    System.out.printf(
        "Trace replay, Java %s vs Yjs 13.6.33 on node (median of %d runs after warm-up)%n",
        System.getProperty("java.version"), runs);
    List<Figures> yjs = yjs(names, runs);
    System.out.printf(
        "%-16s %-5s %10s %10s %9s %9s %8s %-5s %s%n",
        "trace",
        "impl",
        "replay ms",
        "encode ms",
        "apply ms",
        "V1 bytes",
        "heap MB",
        "ok",
        "Java/Yjs replay");
    for (int k = 0; k < names.size(); k++) {
      Figures j = java(names.get(k), runs);
      Figures y = yjs.get(k);
      print(j, "java", j.replayMs() / y.replayMs());
      print(y, "yjs", Double.NaN);
    }
    if (Boolean.parseBoolean(System.getProperty("bench.worst", "true"))) {
      worstCase(runs);
    }
  }

  /**
   * The worst single update found: n one-character items of n clients, all concurrent at one spot
   * of the text (CraftedUpdates.concurrentAtOneSpot). Applying it is quadratic in n in Yjs and in
   * Java without a work limit; with {@link Doc#DEFAULT_WORK_LIMIT} Java refuses it.
   */
  private static void worstCase(int runs) throws Exception {
    int[] sizes = {2_000, 8_000, 70_000};
    // Unlimited applies are timed once each: the larger ones take seconds to hours.
    int unlimitedUpTo = Integer.getInteger("bench.worst.unlimitedUpTo", 8_000);
    System.out.printf(
        "%nWorst case: one update of n items from n clients concurrent at one spot; Java limit"
            + " %,d steps (median of %d refusals; unlimited applies once each)%n",
        Doc.DEFAULT_WORK_LIMIT, runs);
    System.out.printf(
        "%-8s %10s %14s %16s %20s%n",
        "n", "bytes", "Yjs apply ms", "Java apply ms", "Java refusal ms");
    List<byte[]> updates = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int n : sizes) {
      byte[] update = CraftedUpdates.concurrentAtOneSpot("text", n);
      updates.add(update);
      if (n <= unlimitedUpTo) {
        Path file = Files.createTempFile("crafted-" + n + "-", ".bin");
        file.toFile().deleteOnExit();
        Files.write(file, update);
        files.add(file);
      }
    }
    List<Double> yjsMs = yjsApply(files);
    for (int k = 0; k < sizes.length; k++) {
      byte[] update = updates.get(k);
      double[] refusals = new double[runs];
      for (int r = -3; r < runs; r++) { // three to warm the JIT up
        Doc doc = Doc.builder().clientId(1000).build();
        long t0 = System.nanoTime();
        try {
          doc.applyUpdate(update, null, Doc.DEFAULT_WORK_LIMIT);
          throw new IllegalStateException("the crafted update was not refused");
        } catch (UpdateTooCostlyException expected) {
          if (r >= 0) {
            refusals[r] = (System.nanoTime() - t0) / 1e6;
          }
        }
      }
      String unlimited = "-";
      if (sizes[k] <= unlimitedUpTo) {
        Doc doc = Doc.builder().clientId(1000).build();
        long t0 = System.nanoTime();
        doc.applyUpdate(update);
        unlimited = String.format("%.1f", (System.nanoTime() - t0) / 1e6);
      }
      System.out.printf(
          "%-8d %10d %14s %16s %20.1f%n",
          sizes[k],
          update.length,
          k < yjsMs.size() ? String.format("%.1f", yjsMs.get(k)) : "-",
          unlimited,
          median(refusals));
    }
  }

  private static List<Double> yjsApply(List<Path> files) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("crdt.node", "node"));
    cmd.add("bench.mjs");
    cmd.add("--apply");
    files.forEach(f -> cmd.add(f.toString()));
    Process p =
        new ProcessBuilder(cmd)
            .directory(YjsHarness.testTools().toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("node bench.mjs --apply failed: " + out);
    }
    List<Double> ms = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      ms.add(((Number) ((Map<?, ?>) Json.parse(line)).get("applyMs")).doubleValue());
    }
    return ms;
  }

  private static void print(Figures f, String impl, double ratio) {
    System.out.printf(
        "%-16s %-5s %10.1f %10.2f %9.2f %9d %8.2f %-5s %s%n",
        f.name(),
        impl,
        f.replayMs(),
        f.encodeMs(),
        f.applyMs(),
        f.bytes(),
        f.heap() / 1e6,
        f.ok(),
        Double.isNaN(ratio) ? "" : String.format("%.2f", ratio));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static Figures java(String name, int runs) throws UpdateException {
    Map<String, Object> trace = Traces.load(name);
    String end = (String) trace.get("endContent");
    boolean concurrent = "concurrent".equals(trace.get("kind"));
    List<List<TraceReplay.Patch>> seq = concurrent ? null : TraceReplay.sequentialTxns(trace);
    List<TraceReplay.Txn> conc = concurrent ? TraceReplay.concurrentTxns(trace) : null;
    int agents = concurrent ? ((Number) trace.get("numAgents")).intValue() : 1;
    trace = null;
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    double[] replay = new double[runs];
    double[] encode = new double[runs];
    double[] apply = new double[runs];
    long bytes = 0;
    long heap = 0;
    boolean ok = true;
    for (int r = -1; r < runs; r++) { // run -1 warms the JIT up
      gc();
      long heapBefore = mem.getHeapMemoryUsage().getUsed();
      long t0 = System.nanoTime();
      List<Doc> docs =
          concurrent
              ? TraceReplay.replayConcurrent(conc, agents)
              : List.of(TraceReplay.replaySequential(seq, 1));
      long t1 = System.nanoTime();
      gc();
      long retained = mem.getHeapMemoryUsage().getUsed() - heapBefore;
      Doc doc = docs.getFirst();
      ok &= doc.getText("text").toString().equals(end);
      long t2 = System.nanoTime();
      byte[] update = doc.encodeStateAsUpdate();
      long t3 = System.nanoTime();
      Doc fresh = Doc.builder().clientId(1000).build();
      long t4 = System.nanoTime();
      fresh.applyUpdate(update);
      long t5 = System.nanoTime();
      ok &= fresh.getText("text").toString().equals(end);
      if (r >= 0) {
        replay[r] = (t1 - t0) / 1e6;
        encode[r] = (t3 - t2) / 1e6;
        apply[r] = (t5 - t4) / 1e6;
        bytes = update.length;
        heap = retained;
      }
      // keep the documents reachable until measured
      if (docs.isEmpty()) {
        throw new IllegalStateException();
      }
    }
    return new Figures(name, ok, median(replay), median(encode), median(apply), bytes, heap);
  }

  private static void gc() {
    for (int k = 0; k < 3; k++) {
      System.gc();
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  static List<Figures> yjs(List<String> names, int runs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("crdt.node", "node"));
    cmd.add("--expose-gc");
    cmd.add("bench.mjs");
    cmd.add("--runs");
    cmd.add(String.valueOf(runs));
    cmd.add(Traces.dir().toString());
    cmd.addAll(names);
    Process p =
        new ProcessBuilder(cmd)
            .directory(YjsHarness.testTools().toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("node bench.mjs failed: " + out);
    }
    List<Figures> figures = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      Map<?, ?> m = (Map<?, ?>) Json.parse(line);
      figures.add(
          new Figures(
              (String) m.get("name"),
              (Boolean) m.get("ok"),
              ((Number) m.get("replayMs")).doubleValue(),
              ((Number) m.get("encodeMs")).doubleValue(),
              ((Number) m.get("applyMs")).doubleValue(),
              ((Number) m.get("updateBytes")).longValue(),
              ((Number) m.get("heapBytes")).longValue()));
    }
    return figures;
  }
}
