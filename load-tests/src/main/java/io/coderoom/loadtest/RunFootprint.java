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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Finishes a number of runs through the REST API (rooms of Python code that prints a few KB, each
 * room running its code {@code --runs-per-room} times in a row), so that {@code run-footprint.sh}
 * can read what the finished runs left behind in Redis.
 */
@Command(
    name = "run-footprint",
    mixinStandardHelpOptions = true,
    description = "Finish runs over the REST API, for a measure of what they leave in Redis.")
public final class RunFootprint implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

  /** A program that prints about 4 KB, so the footprint of output is visible too. */
  private static final String CODE =
      "import sys\nfor i in range(64):\n    print('line', i, 'x' * 48)\nprint(sys.stdin.read())\n";

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Loopback only.")
  URI url;

  @Option(names = "--api-key", defaultValue = "${env:CODEROOM_API_KEY}")
  String apiKey;

  @Option(names = "--rooms", defaultValue = "100")
  int rooms;

  @Option(
      names = "--runs-per-room",
      defaultValue = "10",
      description = "At most the server's per-room limit per minute (10).")
  int runsPerRoom;

  @Option(names = "--parallel", defaultValue = "4", description = "Rooms running at once.")
  int parallel;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public Integer call() throws Exception {
    LoopbackTarget.require(url);
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
      List<Future<?>> rooms = new ArrayList<>();
      for (int r = 0; r < this.rooms; r++) {
        rooms.add(
            pool.submit(
                () -> {
                  String[] room = createRoom();
                  for (int i = 0; i < runsPerRoom; i++) {
                    if (runToEnd(room[0], room[1])) {
                      finished.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> room : rooms) {
        room.get();
      }
    }
    System.out.printf(
        "finished runs: %d (not ok: %d) in %.0f s%n",
        finished.get(), failed.get(), (System.nanoTime() - started) / 1e9);
    return failed.get() == 0 ? 0 : 1;
  }

  /** The room's id and its interviewer token. */
  private String[] createRoom() throws Exception {
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(url.resolve("/api/rooms"))
                .header("Authorization", "Bearer " + apiKey)
                .POST(
                    body(Map.of("title", "footprint", "language", "python", "starterCode", CODE))));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("creating a room: " + created.statusCode() + created.body());
    }
    JsonNode room = JSON.readTree(created.body());
    String link = room.path("links").path("interviewer").path("url").asText();
    return new String[] {room.path("id").asText(), link.substring(link.indexOf("#token=") + 7)};
  }

  /** Starts a run and waits until its record says it ended; true when it ended ok. */
  private boolean runToEnd(String roomId, String token) throws Exception {
    URI runs = url.resolve("/api/rooms/" + roomId + "/runs");
    HttpResponse<String> accepted =
        send(
            HttpRequest.newBuilder(runs)
                .header("Authorization", "Bearer " + token)
                .POST(body(Map.of("stdin", "bye"))));
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException("starting a run: " + accepted.statusCode() + accepted.body());
    }
    URI run = url.resolve(accepted.headers().firstValue("Location").orElseThrow());
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> got =
          send(HttpRequest.newBuilder(run).header("Authorization", "Bearer " + token).GET());
      if (got.statusCode() == 200) {
        String status = JSON.readTree(got.body()).path("status").asText();
        if (!status.equals("running")) {
          return status.equals("ok");
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("run " + run + " did not end in " + RUN_TIMEOUT);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher body(Map<String, ?> json) throws Exception {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json));
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RunFootprint()).execute(args));
  }
}
