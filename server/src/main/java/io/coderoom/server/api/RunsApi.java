package io.coderoom.server.api;

import io.coderoom.runner.protocol.RunResult;
import io.coderoom.server.Futures;
import io.coderoom.server.account.Callers;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.TestResults;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.run.RunKind;
import io.coderoom.server.run.RunRecord;
import io.coderoom.server.run.RunStore;
import io.coderoom.server.sync.RoomRegistry;
import io.coderoom.server.sync.RunRefused;
import io.coderoom.server.transport.HeldElsewhere;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code /api/rooms/{id}/runs}: start a run of the room's code (it is read from the room's code
 * document, never from the request), and read past runs. Output streams to the room's control
 * sockets as it comes.
 */
public final class RunsApi {
  private final ProblemLibrary problems;
  private static final int MAX_STDIN = 64 * 1024;

  private final RoomAccess access;
  private final RoomRegistry live;
  private final RunStore store;
  private final Executor executor;
  private final RoomReaders readers;

  public RunsApi(
      RoomAccess access,
      RoomRegistry live,
      RunStore store,
      ProblemLibrary problems,
      Executor executor,
      Callers callers) {
    this.problems = problems;
    this.access = access;
    this.readers = new RoomReaders(callers, access);
    this.live = live;
    this.store = store;
    this.executor = executor;
  }

  public void register(Router router) {
    router.post("/api/rooms/{id}/runs", this::start);
    router.get("/api/rooms/{id}/runs", request -> ApiCalls.offLoop(executor, () -> list(request)));
    router.get(
        "/api/rooms/{id}/runs/{runId}", request -> ApiCalls.offLoop(executor, () -> one(request)));
  }

  private CompletableFuture<FullHttpResponse> start(Request request) {
    String roomId = request.pathParameter("id");
    String stdin;
    RunKind kind;
    try {
      JsonBody body = JsonBody.of(request);
      stdin = body.optionalRawString("stdin", MAX_STDIN).orElse("");
      kind =
          RunKind.fromWire(body.optionalString("mode", 10).orElse("run"))
              .orElseThrow(
                  () ->
                      ApiError.badRequest(
                          "invalid_field", "'mode' must be run, examples or test."));
    } catch (ApiError refused) {
      return CompletableFuture.completedFuture(refused.toResponse());
    }
    // The request's span is current only now: the run's trace continues it after the hop.
    Context trace = Context.current();
    return ApiCalls.offLoopThen(
        executor,
        () -> access.authenticate(roomId, Callers.bearer(request)),
        principal -> startAs(roomId, principal, kind == RunKind.RUN ? stdin : "", kind, trace));
  }

  private CompletableFuture<FullHttpResponse> startAs(
      String roomId, Principal by, String stdin, RunKind kind, Context trace) {
    return live.startRun(roomId, by, stdin, kind, trace)
        .handle(
            (runId, error) -> {
              if (Futures.cause(error) instanceof HeldElsewhere elsewhere) {
                // Started by the instance holding the room (see HeldElsewhere).
                throw elsewhere;
              }
              if (error == null) {
                FullHttpResponse response =
                    HttpResponses.json(HttpResponseStatus.ACCEPTED, Map.of("runId", runId));
                response
                    .headers()
                    .set(HttpHeaderNames.LOCATION, "/api/rooms/" + roomId + "/runs/" + runId);
                return response;
              }
              RunRefused refused = RunRefused.of(error);
              HttpResponseStatus status =
                  switch (refused.code()) {
                    case "forbidden" -> HttpResponseStatus.FORBIDDEN;
                    case "run_in_progress", "no_problem" -> HttpResponseStatus.CONFLICT;
                    case "rate_limited" -> HttpResponseStatus.TOO_MANY_REQUESTS;
                    case "stdin_too_large" -> HttpResponseStatus.BAD_REQUEST;
                    case "code_too_large" -> HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
                    default -> HttpResponseStatus.SERVICE_UNAVAILABLE;
                  };
              FullHttpResponse response =
                  HttpResponses.error(status, refused.code(), refused.getMessage());
              // The same wait the control socket's error carries, in the header's whole seconds.
              refused
                  .retryAfterMs()
                  .ifPresent(
                      ms ->
                          response
                              .headers()
                              .set(HttpHeaderNames.RETRY_AFTER, Long.toString((ms + 999) / 1000)));
              return response;
            });
  }

  private FullHttpResponse list(Request request) throws io.coderoom.server.auth.TokenException {
    String roomId = request.pathParameter("id");
    boolean interviewer = readers.authenticate(request, roomId).role().moderates();
    return HttpResponses.json(
        HttpResponseStatus.OK,
        Map.of(
            "runs",
            store.forRoom(roomId).stream()
                .map(run -> json(run, problems, false, interviewer))
                .toList()));
  }

  private FullHttpResponse one(Request request) throws io.coderoom.server.auth.TokenException {
    String roomId = request.pathParameter("id");
    boolean interviewer = readers.authenticate(request, roomId).role().moderates();
    RunRecord run =
        store
            .find(roomId, request.pathParameter("runId"))
            .orElseThrow(() -> ApiError.notFound("The room has no such run."));
    Map<String, Object> json = json(run, problems, true, interviewer);
    // The code as it ran: everyone in the room saw it in the editor then.
    store
        .code(roomId, run.id())
        .ifPresent(
            ran -> {
              json.put("code", ran.code());
              json.put("stdin", ran.stdin());
            });
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  /** The tests a run was judged by: an examples run's case numbers count its public tests. */
  private static io.coderoom.runner.protocol.TestSuite judgedBy(RunRecord run, Problem problem) {
    return RunKind.fromWire(run.mode()).orElse(RunKind.SUBMIT) == RunKind.EXAMPLES
        ? problem.suite().publicOnly()
        : problem.suite();
  }

  /** A run; a test-mode run's hidden cases in full only for interviewers ({@code withHidden}). */
  static Map<String, Object> json(
      RunRecord run, ProblemLibrary problems, boolean withOutput, boolean withHidden) {
    // The problem at the version the run was judged against, whatever came after.
    Optional<Problem> problem = run.problem().flatMap(problems::find);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", run.id());
    json.put("language", run.language());
    json.put("mode", run.mode());
    json.put("requestedBy", run.role());
    json.put("requestedName", run.requestedName());
    json.put("problem", problem.map(Problem::summary).orElse(null));
    json.put("createdAt", run.createdAt().toString());
    Optional<RunResult> result = run.result();
    json.put(
        "status",
        result.map(r -> r.status().name().toLowerCase(java.util.Locale.ROOT)).orElse("running"));
    result.ifPresent(
        r -> {
          json.put("exitCode", r.exitCode());
          json.put("compileMs", r.compileMs());
          json.put("runMs", r.runMs());
          json.put("memoryBytes", r.memoryBytes());
          json.put("message", r.message());
          r.tests()
              .ifPresent(
                  report ->
                      json.put(
                          "tests",
                          TestResults.json(
                              report, problem.map(p -> judgedBy(run, p)), withHidden)));
          if (withOutput) {
            json.put("stdout", r.stdout());
            json.put("stderr", r.stderr());
            json.put("compileOutput", r.compileOutput());
            json.put("stdoutTruncated", r.stdoutTruncated());
            json.put("stderrTruncated", r.stderrTruncated());
          }
        });
    return json;
  }
}
