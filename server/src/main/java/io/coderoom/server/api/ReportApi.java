package io.coderoom.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.account.Callers;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.playback.Timeline;
import io.coderoom.server.playback.TimelineReader;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.report.DocumentText;
import io.coderoom.server.report.Scorecards;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.room.RoomManager;
import io.coderoom.server.run.RunRecord;
import io.coderoom.server.run.RunStore;
import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.store.RoomEvents.StoredEvent;
import io.coderoom.server.store.RoomPlan;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * {@code GET /api/rooms/{id}/report}: everything an interview left, in one document for the report
 * page, the offline export and integrations: the room and its candidate, the problem and the time
 * taken against its estimate, the final code and the interviewers' notes, every run with its test
 * results (hidden cases included), the hints used, the chat, the scorecards, and where the timeline
 * is. For the room's interviewers (their links, the API key) and its team's members (signed in, or
 * an API token with reports:read); an ended room's too.
 */
public final class ReportApi {
  /** The report's shape; grows when a field changes meaning, not when one is added. */
  static final int VERSION = 1;

  private final RoomReaders readers;
  private final RoomDirectory rooms;
  private final RoomManager manager;
  private final RunStore runs;
  private final RoomEvents events;
  private final Scorecards scorecards;
  private final DocumentText documents;
  private final TimelineReader timeline;
  private final Executor executor;
  private final Clock clock;
  private final ProblemLibrary problems;

  public ReportApi(
      Callers callers,
      RoomAccess access,
      RoomDirectory rooms,
      RoomManager manager,
      RunStore runs,
      ProblemLibrary problems,
      RoomEvents events,
      Scorecards scorecards,
      DocumentText documents,
      TimelineReader timeline,
      Executor executor,
      Clock clock) {
    this.readers = new RoomReaders(callers, access);
    this.rooms = rooms;
    this.manager = manager;
    this.runs = runs;
    this.problems = problems;
    this.events = events;
    this.scorecards = scorecards;
    this.documents = documents;
    this.timeline = timeline;
    this.executor = executor;
    this.clock = clock;
  }

  public void register(Router router) {
    router.get(
        "/api/rooms/{id}/report", request -> ApiCalls.offLoop(executor, () -> report(request)));
  }

  private FullHttpResponse report(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    if (!readers.authenticate(request, roomId).role().moderates()) {
      throw ApiError.forbidden("Only the room's interviewers and its team read its report.");
    }
    Map<String, Object> json =
        build(roomId).orElseThrow(() -> ApiError.notFound("There is no room " + roomId + "."));
    FullHttpResponse response = HttpResponses.json(HttpResponseStatus.OK, json);
    // It holds the candidate's code and the interviewers' judgement: never kept by a cache.
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return response;
  }

  /**
   * The room's report as an interviewer reads it (hidden tests included), or empty when there is no
   * such room; the caller has checked who asks. The offline file carries the same. Blocks.
   */
  public Optional<Map<String, Object>> build(String roomId) {
    Optional<RoomRecord> found = rooms.find(roomId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RoomRecord room = found.get();
    RoomPlan plan = manager.plan(roomId).orElse(RoomPlan.none());
    Optional<Problem> problem = room.problem().flatMap(problems::find);
    List<StoredEvent> stored = events.list(roomId, true);
    List<RunRecord> ran = runs.forRoom(roomId);
    // Who asked, by the name the room showed them then, else as the timeline names them.
    Map<String, Timeline.Author> askers =
        timeline.authors(
            roomId,
            ran.stream()
                .filter(run -> run.requestedName().isEmpty())
                .map(RunRecord::requestedBy)
                .distinct()
                .toList(),
            stored);

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", VERSION);
    json.put("generatedAt", clock.instant().toString());
    json.put("room", room(room, plan));
    json.put("problem", problem.map(ReportApi::problem).orElse(null));
    json.put("time", time(room, plan, problem, stored));
    json.put("code", Map.of("language", room.language(), "text", documents.read(roomId, "code")));
    json.put("notes", documents.read(roomId, "notes"));
    json.put(
        "runs",
        ran.stream()
            .map(
                run -> {
                  Map<String, Object> item = RunsApi.json(run, problems, false, true);
                  item.put(
                      "by",
                      run.requestedName().isEmpty()
                          ? askers.get(run.requestedBy()).name()
                          : run.requestedName());
                  return item;
                })
            .toList());
    json.put("hints", hints(problem, stored));
    json.put("chat", chat(stored));
    json.put("scorecards", ScorecardsApi.forReport(scorecards, roomId));
    json.put(
        "links",
        Map.of(
            "timeline",
            "/rooms/" + roomId + "/playback",
            "report",
            "/rooms/" + roomId + "/report"));
    return Optional.of(json);
  }

  private static Map<String, Object> room(RoomRecord room, RoomPlan plan) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", room.id());
    json.put("title", room.title());
    json.put("language", room.language());
    json.put("status", room.ended() ? "ended" : "open");
    json.put("createdAt", room.createdAt().toString());
    json.put("startedAt", plan.startedAt().map(Instant::toString).orElse(null));
    json.put("endedAt", room.endedAt().map(Instant::toString).orElse(null));
    json.put("scheduledAt", plan.scheduledAt().map(Instant::toString).orElse(null));
    json.put("durationMinutes", plan.durationMinutes().orElse(null));
    json.put("candidateName", plan.candidateName().orElse(null));
    json.put("candidateEmail", plan.candidateEmail().orElse(null));
    return json;
  }

