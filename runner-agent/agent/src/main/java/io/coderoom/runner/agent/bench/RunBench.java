package io.coderoom.runner.agent.bench;

import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.agent.metrics.MetricsEndpointConfig;
import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunEvent;
import io.coderoom.runner.protocol.RunJob;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Run latency as a room sees it: from the job's XADD to the first output chunk on {@code
 * run:{id}:out} and to the result on {@code runs:results}, per language, with cold containers and
 * with the warm pool, and the run's peak memory as reported; then sustained runs per second of a
 * trivial Python program ({@code --throughput 0} leaves that out).
 *
 * <pre>
 *   java -cp 'runner-agent/agent/target/coderoom-runner-agent-*.jar:runner-agent/agent/target/lib/*' \
 *     io.coderoom.runner.agent.bench.RunBench [--runs N] [--languages a,b] [--throughput N] [--slots N]
 * </pre>
 *
 * It starts its own agent in this process against {@code CODEROOM_BENCH_REDIS_URL} (default Redis
 * database 2, so an agent started by {@code ./coderoom up} on database 0 takes none of its jobs).
 */
public final class RunBench {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final RedisCommands<String, String> redis;

  private RunBench(RedisCommands<String, String> redis) {
    this.redis = redis;
  }

  private record Sample(long firstOutputMs, long resultMs) {}

