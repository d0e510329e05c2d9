package io.coderoom.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The side-by-side table of {@code ./coderoom bench cluster-compare}: reads the summaries that
 * {@code sync-load --summary} wrote for Coderoom on one instance, on two instances behind a load
 * balancer, and the node servers, and prints per load step the delivery latency, the relay hop's
 * cost (two instances minus one) and the CPU time per 1,000 delivered updates with Coderoom's ratio
 * to each peer; writes the same as one JSON file.
 */
@Command(
    name = "cluster-compare-report",
    mixinStandardHelpOptions = true,
    description = "Print and save the cluster benchmark's table from sync-load summaries.")
public final class ClusterCompareReport implements Callable<Integer> {
  static final String ONE = "coderoom-1";
  static final String TWO = "coderoom-2";
  private static final Map<String, String> LABELS =
      Map.of(
          ONE,
          "Coderoom, 1 instance",
          TWO,
          "Coderoom, 2 instances",
          "y-websocket",
          "@y/websocket-server",
          "hocuspocus",
          "Hocuspocus");
  private static final String[] PEERS = {"y-websocket", "hocuspocus"};

  /** The goal: Coderoom at most a third of a node server's CPU per delivery. */
  private static final double GOAL_RATIO = 1 / 3.0;

  @Option(names = "--out", required = true, description = "The combined JSON summary to write.")
  Path out;

  @Option(names = "--note", defaultValue = "", description = "A line kept in the summary.")
  String note;

  @Parameters(description = "NAME=FILE: coderoom-1, coderoom-2, y-websocket, hocuspocus.")
  Map<String, Path> summaries = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    Map<String, Map<Integer, JsonNode>> stepsByTarget = new LinkedHashMap<>();
    TreeSet<Integer> roomCounts = new TreeSet<>();
    JsonNode load = null;
    for (var entry : summaries.entrySet()) {
      if (!Files.exists(entry.getValue())) {
        System.out.printf("(no figures for %s: it did not finish)%n", entry.getKey());
        continue;
      }
      JsonNode summary = mapper.readTree(entry.getValue().toFile());
      load = load == null ? summary : load;
      Map<Integer, JsonNode> steps = new LinkedHashMap<>();
      for (JsonNode step : summary.path("steps")) {
        steps.put(step.path("rooms").asInt(), step);
        roomCounts.add(step.path("rooms").asInt());
      }
      stepsByTarget.put(entry.getKey(), steps);
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("benchmark", "cluster-compare")
        .put("date", Instant.now().toString())
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("note", note);
    if (load != null) {
      root.put("clientsPerRoom", load.path("clientsPerRoom").asInt())
          .put("editsPerSecondPerClient", load.path("editsPerSecondPerClient").asDouble())
          .put("measuredSecondsPerStep", load.path("measuredSecondsPerStep").asInt());
    }
    ArrayNode steps = root.putArray("steps");
    for (int rooms : roomCounts) {
      steps.add(printStep(rooms, load, stepsByTarget));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, root.toPrettyString() + "\n");
    System.out.printf("%nsummary written to %s%n", out);
    return 0;
  }

