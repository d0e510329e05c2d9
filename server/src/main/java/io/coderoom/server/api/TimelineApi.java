package io.coderoom.server.api;

import io.coderoom.server.account.Callers;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.playback.ExportPage;
import io.coderoom.server.playback.ExportReport;
import io.coderoom.server.playback.Timeline;
import io.coderoom.server.playback.TimelineReader;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * {@code /api/rooms/{id}/timeline} and {@code /export}: an interview read back for playback, during
 * it or long after, by its interviewers (an interviewer's link, a member of the room's team, the
 * API key). The timeline pages through the code document's log; the export is one HTML file that
 * replays the whole session offline.
 */
public final class TimelineApi {
  /** Updates per page: about a megabyte of JSON, so a long session comes in a few requests. */
  static final int MAX_PAGE = 10_000;

  private final TimelineReader reader;
  private final ExportPage exportPage;
  private final ExportReport report;
  private final RoomReaders readers;
  private final Executor executor;

  public TimelineApi(
      TimelineReader reader,
      ExportPage exportPage,
      ExportReport report,
      RoomAccess access,
      Callers callers,
      Executor executor) {
    this.reader = reader;
    this.exportPage = exportPage;
    this.report = report;
    this.readers = new RoomReaders(callers, access);
    this.executor = executor;
  }

  public void register(Router router) {
    router.get(
        "/api/rooms/{id}/timeline", request -> ApiCalls.offLoop(executor, () -> timeline(request)));
    router.get(
        "/api/rooms/{id}/export", request -> ApiCalls.offLoop(executor, () -> export(request)));
  }

  private FullHttpResponse timeline(Request request) throws TokenException {
    String roomId = interviewerOf(request);
    long after = RoomsApi.longParameter(request, "after", 0, Long.MAX_VALUE);
    int limit =
        request.queryParameter("limit").isEmpty()
            ? MAX_PAGE
            : (int) RoomsApi.longParameter(request, "limit", 1, MAX_PAGE);
    Timeline timeline = reader.read(roomId, after, limit).orElseThrow(TimelineApi::noRoom);
    return HttpResponses.json(HttpResponseStatus.OK, json(timeline));
  }

  private FullHttpResponse export(Request request) throws TokenException {
    String roomId = interviewerOf(request);
    if (!exportPage.available()) {
      throw new ApiError(
          HttpResponseStatus.SERVICE_UNAVAILABLE,
          "export_unavailable",
          "This server was built without the offline viewer; rebuild the web client to export.");
    }
    Timeline timeline = reader.readAll(roomId).orElseThrow(TimelineApi::noRoom);
    byte[] file = exportPage.render(json(timeline), report.of(roomId));
    FullHttpResponse response =
        HttpResponses.bytes(HttpResponseStatus.OK, "text/html; charset=utf-8", file);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    response
        .headers()
        .set(
            HttpHeaderNames.CONTENT_DISPOSITION,
            "attachment; filename=\"coderoom-" + roomId + ".html\"");
    return response;
  }

  /** The room of the request, once its caller is known to be one of its interviewers. */
  private String interviewerOf(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    if (!readers.authenticate(request, roomId).role().moderates()) {
      throw ApiError.forbidden("Only the room's interviewers may replay the interview.");
    }
    return roomId;
  }

  private static ApiError noRoom() {
    return ApiError.notFound("There is no such room.");
  }

  /** The wire shape, as openapi.json's Timeline schema describes it. */
  static Map<String, Object> json(Timeline timeline) {
    Map<String, Object> room = new LinkedHashMap<>();
    room.put("id", timeline.room().id());
    room.put("title", timeline.room().title());
    room.put("language", timeline.room().language());
    room.put("problemId", timeline.room().problemId().orElse(null));
    room.put("createdAt", timeline.room().createdAt().toString());
    room.put("endedAt", timeline.room().endedAt().map(Object::toString).orElse(null));
    List<Map<String, Object>> authors =
        timeline.authors().stream()
            .map(
                a -> Map.<String, Object>of("actor", a.actor(), "name", a.name(), "role", a.role()))
            .toList();
    List<Map<String, Object>> markers =
        timeline.markers().stream()
            .map(
                m -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("kind", m.kind());
                  json.put("at", m.at().toString());
                  json.put("actor", m.actor());
                  json.put("detail", m.detail());
                  return json;
                })
            .toList();
    Base64.Encoder base64 = Base64.getEncoder();
    List<Map<String, Object>> updates =
        timeline.updates().stream()
            .map(
                u -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("seq", u.seq());
                  json.put("at", u.at().toString());
                  json.put("author", u.author());
                  json.put("update", base64.encodeToString(u.update()));
                  return json;
                })
            .toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("room", room);
    json.put("authors", authors);
    json.put("markers", markers);
    json.put("updates", updates);
    json.put("next", timeline.next().orElse(null));
    return json;
  }
}