  public static void main(String[] args) throws Exception {
    int runs = 10;
    int throughputJobs = 40;
    int slots = 2;
    List<String> only = List.of();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--throughput" -> throughputJobs = Integer.parseInt(args[++i]);
        case "--slots" -> slots = Integer.parseInt(args[++i]);
        case "--languages" -> only = List.of(args[++i].split(","));
        default -> {
          System.err.println(
              "usage: RunBench [--runs N] [--languages a,b] [--throughput N] [--slots N]");
          System.exit(2);
        }
      }
    }
    String url =
        System.getenv().getOrDefault("CODEROOM_BENCH_REDIS_URL", "redis://127.0.0.1:6379/2");
    List<Language> languages = new ArrayList<>();
    for (Language language : Languages.builtIn().all()) {
      if (only.isEmpty() || only.contains(language.id())) {
        languages.add(language);
      }
    }
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RunBench bench = new RunBench(connection.sync());
      System.out.printf(
          Locale.ROOT,
          "run latency, hello world with stdin, %d runs each (first run discarded), one at a time%n",
          runs);
      System.out.printf(
          Locale.ROOT,
          "%-11s %-5s %17s %17s %17s %11s%n",
          "language",
          "mode",
          "first byte p50/95",
          "result p50/95",
          "compile+run p50",
          "memory p50");
      for (boolean warm : new boolean[] {false, true}) {
        AgentConfig config =
            AgentConfig.fromEnv(
                    Map.of(
                        "CODEROOM_REDIS_URL",
                        url,
                        "CODEROOM_AGENT_ID",
                        "bench-" + ProcessHandle.current().pid(),
                        "CODEROOM_RUNNER_SLOTS",
                        Integer.toString(slots),
                        "CODEROOM_RUNNER_WARM",
                        warm ? "1" : "0"))
                .withWarmPerLanguage(warm ? 1 : 0)
                // Beside a running agent, which has the default port.
                .withMetrics(MetricsEndpointConfig.anyLocalPort());
        try (RunnerAgent agent = RunnerAgent.start(config)) {
          for (Language language : languages) {
            bench.latency(agent, language, runs, warm);
          }
        }
      }
      if (throughputJobs > 0) {
        bench.throughput(url, throughputJobs, slots);
      }
    } finally {
      client.shutdown();
    }
  }

  private void latency(RunnerAgent agent, Language language, int runs, boolean warm)
      throws InterruptedException {
    List<Long> first = new ArrayList<>();
    List<Long> result = new ArrayList<>();
    List<Long> work = new ArrayList<>();
    List<Long> memory = new ArrayList<>();
    String code = HelloPrograms.of(language.id());
    for (int i = 0; i <= runs; i++) {
      if (warm) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (agent.sandbox().warmReady(language.image()) == 0 && System.nanoTime() < until) {
          Thread.sleep(20);
        }
      }
      String runId = "bench-" + UUID.randomUUID();
      Timing t = submitAndWait(RunJob.run(runId, language.id(), code, "bench\n"));
      if (i > 0) {
        first.add(t.firstOutputMs());
        result.add(t.resultMs());
        work.add(t.workMs());
        memory.add(t.memoryBytes());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-11s %-5s %8d/%-8d %8d/%-8d %8d %8d MB%n",
        language.id(),
        warm ? "warm" : "cold",
        pct(first, 50),
        pct(first, 95),
        pct(result, 50),
        pct(result, 95),
        pct(work, 50),
        pct(memory, 50) / (1024 * 1024));
  }

  private record Timing(long firstOutputMs, long resultMs, long workMs, long memoryBytes) {}

  /** Submits a job and follows its output stream and the results stream until its result. */
  private Timing submitAndWait(RunJob job) {
    String resultsFrom = lastId(RedisKeys.RESULTS_STREAM);
    long started = System.nanoTime();
    redis.xadd(RedisKeys.JOBS_STREAM, job.toFields());
    String outFrom = "0-0";
    long firstOutput = -1;
    long deadline = started + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<StreamMessage<String, String>> entries =
          redis.xread(
              XReadArgs.Builder.block(Duration.ofSeconds(1)),
              XReadArgs.StreamOffset.from(RedisKeys.runOutput(job.runId()), outFrom),
              XReadArgs.StreamOffset.from(RedisKeys.RESULTS_STREAM, resultsFrom));
      long now = System.nanoTime();
      for (StreamMessage<String, String> entry : entries) {
        if (entry.getStream().equals(RedisKeys.RESULTS_STREAM)) {
          resultsFrom = entry.getId();
          if (job.runId().equals(entry.getBody().get("runId"))) {
            long work =
                Long.parseLong(entry.getBody().get("compileMs"))
                    + Long.parseLong(entry.getBody().get("runMs"));
            return new Timing(
                firstOutput < 0 ? -1 : (firstOutput - started) / 1_000_000,
                (now - started) / 1_000_000,
                work,
                Long.parseLong(entry.getBody().getOrDefault("memoryBytes", "-1")));
          }
        } else {
          outFrom = entry.getId();
          if (firstOutput < 0 && RunEvent.TYPE_OUTPUT.equals(entry.getBody().get(RunEvent.TYPE))) {
            firstOutput = now;
          }
        }
      }
    }
    throw new IllegalStateException("no result for " + job.runId() + " within " + TIMEOUT);
  }

  private String lastId(String stream) {
    List<StreamMessage<String, String>> last =
        redis.xrevrange(
            stream, io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.from(1));
    return last.isEmpty() ? "0-0" : last.getFirst().getId();
  }

  /** Many trivial Python runs queued at once, the warm pool as deep as the slots. */
  private void throughput(String url, int jobs, int slots) throws InterruptedException {
    AgentConfig config =
        AgentConfig.fromEnv(
                Map.of(
                    "CODEROOM_REDIS_URL",
                    url,
                    "CODEROOM_AGENT_ID",
                    "bench-tp-" + ProcessHandle.current().pid(),
                    "CODEROOM_RUNNER_SLOTS",
                    Integer.toString(slots)))
            .withWarmPerLanguage(slots)
            // Beside a running agent, which has the default port.
            .withMetrics(MetricsEndpointConfig.anyLocalPort());
    try (RunnerAgent agent = RunnerAgent.start(config)) {
      String image = Languages.builtIn().find("python").orElseThrow().image();
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (agent.sandbox().warmReady(image) < slots && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      String resultsFrom = lastId(RedisKeys.RESULTS_STREAM);
      Set<String> pending = new HashSet<>();
      long started = System.nanoTime();
      for (int i = 0; i < jobs; i++) {
        String runId = "bench-tp-" + UUID.randomUUID();
        pending.add(runId);
        redis.xadd(RedisKeys.JOBS_STREAM, RunJob.run(runId, "python", "print(1)\n", "").toFields());
      }
      int ok = 0;
      while (!pending.isEmpty() && System.nanoTime() - started < Duration.ofMinutes(5).toNanos()) {
        for (StreamMessage<String, String> entry :
            redis.xread(
                XReadArgs.Builder.block(Duration.ofSeconds(1)),
                XReadArgs.StreamOffset.from(RedisKeys.RESULTS_STREAM, resultsFrom))) {
          resultsFrom = entry.getId();
          if (pending.remove(entry.getBody().get("runId"))
              && "OK".equals(entry.getBody().get("status"))) {
            ok++;
          }
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "throughput: %d trivial Python runs (%d OK) in %.1f s with %d slots: %.2f runs/s%n",
          jobs,
          ok,
          seconds,
          slots,
          jobs / seconds);
    }
  }

  private static long pct(List<Long> values, int percentile) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