  private ObjectNode printStep(
      int rooms, JsonNode load, Map<String, Map<Integer, JsonNode>> stepsByTarget) {
    ObjectNode result = JsonNodeFactory.instance.objectNode().put("rooms", rooms);
    ObjectNode targets = result.putObject("targets");
    int clients = load.path("clientsPerRoom").asInt();
    double rate = load.path("editsPerSecondPerClient").asDouble();
    System.out.printf(
        "%n== %d rooms x %d clients x %.0f edits/s: %.0f edits/s, %.0f deliveries/s expected%n",
        rooms, clients, rate, rooms * clients * rate, rooms * clients * rate * (clients - 1));
    System.out.printf(
        "%-23s %11s %8s %8s %9s %11s %10s %11s%n",
        "",
        "delivered/s",
        "p50 ms",
        "p99 ms",
        "sustained",
        "server CPU",
        "of it kernel",
        "HAProxy CPU");
    System.out.printf(
        "%-23s %11s %8s %8s %9s %24s %11s%n", "", "", "", "", "", "(ms per 1,000 deliveries)", "");
    for (var entry : stepsByTarget.entrySet()) {
      JsonNode step = entry.getValue().get(rooms);
      if (step == null) {
        System.out.printf("%-23s (not measured)%n", label(entry.getKey()));
        continue;
      }
      targets.set(entry.getKey(), step);
      JsonNode server = step.path("serverCpu");
      System.out.printf(
          "%-23s %11.0f %8.2f %8.2f %9s %11.1f %10.1f %11s%n",
          label(entry.getKey()),
          step.path("deliveriesPerSecond").asDouble(),
          step.path("latencyMs").path("p50").asDouble(),
          step.path("latencyMs").path("p99").asDouble(),
          step.path("sustained").asBoolean() ? "yes" : "no",
          server.path("msPer1000Deliveries").asDouble(),
          kernelPerThousand(step),
          step.has("proxyCpu")
              ? String.format("%.1f", step.path("proxyCpu").path("msPer1000Deliveries").asDouble())
              : "-");
    }
    JsonNode one = step(stepsByTarget, ONE, rooms);
    JsonNode two = step(stepsByTarget, TWO, rooms);
    if (one != null && two != null) {
      double p50 = latency(two, "p50") - latency(one, "p50");
      double p99 = latency(two, "p99") - latency(one, "p99");
      result.putObject("relayHopCostMs").put("p50", round(p50)).put("p99", round(p99));
      System.out.printf(
          "relay hop (2 instances minus 1): p50 %+.2f ms, p99 %+.2f ms; %d of %d sockets relayed%n",
          p50, p99, two.path("relayedSockets").asInt(), two.path("sockets").asInt());
      JsonNode hops = two.path("latencyMsByRelayHops");
      long all = 0;
      for (JsonNode h : hops) {
        all += h.path("count").asLong();
      }
      for (var hop : hops.properties()) {
        JsonNode h = hop.getValue();
        System.out.printf(
            "  deliveries over %s relay hop%s: %4.1f%%, p50 %.2f ms, p99 %.2f ms%n",
            hop.getKey(),
            hop.getKey().equals("1") ? " " : "s",
            all == 0 ? 0 : 100.0 * h.path("count").asLong() / all,
            h.path("p50").asDouble(),
            h.path("p99").asDouble());
      }
    }
    ObjectNode ratios = result.putObject("cpuRatioCoderoomToPeer");
    for (String peer : PEERS) {
      JsonNode peerStep = step(stepsByTarget, peer, rooms);
      if (peerStep == null) {
        continue;
      }
      double peerCpu = peerStep.path("serverCpu").path("msPer1000Deliveries").asDouble();
      StringBuilder line = new StringBuilder();
      ObjectNode peerRatios = ratios.putObject(peer);
      for (String ours : new String[] {ONE, TWO}) {
        JsonNode ourStep = step(stepsByTarget, ours, rooms);
        if (ourStep == null || peerCpu == 0) {
          continue;
        }
        double servers = ourStep.path("serverCpu").path("msPer1000Deliveries").asDouble();
        double proxy = ourStep.path("proxyCpu").path("msPer1000Deliveries").asDouble();
        ObjectNode ratio = peerRatios.putObject(ours);
        ratio.put("servers", round(servers / peerCpu));
        ratio.put("serversAndProxy", round((servers + proxy) / peerCpu));
        line.append(
            String.format(
                "  %s %.2f (%.2f with HAProxy)",
                ours.equals(ONE) ? "1 instance" : "2 instances",
                servers / peerCpu,
                (servers + proxy) / peerCpu));
      }
      System.out.printf("CPU per delivery, Coderoom / %s:%s%n", label(peer), line);
    }
    System.out.printf("  (goal: %.2f or less)%n", GOAL_RATIO);
    return result;
  }

  private static double kernelPerThousand(JsonNode step) {
    long deliveries = step.path("deliveries").asLong();
    return deliveries == 0
        ? 0
        : step.path("serverCpu").path("kernelSeconds").asDouble() * 1e6 / deliveries;
  }

  private static JsonNode step(
      Map<String, Map<Integer, JsonNode>> byTarget, String name, int rooms) {
    Map<Integer, JsonNode> steps = byTarget.get(name);
    return steps == null ? null : steps.get(rooms);
  }

  private static double latency(JsonNode step, String percentile) {
    return step.path("latencyMs").path(percentile).asDouble();
  }

  private static String label(String name) {
    return LABELS.getOrDefault(name, name);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ClusterCompareReport()).execute(args));
  }
}
