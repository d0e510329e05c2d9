package io.coderoom.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A brute-force attacker: from its own loopback address, sends room creations with random, wrong
 * API tokens as fast as its connections allow, until stopped; counts the answers by status. The
 * server should refuse all but a few with {@code 429} at once, without slowing anyone else.
 */
final class WrongTokenFlood implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ROOM = "{\"title\":\"Flood\",\"language\":\"python\"}";

  private final AtomicBoolean stopped = new AtomicBoolean();
  private final ConcurrentHashMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final LongAdder failures = new LongAdder();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Future<?>> running = new ArrayList<>();

  WrongTokenFlood(URI target, InetAddress from, int concurrency) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .localAddress(from)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI rooms = target.resolve("/api/rooms");
    for (int i = 0; i < concurrency; i++) {
      running.add(
          workers.submit(
              () -> {
                while (!stopped.get()) {
                  HttpRequest request =
                      HttpRequest.newBuilder(rooms)
                          .timeout(Duration.ofSeconds(10))
                          .header("Authorization", "Bearer " + wrongToken())
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(ROOM))
                          .build();
                  try {
                    int status =
                        client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                  } catch (Exception e) {
                    failures.increment();
                  }
                }
                return null;
              }));
    }
  }

  /** A token of the API token's form that no one holds. */
  private static String wrongToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "crt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Answers so far by status, such as {@code 401=10 429=51234}, and failed requests. */
  String summary() {
    StringBuilder text = new StringBuilder();
    statuses.entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue().sum()).append(' '));
    return text.append("failed=").append(failures.sum()).toString();
  }

  @Override
  public void close() throws Exception {
    stopped.set(true);
    for (Future<?> future : running) {
      future.get();
    }
    workers.close();
  }
}
