package io.coderoom.server.api;

import io.coderoom.runner.protocol.Language;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.account.ApiScope;
import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.room.IssuedLink;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.room.RoomDirectory.CreatedRoom;
import io.coderoom.server.room.RoomManager;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.RoomPlan;
import io.coderoom.server.sync.RoomRegistry;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@code /api/rooms}: create a room (API key), read it, end it, and issue, list and revoke its
 * links (interviewers). Calls block on the database, so they run on the blocking executor.
 */
public final class RoomsApi {
  static final int MAX_TITLE = 200;

  /** A team problem's id is {@code team-<8 hex>-<slug>}, the slug up to 64 characters. */
  static final int MAX_PROBLEM_ID = 80;

  private static final int MAX_NAME = 80;
  private static final int MAX_HISTORY_PAGE = 1000;

  /** The largest starter code a room may be created with. */
  static final int MAX_STARTER_CODE = 64 * 1024;

  /** The languages runner images provide: the one list, shared with the runner agents. */
  private final Languages languages = Languages.builtIn();

  private final ProblemLibrary problems;

  private final RoomDirectory rooms;
  private final RoomAccess access;
  private final Executor executor;
  private final Supplier<URI> publicUrl;
  private final RoomRegistry live;
  private final DocumentLog documentLog;
  private final Callers callers;
  private final RoomManager manager;
  private final Duration retention;
  private final RoomReaders readers;

  /**
   * @param retention how long a room's record is kept after its last activity (zero: until
   *     deleted), which the candidate's notice names
   */
  public RoomsApi(
      RoomDirectory rooms,
      RoomAccess access,
      Executor executor,
      Supplier<URI> publicUrl,
      RoomRegistry live,
      DocumentLog documentLog,
      Callers callers,
      RoomManager manager,
      ProblemLibrary problems,
      Duration retention) {
    this.callers = callers;
    this.problems = problems;
    this.readers = new RoomReaders(callers, access);
    this.manager = manager;
    this.retention = retention;
    this.rooms = rooms;
    this.access = access;
    this.executor = executor;
    this.publicUrl = publicUrl;
    this.live = live;
    this.documentLog = documentLog;
  }

  public void register(Router router) {
    router.post("/api/rooms", request -> ApiCalls.offLoop(executor, () -> create(request)));
    router.get("/api/rooms/{id}", request -> ApiCalls.offLoop(executor, () -> get(request)));
    router.post("/api/rooms/{id}/end", request -> ApiCalls.offLoop(executor, () -> end(request)));
    router.get(
        "/api/rooms/{id}/links", request -> ApiCalls.offLoop(executor, () -> listLinks(request)));
    router.post(
        "/api/rooms/{id}/links", request -> ApiCalls.offLoop(executor, () -> issueLink(request)));
    router.post(
        "/api/rooms/{id}/links/{tokenId}/revoke",
        request -> ApiCalls.offLoop(executor, () -> revokeLink(request)));
    router.get("/api/rooms/{id}/participants", this::participants);
    router.get(
        "/api/rooms/{id}/history", request -> ApiCalls.offLoop(executor, () -> history(request)));
  }

  /** Who is connected now: any participant of the room may ask. */
  private CompletableFuture<FullHttpResponse> participants(Request request) {
    String roomId = request.pathParameter("id");
    return ApiCalls.offLoopThen(
        executor,
        () -> readers.authenticate(request, roomId),
        principal ->
            live.participants(roomId)
                .thenApply(
                    list ->
                        HttpResponses.json(HttpResponseStatus.OK, Map.of("participants", list))));
  }

