package io.coderoom.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
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

  @Option(names = "--rooms", defaultValue = "100", description = "Rooms. Default: ${DEFAULT-VALUE}")
  int rooms;

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
      description = "Seconds measured. Default: ${DEFAULT-VALUE}")
  int duration;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "Seconds before measuring. Default: ${DEFAULT-VALUE}")
  int warmup;

  @Option(
      names = "--server-pid",
      description = "The server's pid, for its CPU and memory (read from /proc).")
  Long serverPid;

  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong edits = new AtomicLong();

  @Override
  public Integer call() throws Exception {
    LoopbackTarget.require(url);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Recorder latency = new Recorder(3);
    List<LoadClient> all = new ArrayList<>();
    List<CompletableFuture<Void>> connected = new ArrayList<>();
    for (int r = 0; r < rooms; r++) {
      URI room = roomUri(http, r);
      Framing framing =
          target == Target.HOCUSPOCUS ? new Framing.Hocuspocus("load-" + r) : new Framing.Plain();
      for (int c = 0; c < clients; c++) {
        LoadClient client = new LoadClient(latency, errors, framing);
        all.add(client);
        connected.add(client.connect(http, room));
      }
    }
    CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    System.out.printf("connected     %d clients in %d rooms%n", all.size(), rooms);

    ScheduledExecutorService typists =
        Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().daemon().name("typist-", 0).factory());
    Random random = new Random(42);
    long periodNanos = (long) (1e9 / rate);
    for (LoadClient client : all) {
      typists.scheduleAtFixedRate(
          () -> {
            client.edit(random.nextInt(Integer.MAX_VALUE));
            edits.incrementAndGet();
          },
          random.nextLong(periodNanos),
          periodNanos,
          TimeUnit.NANOSECONDS);
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    latency.getIntervalHistogram();
    long editsBefore = edits.get();
    ServerProcessStats before = serverPid == null ? null : ServerProcessStats.read(serverPid);
    long start = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
    double seconds = (System.nanoTime() - start) / 1e9;
    Histogram measured = latency.getIntervalHistogram();
    long editsMeasured = edits.get() - editsBefore;
    ServerProcessStats after = serverPid == null ? null : ServerProcessStats.read(serverPid);
    typists.shutdownNow();
    all.forEach(LoadClient::close);

    System.out.printf("target        %s (%s)%n", url, target.name().toLowerCase());
    System.out.printf("load          %d rooms x %d clients x %.1f edits/s%n", rooms, clients, rate);
    System.out.printf(
        "edits         %.0f/s sent, %.0f/s delivered to peers%n",
        editsMeasured / seconds, measured.getTotalCount() / seconds);
    System.out.printf(
        "latency (ms)  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        ms(measured.getValueAtPercentile(50)),
        ms(measured.getValueAtPercentile(90)),
        ms(measured.getValueAtPercentile(99)),
        ms(measured.getValueAtPercentile(99.9)),
        ms(measured.getMaxValue()));
    System.out.printf("errors        %d%n", errors.get());
    if (before != null) {
      System.out.printf(
          "server        cpu %.0f%% of one core, rss %.0f MB (%.1f KB per client)%n",
          100 * (after.cpuSeconds() - before.cpuSeconds()) / seconds,
          after.rssBytes() / 1e6,
          after.rssBytes() / 1024.0 / all.size());
    }
    return 0;
  }

  private URI roomUri(HttpClient http, int index) throws Exception {
    if (target == Target.PLAIN) {
      return URI.create(url.toString().replaceAll("/+$", "") + "/load-" + index);
    }
    if (target == Target.HOCUSPOCUS) {
      return url;
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "--api-key (or CODEROOM_API_KEY) is needed to create Coderoom rooms");
    }
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/rooms"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"load " + index + "\",\"language\":\"python\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "creating a room failed: " + created.statusCode() + " " + created.body());
    }
    JsonNode room = JsonMapper.builder().build().readTree(created.body());
    String link = room.path("links").path("interviewer").path("url").asText();
    String token = link.substring(link.indexOf("#token=") + 7);
    return URI.create(
        url.toString().replaceFirst("^http", "ws").replaceAll("/+$", "")
            + "/ws/rooms/"
            + room.path("id").asText()
            + "/code?token="
            + token);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new SyncLoad()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