  private static Map<String, Object> problem(Problem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", problem.id());
    json.put("title", problem.title());
    json.put("timeEstimateMinutes", problem.timeEstimateMinutes());
    json.put("hintCount", problem.hints().size());
    return json;
  }

  /**
   * How long the interview took: the clock's running time when interviewers used it (pauses left
   * out), else from the candidate's first join to the end (or to now, while it goes on).
   */
  private Map<String, Object> time(
      RoomRecord room, RoomPlan plan, Optional<Problem> problem, List<StoredEvent> stored) {
    Instant now = clock.instant();
    Instant end = room.endedAt().orElse(now);
    Optional<Instant> started = Optional.empty();
    Optional<Instant> stopped = Optional.empty();
    Optional<Instant> runningSince = Optional.empty();
    long runMs = 0;
    for (StoredEvent event : stored) {
      switch (event.kind()) {
        case "clock_started" -> {
          if (started.isEmpty()) {
            started = Optional.of(event.at());
          }
          runningSince = Optional.of(event.at());
          stopped = Optional.empty();
        }
        case "clock_resumed" -> runningSince = runningSince.or(() -> Optional.of(event.at()));
        case "clock_paused", "clock_stopped" -> {
          if (runningSince.isPresent()) {
            runMs += Math.max(0, event.at().toEpochMilli() - runningSince.get().toEpochMilli());
            runningSince = Optional.empty();
          }
          if (event.kind().equals("clock_stopped")) {
            stopped = Optional.of(event.at());
          }
        }
        default -> {}
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    Optional<Long> taken;
    if (started.isPresent()) {
      Instant until = stopped.orElse(end);
      long running =
          runningSince
              .map(since -> Math.max(0, until.toEpochMilli() - since.toEpochMilli()))
              .orElse(0L);
      json.put("source", "clock");
      json.put("startedAt", started.get().toString());
      json.put("endedAt", stopped.or(room::endedAt).map(Instant::toString).orElse(null));
      taken = Optional.of(runMs + running);
    } else {
      json.put("source", "room");
      json.put("startedAt", plan.startedAt().map(Instant::toString).orElse(null));
      json.put("endedAt", room.endedAt().map(Instant::toString).orElse(null));
      taken = plan.startedAt().map(from -> Math.max(0, end.toEpochMilli() - from.toEpochMilli()));
    }
    json.put("takenMs", taken.orElse(null));
    Optional<Long> estimateMs = problem.map(p -> p.timeEstimateMinutes() * 60_000L);
    json.put("estimateMs", estimateMs.orElse(null));
    json.put(
        "overByMs",
        taken.isPresent() && estimateMs.isPresent() ? taken.get() - estimateMs.get() : null);
    return json;
  }

  /** The hints revealed of the room's current problem, each once, in the order given. */
  private static Map<String, Object> hints(Optional<Problem> problem, List<StoredEvent> stored) {
    Set<Integer> revealed = new HashSet<>();
    List<Map<String, Object>> order = new ArrayList<>();
    for (StoredEvent event : stored) {
      if (!event.kind().equals("hint_revealed") || problem.isEmpty()) {
        continue;
      }
      JsonNode body = event.body();
      int index = body.path("index").asInt(-1);
      if (!body.path("problemId").asText().equals(problem.get().id())
          || index < 0
          || index >= problem.get().hints().size()
          || !revealed.add(index)) {
        continue;
      }
      Map<String, Object> hint = new LinkedHashMap<>();
      hint.put("index", index);
      hint.put("text", problem.get().hints().get(index));
      hint.put("at", event.at().toString());
      hint.put("by", event.name());
      order.add(hint);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("used", revealed.size());
    json.put("total", problem.map(p -> p.hints().size()).orElse(0));
    json.put("revealed", order);
    return json;
  }

  private static Map<String, Object> chat(List<StoredEvent> stored) {
    List<Map<String, Object>> messages =
        stored.stream()
            .filter(event -> event.kind().equals("chat_message"))
            .map(
                event -> {
                  Map<String, Object> message = new LinkedHashMap<>();
                  message.put("at", event.at().toString());
                  message.put("name", event.name());
                  message.put(
                      "channel",
                      event.audience() == RoomEvents.Audience.INTERVIEWERS
                          ? "interviewers"
                          : "everyone");
                  message.put("text", event.body().path("text").asText(""));
                  return message;
                })
            .toList();
    return Map.of("count", messages.size(), "messages", messages);
  }
}