  private FullHttpResponse history(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    if (!readers.authenticate(request, roomId).role().moderates()) {
      throw ApiError.forbidden("Only an interviewer may do this.");
    }
    String doc = request.queryParameter("doc").orElse("code");
    if (!doc.equals("code") && !doc.equals("notes")) {
      throw ApiError.badRequest("invalid_field", "'doc' must be code or notes.");
    }
    long after = longParameter(request, "after", 0, Long.MAX_VALUE);
    int limit =
        request.queryParameter("limit").isEmpty()
            ? MAX_HISTORY_PAGE
            : (int) longParameter(request, "limit", 1, MAX_HISTORY_PAGE);
    List<DocumentLog.HistoryEntry> page = documentLog.history(roomId, doc, after, limit);
    Base64.Encoder base64 = Base64.getEncoder();
    List<Map<String, Object>> updates =
        page.stream()
            .map(
                entry -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("seq", entry.seq());
                  json.put("at", entry.at().toString());
                  json.put("author", entry.author());
                  json.put("role", entry.role());
                  json.put("name", entry.name());
                  json.put("update", base64.encodeToString(entry.update()));
                  return json;
                })
            .toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("doc", doc);
    json.put("updates", updates);
    json.put("next", page.size() == limit ? page.get(page.size() - 1).seq() : null);
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  static long longParameter(Request request, String name, long min, long max) {
    Optional<String> value = request.queryParameter(name);
    if (value.isEmpty()) {
      return min;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed < min || parsed > max) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(
          "invalid_field",
          "'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
  }

  private FullHttpResponse create(Request request) {
    Caller caller = callers.identify(request);
    Optional<SignedIn> member =
        switch (caller) {
          case Caller.ApiKeyHolder key -> Optional.empty();
          case Caller.Member m when m.may(ApiScope.ROOMS_CREATE) -> Optional.of(m.signedIn());
          case Caller.Member m ->
              throw new ApiError(
                  HttpResponseStatus.FORBIDDEN,
                  "insufficient_scope",
                  "This API token may not create rooms: it lacks the rooms:create scope.");
          case Caller.Anonymous anonymous ->
              throw new ApiError(
                  HttpResponseStatus.UNAUTHORIZED,
                  "unauthorized",
                  "Creating rooms needs a signed-in member, an API token with the rooms:create scope,"
                      + " or the API key, as 'Authorization: Bearer <credential>'.");
        };
    JsonBody body = JsonBody.of(request);
    String title = body.requiredString("title", MAX_TITLE);
    String language = body.requiredString("language", 20);
    if (languages.find(language).isEmpty()) {
      throw ApiError.badRequest(
          "invalid_field",
          "'language' must be one of "
              + languages.all().stream().map(Language::id).sorted().toList()
              + ".");
    }
    Optional<Problem> problem =
        body.optionalString("problemId", MAX_PROBLEM_ID)
            .map(
                id ->
                    problems
                        .findFor(member.map(m -> m.team().teamId()), id)
                        .orElseThrow(() -> unknownProblem(id)));
    Optional<String> starterCode =
        body.optionalRawString("starterCode", MAX_STARTER_CODE)
            .or(() -> problem.flatMap(p -> p.starterCode(language)));
    PlanRequest.NewPlan plan = PlanRequest.forCreate(body);
    CreatedRoom created =
        rooms.create(
            title,
            language,
            problem.map(ProblemRef::of),
            starterCode,
            plan.plan(),
            plan.passwordHash(),
            member.map(m -> m.team().teamId()),
            member.map(m -> m.user().id()),
            member.map(m -> Principal.member(m.user())).orElse(Principal.apiKey()),
            publicUrl.get());
    RoomPlan stored = manager.plan(created.room().id()).orElseThrow();
    Map<String, Object> json = RoomJson.room(created.room(), problems);
    RoomJson.plan(json, stored);
    json.put(
        "candidateLink",
        DashboardJson.validity(rooms.candidateLinkValidity(stored, created.room().createdAt())));
    Map<String, Object> links = new LinkedHashMap<>();
    for (Map.Entry<Role, IssuedLink> link : new EnumMap<>(created.links()).entrySet()) {
      links.put(link.getKey().wireName(), RoomJson.issued(link.getValue()));
    }
    json.put("links", links);
    FullHttpResponse response = HttpResponses.json(HttpResponseStatus.CREATED, json);
    response.headers().set(HttpHeaderNames.LOCATION, "/api/rooms/" + created.room().id());
    return response;
  }

  private FullHttpResponse get(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = readers.authenticate(request, roomId);
    Map<String, Object> json =
        RoomJson.room(rooms.find(roomId).orElseThrow(() -> noRoom(roomId)), problems);
    // The candidate's details are for the room's staff; everyone sees the schedule.
    manager
        .plan(roomId)
        .ifPresent(
            plan -> {
              if (principal.role().moderates()) {
                RoomJson.plan(json, plan);
              } else {
                json.put("scheduledAt", plan.scheduledAt().map(Object::toString).orElse(null));
                json.put("durationMinutes", plan.durationMinutes().orElse(null));
              }
            });
    if (principal.role() == Role.CANDIDATE && principal.token().isPresent()) {
      // The recording notice a candidate reads (and consents to) before joining.
      Map<String, Object> notice = new LinkedHashMap<>();
      notice.put("recorded", true);
      notice.put("retentionDays", retention.isZero() ? null : retention.toDays());
      notice.put(
          "consentedAt", manager.consentedAt(roomId, principal).map(Object::toString).orElse(null));
      json.put("notice", notice);
    }
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  private FullHttpResponse end(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = moderator(request, roomId);
    if (rooms.end(roomId, principal)) {
      live.roomEnded(roomId);
    }
    return HttpResponses.json(
        HttpResponseStatus.OK,
        RoomJson.room(rooms.find(roomId).orElseThrow(() -> noRoom(roomId)), problems));
  }

  private FullHttpResponse listLinks(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    moderator(request, roomId);
    return HttpResponses.json(
        HttpResponseStatus.OK,
        Map.of("links", rooms.links(roomId).stream().map(RoomJson::link).toList()));
  }

  private FullHttpResponse issueLink(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = moderator(request, roomId);
    JsonBody body = JsonBody.of(request);
    String roleName = body.requiredString("role", 20);
    Role role =
        Role.fromWireName(roleName)
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "invalid_field", "'role' must be interviewer, candidate or observer."));
    String name = body.optionalString("name", MAX_NAME).orElse("");
    if (rooms.find(roomId).map(room -> room.ended()).orElse(true)) {
      throw ApiError.of(new TokenException(TokenException.Reason.ROOM_ENDED));
    }
    IssuedLink link = rooms.issue(roomId, role, name, principal, publicUrl.get());
    return HttpResponses.json(HttpResponseStatus.CREATED, RoomJson.issued(link));
  }

