package io.coderoom.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sends a bounded number of GET requests over a few keep-alive connections and prints the latency
 * distribution and throughput: the HTTP baseline of a running server. With {@code
 * --flood-wrong-tokens ADDRESS} an attacker guesses API tokens from another loopback address
 * meanwhile, so the two runs side by side show whether a brute force slows anyone else.
 */
@Command(
    name = "http-probe",
    mixinStandardHelpOptions = true,
    description = "Measures request latency and throughput of one URL on this machine.")
public final class HttpProbe implements Callable<Integer> {
  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080/healthz",
      description = "Target URL (loopback only). Default: ${DEFAULT-VALUE}")
  URI url;

  @Option(
      names = "--requests",
      defaultValue = "20000",
      description = "Requests in total. Default: ${DEFAULT-VALUE}")
  int requests;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      description = "Requests in flight. Default: ${DEFAULT-VALUE}")
  int concurrency;

  @Option(
      names = "--local-address",
      description = "Loopback address the probe's connections come from (such as 127.0.0.2).")
  InetAddress localAddress;

  @Option(
      names = "--flood-wrong-tokens",
      description =
          "While measuring, also flood the server with wrong API tokens (POST /api/rooms) from"
              + " this other loopback address (such as 127.0.0.3), and print their answers.")
  InetAddress floodAddress;

  @Option(
      names = "--flood-concurrency",
      defaultValue = "8",
      description = "Flood requests in flight. Default: ${DEFAULT-VALUE}")
  int floodConcurrency;

  @Option(
      names = "--warmup",
      defaultValue = "2000",
      description = "Requests before measuring. Default: ${DEFAULT-VALUE}")
  int warmup;

  @Override
  public Integer call() throws Exception {
    LoopbackTarget.require(url);
    for (InetAddress from : new InetAddress[] {localAddress, floodAddress}) {
      if (from != null && !from.isLoopbackAddress()) {
        throw new IllegalArgumentException("load comes only from loopback addresses: " + from);
      }
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    if (localAddress != null) {
      builder.localAddress(localAddress);
    }
    HttpClient client = builder.build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();

    Optional<WrongTokenFlood> flood =
        Optional.ofNullable(floodAddress)
            .map(from -> new WrongTokenFlood(url, from, floodConcurrency));
    run(client, request, warmup, new Recorder(3), new AtomicLong());
    Recorder recorder = new Recorder(3);
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    run(client, request, requests, recorder, failures);
    double seconds = (System.nanoTime() - start) / 1e9;
    String floodSummary = "";
    if (flood.isPresent()) {
      flood.get().close();
      floodSummary = flood.get().summary();
    }

    Histogram histogram = recorder.getIntervalHistogram();
    System.out.printf(
        "target        %s%s%n", url, localAddress == null ? "" : " from " + localAddress);
    if (flood.isPresent()) {
      System.out.printf(
          "flood         wrong API tokens from %s, %d in flight: %s%n",
          floodAddress.getHostAddress(), floodConcurrency, floodSummary);
    }
    System.out.printf(
        "requests      %d (%d failed), concurrency %d%n", requests, failures.get(), concurrency);
    System.out.printf("throughput    %.0f req/s%n", requests / seconds);
    System.out.printf(
        "latency (us)  p50 %d  p90 %d  p99 %d  p99.9 %d  max %d%n",
        histogram.getValueAtPercentile(50) / 1000,
        histogram.getValueAtPercentile(90) / 1000,
        histogram.getValueAtPercentile(99) / 1000,
        histogram.getValueAtPercentile(99.9) / 1000,
        histogram.getMaxValue() / 1000);
    return failures.get() == 0 ? 0 : 1;
  }

  private void run(
      HttpClient client, HttpRequest request, int count, Recorder recorder, AtomicLong failures)
      throws Exception {
    AtomicLong remaining = new AtomicLong(count);
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        running.add(
            workers.submit(
                () -> {
                  while (remaining.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    try {
                      HttpResponse<Void> response =
                          client.send(request, HttpResponse.BodyHandlers.discarding());
                      if (response.statusCode() >= 400) {
                        failures.incrementAndGet();
                      }
                    } catch (Exception e) {
                      failures.incrementAndGet();
                    }
                    recorder.recordValue(System.nanoTime() - sent);
                  }
                  return null;
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new HttpProbe()).execute(args));
  }
}
