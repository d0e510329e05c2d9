package io.coderoom.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.crdt.sync.SyncMessage;
import io.coderoom.crdt.sync.SyncProtocol;
import io.coderoom.runner.protocol.Languages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Run latency as the people in a room see it: for each language, the language's template is put in
 * a room's code, and a participant's control socket sends {@code run} and times the {@code
 * run_started}, the first {@code run_output} and the {@code run_finished} it receives back. The
 * agent behind the server decides cold or warm containers; {@code run-latency.sh} runs this once
 * against each.
 *
 * <p>With {@code --problem SLUG} it times submissions instead: the room is set to that curated
 * problem with the problem's reference solution as its code (read from the repository's problem
 * folder), and {@code submit} runs every test, hidden ones included.
 */
@Command(
    name = "room-run-latency",
    mixinStandardHelpOptions = true,
    description = "Time runs from the run command to first output and result, per language.")
public final class RoomRunLatency implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** The server allows 10 runs a minute per room: a fresh room well before that. */
  private static final int RUNS_PER_ROOM = 8;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Loopback only.")
  URI url;

  @Option(names = "--api-key", defaultValue = "${env:CODEROOM_API_KEY}")
  String apiKey;

  @Option(names = "--languages", split = ",", description = "Default: every language served.")
  List<String> languages;

  @Option(names = "--runs", defaultValue = "10", description = "Measured runs per language.")
  int runs;

  @Option(names = "--label", defaultValue = "", description = "Printed with the results.")
  String label;

  @Option(
      names = "--problem",
      description = "Time submissions of this curated problem's reference solution instead.")
  String problem;

  @Option(
      names = "--problems-dir",
      defaultValue = "server/src/main/resources/problems",
      description = "Where the curated problem folders are.")
  Path problemsDir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private record Sample(double firstOutputMs, double resultMs, String status) {}

  @Override
  public Integer call() throws Exception {
    LoopbackTarget.require(url);
    Map<String, String> templates = templates();
    if (languages == null) {
      languages = new ArrayList<>(templates.keySet());
    }
    if (problem != null) {
      System.out.println("submitting the reference solution of " + problem + " (every test)");
    }
    System.out.printf(
        "%-11s %-6s %21s %21s  %s%n",
        "language", label, "first output p50/p95", "result p50/p95", "");
    for (String language : languages) {
      List<Sample> samples = new ArrayList<>();
      // The first run per language is not measured: it pays for the image's first page-in.
      for (int done = -1; done < runs; ) {
        try (Room room = openRoom(language, templates.get(language))) {
          for (int i = 0; i < RUNS_PER_ROOM && done < runs; i++, done++) {
            Sample sample = room.run();
            if (done >= 0) {
              samples.add(sample);
            }
          }
        }
      }
      print(language, samples);
    }
    return 0;
  }

  private void print(String language, List<Sample> samples) {
    List<Double> first = new ArrayList<>();
    List<Double> result = new ArrayList<>();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (Sample sample : samples) {
      first.add(sample.firstOutputMs());
      result.add(sample.resultMs());
      statuses.merge(sample.status(), 1, Integer::sum);
    }
    System.out.printf(
        "%-11s %-6s %9.0f / %5.0f ms %9.0f / %5.0f ms  %s%n",
        language,
        label,
        percentile(first, 50),
        percentile(first, 95),
        percentile(result, 50),
        percentile(result, 95),
        statuses);
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
  }

  private Map<String, String> templates() throws Exception {
    JsonNode served = get("/api/languages");
    Map<String, String> templates = new LinkedHashMap<>();
    for (JsonNode language : served.has("languages") ? served.get("languages") : served) {
      templates.put(language.path("id").asText(), language.path("template").asText());
    }
    return templates;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(url.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private Room openRoom(String language, String code) throws Exception {
    if (problem != null) {
      // The room starts with the reference solution as its code, on the problem.
      String solution =
          Files.readString(
              problemsDir
                  .resolve(problem)
                  .resolve("solution")
                  .resolve(language + "." + Languages.builtIn().fileExtension(language)));
      CoderoomRoom room =
          CoderoomRoom.create(
              http,
              url,
              apiKey,
              Map.of(
                  "title", "submit latency",
                  "language", language,
                  "problemId", problem,
                  "starterCode", solution),
              "candidate");
      return new Room(room.socket("control"));
    }
    CoderoomRoom room =
        CoderoomRoom.create(http, url, apiKey, "run latency", language, "candidate");
    writeCode(room.socket("code"), code);
    return new Room(room.socket("control"));
  }

  /**
   * Types the code into the empty document, then asks for sync step 2: the server handles a
   * socket's messages in order, so its answer means the code is in the room.
   */
  private void writeCode(URI uri, String code) throws Exception {
    CompletableFuture<Void> applied = new CompletableFuture<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                    if (data.remaining() >= 2 && data.get(0) == 0 && data.get(1) == 1) {
                      applied.complete(null);
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    TypedRun run =
        new TypedRun(ThreadLocalRandom.current().nextInt(1 << 30), "codemirror", 1 << 20);
    socket.sendBinary(ByteBuffer.wrap(SyncProtocol.update(run.type(code))), true).join();
    socket
        .sendBinary(
            ByteBuffer.wrap(SyncProtocol.encode(new SyncMessage.Step1(new byte[] {0}))), true)
        .join();
    applied.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
  }

  /** A participant's control socket: sends runs and hands every event to the waiting run. */
  private final class Room implements AutoCloseable, WebSocket.Listener {
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    Room(URI control) throws Exception {
      socket = http.newWebSocketBuilder().buildAsync(control, this).get(10, TimeUnit.SECONDS);
      next("welcome");
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          events.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException("unreadable control message", e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    Sample run() throws Exception {
      long sent = System.nanoTime();
      socket
          .sendText(
              problem == null
                  ? "{\"v\":1,\"type\":\"run\",\"stdin\":\"hello\\n\"}"
                  : "{\"v\":1,\"type\":\"submit\"}",
              true)
          .join();
      String runId = next("run_started").path("runId").asText();
      double firstOutput = Double.NaN;
      while (true) {
        JsonNode event = next(null);
        if (!runId.equals(event.path("runId").asText())) {
          continue;
        }
        double elapsed = (System.nanoTime() - sent) / 1e6;
        if (event.path("type").asText().equals("run_output") && Double.isNaN(firstOutput)) {
          firstOutput = elapsed;
        } else if (event.path("type").asText().equals("run_finished")) {
          JsonNode tests = event.path("tests");
          String status =
              tests.isObject()
                  ? event.path("status").asText()
                      + " "
                      + tests.path("passed").asInt()
                      + "/"
                      + tests.path("total").asInt()
                  : event.path("status").asText();
          return new Sample(firstOutput, elapsed, status);
        }
      }
    }

    /** The next event of {@code type} (any type when null); a refusal ends the benchmark. */
    private JsonNode next(String type) throws Exception {
      while (true) {
        JsonNode event = events.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (event == null) {
          throw new IllegalStateException("no " + (type == null ? "event" : type) + " in time");
        }
        if (event.path("type").asText().equals("error")) {
          throw new IllegalStateException("the server refused: " + event);
        }
        if (type == null || event.path("type").asText().equals(type)) {
          return event;
        }
      }
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RoomRunLatency()).execute(args));
  }
}