  private FullHttpResponse revokeLink(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = moderator(request, roomId);
    String tokenId = request.pathParameter("tokenId");
    if (rooms.find(roomId).map(room -> room.ended()).orElse(true)) {
      throw ApiError.of(new TokenException(TokenException.Reason.ROOM_ENDED));
    }
    if (!rooms.revoke(roomId, tokenId, principal)) {
      throw ApiError.notFound("The room has no live link " + tokenId + ".");
    }
    // Stored first: a socket admitted from now on is refused by the database, one admitted just
    // before is refused by the live room, which also closes the link's open sockets. Links
    // exchanged for this one with the room's password go with it.
    live.linkRevoked(roomId, tokenId);
    manager.revokeExchanged(roomId, tokenId).forEach(id -> live.linkRevoked(roomId, id));
    return HttpResponses.json(HttpResponseStatus.OK, Map.of("tokenId", tokenId, "revoked", true));
  }

  /**
   * The caller, who must be allowed to moderate this open room: an interviewer's link, the API key,
   * or a signed-in member of the room's team (an API token reads rooms; people run them).
   */
  private Principal moderator(Request request, String roomId) throws TokenException {
    Principal principal = readers.authenticate(request, roomId);
    if (!principal.role().moderates()
        || Callers.bearer(request)
            .filter(b -> b.startsWith(Callers.API_TOKEN_PREFIX))
            .isPresent()) {
      throw ApiError.forbidden("Only an interviewer may do this.");
    }
    return principal;
  }

  /** A problem id the caller may not pick: none such, not published, or another team's. */
  static ApiError unknownProblem(String id) {
    return ApiError.badRequest(
        "invalid_field",
        "'problemId' "
            + id
            + " is not a published problem of the library (see GET /api/problems).");
  }

  private static ApiError noRoom(String roomId) {
    return ApiError.notFound("There is no room " + roomId + ".");
  }
}
