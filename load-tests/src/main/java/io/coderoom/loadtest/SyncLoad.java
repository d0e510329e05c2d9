package io.coderoom.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * R rooms x C clients typing T edits a second each, against Coderoom or any y-websocket server:
 * prints the edit-to-peer latency distribution, throughput, and the server's CPU and memory.
 */
@Command(
    name = "sync-load",
    mixinStandardHelpOptions = true,
    description = "Load a y-websocket server with simulated editors; print latency and throughput.")
public final class SyncLoad implements Callable<Integer> {
  enum Target {
    CODEROOM,
    PLAIN,
    HOCUSPOCUS
  }

  @Option(
      names = "--target",
      defaultValue = "CODEROOM",
      description =
          "coderoom (creates rooms over its API) or plain (any y-websocket server: URL/room). Default: ${DEFAULT-VALUE}")
  Target target;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description =
          "Coderoom's base URL, or a plain server's ws:// URL. Loopback only. Default: ${DEFAULT-VALUE}")
  URI url;

  @Option(
      names = "--api-key",
      defaultValue = "${env:CODEROOM_API_KEY}",
      description = "Coderoom API key (default: $CODEROOM_API_KEY).")
  String apiKey;

  @Option(
      names = "--rooms",
      split = ",",
      defaultValue = "100",
      description =
          "Rooms; a comma-separated list steps the load up, stopping after the first step whose p99"
              + " passes --p99-limit or that delivers under 95%% of its edits. Default: ${DEFAULT-VALUE}")
  List<Integer> rooms;

  @Option(
      names = "--clients",
      defaultValue = "4",
      description = "Clients per room. Default: ${DEFAULT-VALUE}")
  int clients;

  @Option(
      names = "--rate",
      defaultValue = "5",
      description = "Edits per second per client. Default: ${DEFAULT-VALUE}")
  double rate;

  @Option(
      names = "--duration",
      defaultValue = "20",
      description = "Seconds measured per step. Default: ${DEFAULT-VALUE}")
  int duration;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Seconds typed before measuring, per step. Default: ${DEFAULT-VALUE}")
  int warmup;

  @Option(
      names = "--prime",
      defaultValue = "45",
      description =
          "Seconds of unmeasured typing in rooms of their own before the first step. Servers are"
              + " long-running processes: without it the first step measures just-in-time compilation"
              + " (each new kind of work, such as the first deletes or the first snapshots 25 s in,"
              + " makes a server recompile its hottest code). Default: ${DEFAULT-VALUE}")
  int prime;

  @Option(
      names = "--prime-rooms",
      defaultValue = "100",
      description = "Rooms typed in while priming. Default: ${DEFAULT-VALUE}")
  int primeRooms;

  @Option(
      names = "--p99-limit",
      defaultValue = "50",
      description = "Milliseconds of p99 past which stepping stops. Default: ${DEFAULT-VALUE}")
  double p99LimitMs;

  @Option(
      names = "--all-steps",
      description =
          "Run every step of --rooms even after one that was not sustained: to compare servers at"
              + " the same loads.")
  boolean allSteps;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "Event loops of the load generator. Default: ${DEFAULT-VALUE}")
  int threads;

  @Option(
      names = "--server-pid",
      split = ",",
      description =
          "The server's pid, for its CPU and memory (read from /proc); several (comma-separated)"
              + " are added up, as one server of several instances.")
  List<Long> serverPids = List.of();

  @Option(
      names = "--proxy-pid",
      description = "A load balancer's pid in front of the server: its CPU is shown apart.")
  Long proxyPid;

  @Option(
      names = "--instance-header",
      description =
          "The handshake response's header in which a load balancer names the instance a socket"
              + " reached. With it, each room's first client connects alone (so its instance owns"
              + " the room), and latency is also split by the relay hops a delivery took.")
  String instanceHeader;

  @Option(names = "--summary", description = "Also write each step's figures to this JSON file.")
  Path summary;

  @Option(
      names = "--collect-before-memory",
      description =
          "The server is a JVM: run a full GC (jcmd GC.run) before reading its memory, so resident"
              + " memory reflects live data rather than garbage not yet collected.")
  boolean collectBeforeMemory;

  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong edits = new AtomicLong();
  private int roomsCreated;
  private final List<StepFigures> steps = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    LoopbackTarget.require(url);
    System.out.printf(
        "target        %s (%s), %d clients per room x %.1f edits/s%n",
        url, target.name().toLowerCase(), clients, rate);
    try (TypingClients sockets = new TypingClients(threads, instanceHeader)) {
      prime(sockets);
      for (int step : rooms) {
        if (!runStep(sockets, step) && !allSteps) {
          break;
        }
      }
    }
    if (summary != null) {
      writeSummary();
    }
    return 0;
  }

  /** Types unmeasured in rooms of its own, so the steps meet a server past its warm-up. */
  private void prime(TypingClients sockets) throws Exception {
    if (prime <= 0) {
      return;
    }
    List<TypingClient> all = connect(sockets, primeRooms, new Deliveries());
    startTyping(all);
    Thread.sleep(TimeUnit.SECONDS.toMillis(prime));
    all.forEach(TypingClient::close);
    System.out.printf("%nprimed        %d rooms typed for %d s, not measured%n", primeRooms, prime);
    Thread.sleep(2000);
  }

  /**
   * Fresh rooms with {@code clients} synced clients each. When the clients' instances are known, a
   * room's first client syncs before the others connect: its instance takes the room, and a client
   * elsewhere reaches the room through a relay.
   */
  private List<TypingClient> connect(TypingClients sockets, int roomCount, Deliveries deliveries)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<TypingClient> all = new ArrayList<>();
    List<CompletableFuture<Void>> synced = new ArrayList<>();
    for (int r = 0; r < roomCount; r++) {
      int index = roomsCreated++;
      URI room = roomUri(http, index);
      Framing framing =
          target == Target.HOCUSPOCUS
              ? new Framing.Hocuspocus("load-" + index)
              : new Framing.Plain();
      CompletableFuture<Void> first = null;
      for (int c = 0; c < clients; c++) {
        TypingClient client = new TypingClient(all.size(), framing, deliveries, edits, errors);
        all.add(client);
        if (first == null) {
          first = sockets.connect(room, client);
          synced.add(first);
        } else if (instanceHeader != null) {
          synced.add(first.thenCompose(ignored -> sockets.connect(room, client)));
        } else {
          synced.add(sockets.connect(room, client));
        }
      }
    }
    CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    deliveries.relayed(relayed(all));
    return all;
  }

  /** Whether each client reached another instance than its room's first client (the owner). */
  private boolean[] relayed(List<TypingClient> all) {
    boolean[] relayed = new boolean[all.size()];
    if (instanceHeader != null) {
      for (int i = 0; i < all.size(); i++) {
        relayed[i] = !all.get(i).instance().equals(all.get(i - i % clients).instance());
      }
    }
    return relayed;
  }

  private void startTyping(List<TypingClient> all) {
    Random random = new Random(42);
    for (TypingClient client : all) {
      client.startTyping(rate, random.nextLong(Long.MAX_VALUE));
    }
  }

  /** One load level on fresh rooms; false once the server no longer keeps up. */
  private boolean runStep(TypingClients sockets, int roomCount) throws Exception {
    Deliveries deliveries = new Deliveries();
    errors.set(0);
    ServerProcessStats idle = memoryOfServer();
    List<TypingClient> all = connect(sockets, roomCount, deliveries);
    Thread.sleep(1000); // let the server settle what connecting allocated
    ServerProcessStats connected = memoryOfServer();

    startTyping(all);
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    deliveries.interval();
    for (int h = 0; h <= Deliveries.MAX_HOPS; h++) {
      deliveries.interval(h);
    }
    long editsBefore = edits.get();
    ServerProcessStats before =
        serverPids.isEmpty() ? null : ServerProcessStats.readAll(serverPids);
    ServerProcessStats proxyBefore = proxyPid == null ? null : ServerProcessStats.read(proxyPid);
    long start = System.nanoTime();
    // Second by second, so a stall shows as a spike in the timeline rather than only in the tail.
    Histogram measured = new Histogram(3);
    StringBuilder timeline = new StringBuilder();
    for (int second = 0; second < duration; second++) {
      Thread.sleep(1000);
      Histogram thisSecond = deliveries.interval();
      measured.add(thisSecond);
      timeline.append(String.format(" %.0f", ms(thisSecond.getMaxValue())));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long editsMeasured = edits.get() - editsBefore;
    ServerProcessStats after = before == null ? null : ServerProcessStats.readAll(serverPids);
    ServerProcessStats proxyUsed =
        proxyPid == null ? null : ServerProcessStats.read(proxyPid).since(proxyBefore);
    List<Histogram> byHops = new ArrayList<>();
    if (instanceHeader != null) {
      for (int h = 0; h <= Deliveries.MAX_HOPS; h++) {
        byHops.add(deliveries.interval(h));
      }
    }
    long lost = errors.get();
    all.forEach(TypingClient::close);

    double sent = editsMeasured / seconds;
    double delivered = measured.getTotalCount() / seconds;
    double deliveredShare = sent == 0 ? 0 : delivered / (sent * (clients - 1));
    double p99 = ms(measured.getValueAtPercentile(99));
    System.out.printf("%n== %d rooms, %d clients%n", roomCount, all.size());
    System.out.printf(
        "edits         %.0f/s sent, %.0f/s delivered to peers (%.1f%% of expected)%n",
        sent, delivered, 100 * deliveredShare);
    System.out.printf(
        "latency (ms)  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        ms(measured.getValueAtPercentile(50)),
        ms(measured.getValueAtPercentile(90)),
        p99,
        ms(measured.getValueAtPercentile(99.9)),
        ms(measured.getMaxValue()));
    System.out.printf("max per second%s%n", timeline);
    int relayedSockets = 0;
    for (boolean r : relayed(all)) {
      relayedSockets += r ? 1 : 0;
    }
    if (instanceHeader != null) {
      System.out.printf(
          "relayed       %d of %d sockets reach their room through another instance%n",
          relayedSockets, all.size());
      // Shares of the hop histograms' own total: they are read once, the timeline every second.
      long counted = byHops.stream().mapToLong(Histogram::getTotalCount).sum();
      for (int h = 0; h < byHops.size(); h++) {
        Histogram hops = byHops.get(h);
        System.out.printf(
            "  %d hop%s      %.1f%% of deliveries, p50 %.2f  p99 %.2f%n",
            h,
            h == 1 ? " " : "s",
            counted == 0 ? 0 : 100.0 * hops.getTotalCount() / counted,
            ms(hops.getValueAtPercentile(50)),
            ms(hops.getValueAtPercentile(99)));
      }
    }
    System.out.printf("errors        %d%n", lost);
    ServerProcessStats serverUsed = after == null ? null : after.since(before);
    if (serverUsed != null) {
      System.out.printf(
          "server        cpu %.0f%% of one core (user %.0f%%, kernel %.0f%%), %.1f ms per 1,000"
              + " deliveries; rss %.0f MB typing;"
              + " %.0f MB idle -> %.0f MB connected: %.1f KB per room (%.1f KB per socket)%n",
          100 * serverUsed.cpuSeconds() / seconds,
          100 * serverUsed.userSeconds() / seconds,
          100 * serverUsed.kernelSeconds() / seconds,
          StepFigures.perThousandDeliveries(serverUsed, measured.getTotalCount()),
          after.rssBytes() / 1e6,
          idle.rssBytes() / 1e6,
          connected.rssBytes() / 1e6,
          (connected.rssBytes() - idle.rssBytes()) / 1024.0 / roomCount,
          (connected.rssBytes() - idle.rssBytes()) / 1024.0 / all.size());
    }
    if (proxyUsed != null) {
      System.out.printf(
          "proxy         cpu %.0f%% of one core (user %.0f%%, kernel %.0f%%), %.1f ms per 1,000"
              + " deliveries%n",
          100 * proxyUsed.cpuSeconds() / seconds,
          100 * proxyUsed.userSeconds() / seconds,
          100 * proxyUsed.kernelSeconds() / seconds,
          StepFigures.perThousandDeliveries(proxyUsed, measured.getTotalCount()));
    }
    boolean keptUp = p99 <= p99LimitMs && deliveredShare >= 0.95 && lost == 0;
    System.out.printf("sustained     %s%n", keptUp ? "yes" : "no");
    steps.add(
        new StepFigures(
            roomCount,
            all.size(),
            relayedSockets,
            seconds,
            sent,
            deliveredShare,
            measured,
            byHops,
            serverUsed,
            proxyUsed,
            lost,
            keptUp));
    Thread.sleep(2000); // closed sockets leave before the next step
    return keptUp;
  }

  private void writeSummary() throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("target", target.name().toLowerCase())
        .put("url", url.toString())
        .put("clientsPerRoom", clients)
        .put("editsPerSecondPerClient", rate)
        .put("measuredSecondsPerStep", duration);
    ArrayNode list = root.putArray("steps");
    steps.forEach(step -> list.add(step.toJson()));
    Files.createDirectories(summary.toAbsolutePath().getParent());
    Files.writeString(summary, root.toPrettyString() + "\n");
  }

  private ServerProcessStats memoryOfServer() throws IOException, InterruptedException {
    if (serverPids.isEmpty()) {
      return null;
    }
    if (collectBeforeMemory) {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      for (long pid : serverPids) {
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor(30, TimeUnit.SECONDS);
      }
    }
    return ServerProcessStats.readAll(serverPids);
  }

  private URI roomUri(HttpClient http, int index) throws Exception {
    if (target == Target.PLAIN) {
      return URI.create(url.toString().replaceAll("/+$", "") + "/load-" + index);
    }
    if (target == Target.HOCUSPOCUS) {
      return url;
    }
    return CoderoomRoom.create(http, url, apiKey, "load " + index, "python", "interviewer")
        .socket("code");
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new SyncLoad())
            .setCaseInsensitiveEnumValuesAllowed(true)
            // A script's defaults come first, so the options a person adds after them win.
            .setOverwrittenOptionsAllowed(true)
            .execute(args));
  }
}
