package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.observability.Tracing;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.Programs;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.runner.protocol.RedisKeys;
import io.coderoom.runner.protocol.RunJob;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One OpenTelemetry trace per run, across processes: a real server and a real runner agent, each
 * with its own SDK exporting to its own in-memory collector, meet only through Redis, so the
 * agent's spans can join the server's trace only through the context the job carries. A job without
 * one (from a server that sends none) still runs.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RunTraceIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KEY = "Bearer " + TestServers.API_KEY;

  private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("coderoom.run.id");
  private static final AttributeKey<String> ROOM_ID = AttributeKey.stringKey("coderoom.room.id");
  private static final AttributeKey<String> LANGUAGE =
      AttributeKey.stringKey("coderoom.run.language");
  private static final AttributeKey<String> KIND = AttributeKey.stringKey("coderoom.run.kind");
  private static final AttributeKey<String> STATUS = AttributeKey.stringKey("coderoom.run.status");
  private static final AttributeKey<String> EXIT_REASON =
      AttributeKey.stringKey("coderoom.step.exit_reason");
  private static final AttributeKey<Boolean> WARM =
      AttributeKey.booleanKey("coderoom.container.warm");
  private static final AttributeKey<Long> CASE = AttributeKey.longKey("coderoom.step.case");
  private static final AttributeKey<String> CASE_STATUS =
      AttributeKey.stringKey("coderoom.case.status");
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

  private static final InMemorySpanExporter serverSpans = InMemorySpanExporter.create();
  private static final InMemorySpanExporter agentSpans = InMemorySpanExporter.create();
  private static ServerConfig config;
  private static CoderoomServer server;
  private static RunnerAgent agent;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    config = TestServers.config();
    server = TestServers.start(config, serverSpans);
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), "trace-it-" + UUID.randomUUID(), "test", 2),
            Tracing.create(
                Tracing.providerBuilder(Tracing.RUNNER_AGENT)
                    .addSpanProcessor(SimpleSpanProcessor.create(agentSpans))
                    .build()));
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    agent.close();
    server.close();
  }

  @Test
  void aControlSocketRunIsOneTraceFromTheCommandThroughTheAgentBackToTheRoom() throws Exception {
    JsonNode room = createRoom("python", "");
    String roomId = room.path("id").asText();
    String token = token(room, "candidate");
    String python = Languages.builtIn().find("python").orElseThrow().image();
    // A container is ready in the warm pool, so taking it is a hit.
    await().atMost(WAIT).until(() -> agent.sandbox().warmReady(python) > 0);

    String runId;
    try (ControlClient candidate = ControlClient.connect(server.baseUri(), roomId, token, "")) {
      candidate.await("welcome");
      candidate.send("{\"type\":\"run\",\"stdin\":\"private-input-7f3a\\n\"}");
      ControlClient.Run run = candidate.awaitRun(WAIT);
      assertThat(run.finished().path("status").asText()).isEqualTo("ok");
      runId = run.finished().path("runId").asText();
    }

    SpanData runSpan = awaitSpan(serverSpans, "run", runId);
    SpanData execute = awaitSpan(agentSpans, "run execute", runId);
    // A command of a control socket starts its own trace.
    assertThat(runSpan.getParentSpanContext().isValid()).isFalse();
    assertThat(runSpan.getAttributes().get(ROOM_ID)).isEqualTo(roomId);
    assertThat(runSpan.getAttributes().get(LANGUAGE)).isEqualTo("python");
    assertThat(runSpan.getAttributes().get(KIND)).isEqualTo("run");
    assertThat(runSpan.getAttributes().get(STATUS)).isEqualTo("ok");
    assertThat(runSpan.getResource().getAttribute(SERVICE)).isEqualTo("coderoom-server");

    List<SpanData> trace = traceOf(runSpan);
    SpanData queued = only(trace, "runs:jobs XADD");
    SpanData deliver = only(trace, "run deliver");
    SpanData waited = only(trace, "runs:jobs wait");
    SpanData acquire = only(trace, "container acquire");
    SpanData step = only(trace, "step run");
    assertThat(trace).contains(execute);
    assertThat(trace).noneMatch(span -> span.getName().equals("step compile"));

    // The server's tree: the run, its queueing and its delivery to the room.
    assertThat(queued.getParentSpanId()).isEqualTo(runSpan.getSpanId());
    assertThat(queued.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(deliver.getParentSpanId()).isEqualTo(runSpan.getSpanId());
    assertThat(deliver.getAttributes().get(STATUS)).isEqualTo("ok");

    // The agent's spans hang under the server's queueing span, through the job alone.
    assertThat(waited.getParentSpanId()).isEqualTo(queued.getSpanId());
    assertThat(execute.getParentSpanId()).isEqualTo(queued.getSpanId());
    assertThat(acquire.getParentSpanId()).isEqualTo(execute.getSpanId());
    assertThat(step.getParentSpanId()).isEqualTo(execute.getSpanId());
    for (SpanData span : List.of(waited, execute, acquire, step)) {
      assertThat(span.getResource().getAttribute(SERVICE)).isEqualTo("coderoom-runner-agent");
      assertThat(span.getAttributes().get(LANGUAGE)).as(span.getName()).isEqualTo("python");
    }
    assertThat(execute.getAttributes().get(STATUS)).isEqualTo("ok");
    assertThat(step.getAttributes().get(STATUS)).isEqualTo("ok");
    assertThat(step.getAttributes().get(EXIT_REASON)).isEqualTo("exited");
    assertThat(acquire.getAttributes().get(WARM)).isTrue();
    // The delivery closes the trace: the room hears the end after the agent is done (the two
    // SDKs' clocks may differ by a little).
    assertThat(deliver.getStartEpochNanos())
        .isGreaterThan(execute.getEndEpochNanos() - TimeUnit.MILLISECONDS.toNanos(50));
    assertThat(runSpan.getEndEpochNanos()).isGreaterThanOrEqualTo(deliver.getEndEpochNanos());

    // Neither the program's input nor the link's token is in any span.
    for (SpanData span : trace) {
      span.getAttributes()
          .forEach(
              (key, value) ->
                  assertThat(String.valueOf(value))
                      .as("%s %s", span.getName(), key)
                      .doesNotContain("private-input")
                      .doesNotContain(token));
    }
  }

  @Test
  void aRunOverRestContinuesTheRequestsTraceThroughTheCompileStep() throws Exception {
    JsonNode room = createRoom("cpp", "");
    String roomId = room.path("id").asText();
    writeCode(room, Programs.hello("cpp"));
    HttpResponse<String> accepted =
        http.post("/api/rooms/" + roomId + "/runs", "{\"stdin\":\"x\\n\"}", "Authorization", KEY);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String runId = Http.json(accepted).path("runId").asText();

    SpanData runSpan = awaitSpan(serverSpans, "run", runId);
    awaitSpan(agentSpans, "run execute", runId);
    List<SpanData> trace = traceOf(runSpan);
    SpanData request = only(trace, "POST /api/rooms/{id}/runs");
    assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(runSpan.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(runSpan.getAttributes().get(STATUS)).isEqualTo("ok");

    SpanData execute = only(trace, "run execute");
    SpanData compile = only(trace, "step compile");
    SpanData step = only(trace, "step run");
    assertThat(execute.getParentSpanId()).isEqualTo(only(trace, "runs:jobs XADD").getSpanId());
    for (SpanData span : List.of(compile, step)) {
      assertThat(span.getParentSpanId()).isEqualTo(execute.getSpanId());
      assertThat(span.getAttributes().get(LANGUAGE)).isEqualTo("cpp");
      assertThat(span.getAttributes().get(STATUS)).isEqualTo("ok");
      assertThat(span.getAttributes().get(EXIT_REASON)).isEqualTo("exited");
    }
    assertThat(compile.getEndEpochNanos()).isLessThanOrEqualTo(step.getStartEpochNanos());
    assertThat(only(trace, "container acquire").getAttributes().get(WARM)).isNotNull();
    assertThat(only(trace, "run deliver").getParentSpanId()).isEqualTo(runSpan.getSpanId());
  }

  @Test
  void eachCaseOfAStdioProblemIsAStepOfItsOwn() throws Exception {
    JsonNode room = createRoom("python", "range-sum-queries");
    String solution;
    try (var in =
        RunTraceIT.class.getResourceAsStream("/problems/range-sum-queries/solution/python.py")) {
      solution = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    writeCode(room, solution);
    String runId;
    try (ControlClient candidate =
        ControlClient.connect(
            server.baseUri(), room.path("id").asText(), token(room, "candidate"), "")) {
      candidate.await("welcome");
      candidate.send("{\"type\":\"run_examples\"}");
      ControlClient.Run run = candidate.awaitRun(WAIT);
      assertThat(run.finished().path("status").asText()).isEqualTo("ok");
      runId = run.finished().path("runId").asText();
    }

    SpanData runSpan = awaitSpan(serverSpans, "run", runId);
    assertThat(runSpan.getAttributes().get(KIND)).isEqualTo("examples");
    awaitSpan(agentSpans, "run execute", runId);
    List<SpanData> trace = traceOf(runSpan);
    SpanData execute = only(trace, "run execute");
    assertThat(execute.getAttributes().get(AttributeKey.stringKey("coderoom.run.mode")))
        .isEqualTo("test");
    // The problem's three public cases, each a step of its own under the run.
    List<SpanData> steps = trace.stream().filter(s -> s.getName().equals("step run")).toList();
    assertThat(steps)
        .allSatisfy(
            step -> {
              assertThat(step.getParentSpanId()).isEqualTo(execute.getSpanId());
              assertThat(step.getAttributes().get(LANGUAGE)).isEqualTo("python");
              assertThat(step.getAttributes().get(STATUS)).isEqualTo("ok");
            });
    assertThat(steps)
        .extracting(step -> step.getAttributes().get(CASE))
        .containsExactlyInAnyOrder(0L, 1L, 2L);
    // The run's cases as its events, with how each went.
    assertThat(execute.getEvents())
        .filteredOn(event -> event.getName().equals("case"))
        .extracting(event -> event.getAttributes().get(CASE_STATUS))
        .containsExactly("passed", "passed", "passed");
  }

  @Test
  void aJobWithoutTraceContextStillRunsInATraceOfItsOwn() throws Exception {
    // What a server that traces nothing queues: the job's fields as they were before tracing.
    RunJob job = RunJob.run("untraced-" + UUID.randomUUID(), "python", "print('old')\n", "");
    assertThat(job.toFields()).doesNotContainKeys(RunJob.TRACEPARENT, RunJob.TRACESTATE);
    RedisClient client = RedisClient.create(config.redisUrl());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().xadd(RedisKeys.JOBS_STREAM, job.toFields());
      Optional<StreamMessage<String, String>> result =
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      connection
                          .sync()
                          .xrange(RedisKeys.RESULTS_STREAM, Range.create("-", "+"))
                          .stream()
                          .filter(entry -> job.runId().equals(entry.getBody().get("runId")))
                          .findFirst(),
                  Optional::isPresent);
      assertThat(result.orElseThrow().getBody().get("status")).isEqualTo("OK");
      assertThat(result.orElseThrow().getBody().get("stdout")).isEqualTo("old\n");
    } finally {
      client.shutdown();
    }

    SpanData execute = awaitSpan(agentSpans, "run execute", job.runId());
    assertThat(execute.getParentSpanContext().isValid()).isFalse();
    assertThat(execute.getAttributes().get(STATUS)).isEqualTo("ok");
    List<SpanData> trace = traceOf(execute);
    assertThat(only(trace, "runs:jobs wait").getParentSpanId()).isEqualTo(execute.getSpanId());
    assertThat(only(trace, "step run").getParentSpanId()).isEqualTo(execute.getSpanId());
    assertThat(serverSpans.getFinishedSpanItems())
        .noneMatch(span -> job.runId().equals(span.getAttributes().get(RUN_ID)));
  }

  private static SpanData awaitSpan(InMemorySpanExporter spans, String name, String runId) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getName().equals(name))
                    .filter(span -> runId.equals(span.getAttributes().get(RUN_ID)))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** Every finished span of both processes in {@code span}'s trace. */
  private static List<SpanData> traceOf(SpanData span) {
    String traceId = span.getSpanContext().getTraceId();
    return Stream.concat(
            serverSpans.getFinishedSpanItems().stream(), agentSpans.getFinishedSpanItems().stream())
        .filter(s -> s.getSpanContext().getTraceId().equals(traceId))
        .toList();
  }

  private static SpanData only(List<SpanData> trace, String name) {
    List<SpanData> named = trace.stream().filter(s -> s.getName().equals(name)).toList();
    assertThat(named).as("spans named %s in the trace", name).hasSize(1);
    return named.get(0);
  }

  /** A room in {@code language}, with the problem {@code problemId} unless it is empty. */
  private static JsonNode createRoom(String language, String problemId) throws Exception {
    String problem = problemId.isEmpty() ? "" : ",\"problemId\":\"" + problemId + "\"";
    return Http.json(
        http.post(
            "/api/rooms",
            "{\"title\":\"Traces\",\"language\":\"" + language + "\"" + problem + "}",
            "Authorization",
            KEY));
  }

  /** Replaces the room's code with {@code code}, once the server has it. */
  private static void writeCode(JsonNode room, String code) throws Exception {
    try (YClient editor =
        YClient.connect(
            server.baseUri(), room.path("id").asText(), "code", token(room, "candidate"))) {
      editor.awaitSynced();
      editor.delete(0, editor.text().length());
      editor.insert(0, code);
      await().atMost(WAIT).until(() -> roomCode(room).equals(code));
    }
  }

  /** The room's code as the server has it. */
  private static String roomCode(JsonNode room) throws Exception {
    try (YClient reader =
        YClient.connect(
            server.baseUri(), room.path("id").asText(), "code", token(room, "observer"))) {
      reader.awaitSynced();
      return reader.text();
    }
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
