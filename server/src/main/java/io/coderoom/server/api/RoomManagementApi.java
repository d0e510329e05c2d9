package io.coderoom.server.api;

import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.User;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.room.IssuedLink;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.room.RoomManager;
import io.coderoom.server.room.RoomPassword;
import io.coderoom.server.store.PlanChange;
import io.coderoom.server.store.RoomFilter;
import io.coderoom.server.store.RoomListing;
import io.coderoom.server.store.RoomListings;
import io.coderoom.server.store.RoomPhase;
import io.coderoom.server.sync.RoomRegistry;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The dashboard's side of {@code /api/rooms}: list a team's rooms, edit one before it starts, issue
 * its candidate link again, delete it, and let a member enter it; and a link holder's side: give
 * the room's password, consent to the recording notice. Members of the room's team manage it (the
 * API key too, for automation); room links never do.
 */
public final class RoomManagementApi {
  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 200;
  private static final int MAX_QUERY = 100;

  private final Languages languages = Languages.builtIn();
  private final ProblemLibrary problems;

  private final RoomDirectory directory;
  private final RoomManager manager;
  private final RoomAccess access;
  private final Callers callers;
  private final Executor executor;
  private final Supplier<URI> publicUrl;
  private final RoomRegistry live;
  private final Duration retention;

  public RoomManagementApi(
      RoomDirectory directory,
      RoomManager manager,
      RoomAccess access,
      Callers callers,
      Executor executor,
      Supplier<URI> publicUrl,
      RoomRegistry live,
      ProblemLibrary problems,
      Duration retention) {
    this.directory = directory;
    this.problems = problems;
    this.manager = manager;
    this.access = access;
    this.callers = callers;
    this.executor = executor;
    this.publicUrl = publicUrl;
    this.live = live;
    this.retention = retention;
  }

  public void register(Router router) {
    router.get("/api/rooms", this::list);
    router.add(
        HttpMethod.PATCH,
        "/api/rooms/{id}",
        request -> ApiCalls.offLoop(executor, () -> edit(request)));
    router.add(
        HttpMethod.DELETE,
        "/api/rooms/{id}",
        request -> ApiCalls.offLoop(executor, () -> delete(request)));
    router.post(
        "/api/rooms/{id}/candidate-link",
        request -> ApiCalls.offLoop(executor, () -> reissue(request)));
    router.post(
        "/api/rooms/{id}/enter", request -> ApiCalls.offLoop(executor, () -> enter(request)));
    router.post(
        "/api/rooms/{id}/consent", request -> ApiCalls.offLoop(executor, () -> consent(request)));
    router.post(
        "/api/rooms/{id}/password", request -> ApiCalls.offLoop(executor, () -> password(request)));
  }

  /** Days a room's record is kept after its last activity; 0 when kept until deleted. */
  int retentionDays() {
    return (int) retention.toDays();
  }

  // ---- who may manage

  /**
   * Who manages a room: a member of its team (with their account), or the API key holder.
   *
   * @param teamId the team of the room (or of the member, for a listing)
   */
  private record Manager(Principal principal, Optional<User> user, Optional<String> teamId) {
    Optional<String> userId() {
      return user.map(User::id);
    }
  }

  /** The signed-in member making the request, or a refusal. */
  private Manager member(Request request) {
    Caller caller = callers.identify(request);
    if (caller instanceof Caller.Member member && member.via() == Caller.Via.SESSION) {
      User user = member.signedIn().user();
      return new Manager(
          Principal.member(user),
          Optional.of(user),
          Optional.of(member.signedIn().team().teamId()));
    }
    throw ApiError.unauthorized("Sign in to see your team's interviews.");
  }

  /**
   * The caller, allowed to manage this room: a signed-in member of its team, or the API key holder.
   * Another team's member learns nothing about the room (404, as for no room at all).
   */
  private Manager manages(Request request, String roomId) {
    Caller caller = callers.identify(request);
    Optional<RoomListings.Ownership> owner = manager.ownership(roomId);
    if (caller instanceof Caller.ApiKeyHolder) {
      return new Manager(
          Principal.apiKey(), Optional.empty(), owner.orElseThrow(() -> noRoom(roomId)).teamId());
    }
    if (caller instanceof Caller.Member member && member.via() == Caller.Via.SESSION) {
      String teamId = member.signedIn().team().teamId();
      if (owner.isEmpty() || !owner.get().teamId().equals(Optional.of(teamId))) {
        throw noRoom(roomId);
      }
      User user = member.signedIn().user();
      return new Manager(Principal.member(user), Optional.of(user), Optional.of(teamId));
    }
    if (caller instanceof Caller.Anonymous && Callers.bearer(request).isEmpty()) {
      throw ApiError.unauthorized(
          "Sign in, or send the API key as 'Authorization: Bearer <key>', to manage rooms.");
    }
    // A room link, or an API token (tokens create rooms; managing them is for people).
    throw ApiError.forbidden("Only the room's team manages it, signed in; a link cannot.");
  }

  // ---- list

  private CompletableFuture<FullHttpResponse> list(Request request) {
    record Page(
        Manager member,
        List<RoomListing> rooms,
        Map<ProblemRef, Problem> problems,
        int offset,
        int limit) {}
    return ApiCalls.offLoopThen(
        executor,
        () -> {
          Manager member = member(request);
          String viewer = member.userId().orElseThrow();
          int limit = intParameter(request, "limit", 1, MAX_PAGE).orElse(DEFAULT_PAGE);
          int offset = cursor(request);
          Optional<RoomPhase> phase =
              request
                  .queryParameter("status")
                  .map(
                      s ->
                          RoomPhase.fromWireName(s)
                              .orElseThrow(
                                  () ->
                                      ApiError.badRequest(
                                          "invalid_field",
                                          "'status' must be upcoming, live or past.")));
          Optional<String> text =
              request.queryParameter("q").map(String::strip).filter(q -> !q.isEmpty());
          if (text.isPresent() && text.get().length() > MAX_QUERY) {
            throw ApiError.badRequest(
                "invalid_field", "'q' must be at most " + MAX_QUERY + " characters.");
          }
          Optional<String> interviewer =
              request
                  .queryParameter("interviewer")
                  .filter(i -> !i.isEmpty() && !i.equals("all"))
                  .map(i -> i.equals("me") ? viewer : i);
          Optional<String> language = request.queryParameter("language").filter(l -> !l.isEmpty());
          // One more than asked tells whether another page follows.
          List<RoomListing> rooms =
              manager.list(
                  new RoomFilter(
                      member.teamId().orElseThrow(),
                      viewer,
                      phase,
                      text,
                      interviewer,
                      language,
                      limit + 1,
                      offset));
          // The rooms' problems are read here, off the loop, for the rows built on it below.
          Map<ProblemRef, Problem> known = new HashMap<>();
          for (RoomListing listing : rooms) {
            listing
                .room()
                .problem()
                .ifPresent(ref -> problems.find(ref).ifPresent(p -> known.put(ref, p)));
          }
          return new Page(member, rooms, known, offset, limit);
        },
        page -> {
          List<RoomListing> shown =
              page.rooms().subList(0, Math.min(page.limit(), page.rooms().size()));
          List<CompletableFuture<Map<String, Object>>> rows = new ArrayList<>();
          for (RoomListing listing : shown) {
            CompletableFuture<List<Map<String, Object>>> connected =
                listing.room().ended()
                    ? CompletableFuture.completedFuture(List.of())
                    : live.participants(listing.room().id());
            rows.add(
                connected.thenApply(
                    people ->
                        DashboardJson.room(
                            listing,
                            listing.room().problem().map(page.problems()::get),
                            page.member().userId(),
                            people,
                            directory.candidateLinkValidity(listing.plan()))));
          }
          return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new))
              .thenApply(
                  done -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("rooms", rows.stream().map(CompletableFuture::join).toList());
                    json.put(
                        "next",
                        page.rooms().size() > page.limit()
                            ? encodeCursor(page.offset() + page.limit())
                            : null);
                    return HttpResponses.json(HttpResponseStatus.OK, json);
                  });
        });
  }

  private static Optional<Integer> intParameter(Request request, String name, int min, int max) {
    Optional<String> value = request.queryParameter(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed < min || parsed > max) {
        throw new NumberFormatException();
      }
      return Optional.of(parsed);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(
          "invalid_field",
          "'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
  }

  /** The cursor is opaque to clients: the position of the next page, encoded. */
  private static String encodeCursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o" + offset).getBytes(StandardCharsets.US_ASCII));
  }

  private static int cursor(Request request) {
    Optional<String> cursor = request.queryParameter("cursor").filter(c -> !c.isEmpty());
    if (cursor.isEmpty()) {
      return 0;
    }
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.US_ASCII);
      if (!text.startsWith("o")) {
        throw new IllegalArgumentException();
      }
      int offset = Integer.parseInt(text.substring(1));
      if (offset < 0) {
        throw new IllegalArgumentException();
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(
          "invalid_field", "'cursor' is not one this server gave; start again without it.");
    }
  }

  // ---- edit

  private FullHttpResponse edit(Request request) {
    String roomId = request.pathParameter("id");
    Manager caller = manages(request, roomId);
    Principal principal = caller.principal();
    JsonBody body = JsonBody.of(request);
    Optional<String> title =
        body.has("title")
            ? Optional.of(body.requiredString("title", RoomsApi.MAX_TITLE))
            : Optional.empty();
    Optional<String> language =
        body.has("language") ? Optional.of(language(body)) : Optional.empty();
    Optional<Optional<ProblemRef>> problemId =
        body.has("problemId")
            ? Optional.of(
                body.optionalString("problemId", RoomsApi.MAX_PROBLEM_ID)
                    .map(id -> problem(roomId, id))
                    .map(ProblemRef::of))
            : Optional.empty();
    PlanChange change = PlanRequest.forEdit(body, title, language, problemId);
    switch (manager.edit(roomId, change, principal)) {
      case NOT_FOUND -> throw noRoom(roomId);
      case STARTED ->
          throw new ApiError(
              HttpResponseStatus.CONFLICT,
              "room_started",
              "The interview has started (or ended), so it can no longer be edited.");
      case CHANGED -> {}
    }
    return HttpResponses.json(HttpResponseStatus.OK, current(roomId, caller));
  }

  /** The room as the dashboard shows it, after a change. */
  private Map<String, Object> current(String roomId, Manager caller) {
    RoomListing listing = manager.listing(roomId).orElseThrow(() -> noRoom(roomId));
    return DashboardJson.room(
        listing,
        listing.room().problem().flatMap(problems::find),
        caller.userId(),
        List.of(),
        directory.candidateLinkValidity(listing.plan()));
  }

  String language(JsonBody body) {
    String language = body.requiredString("language", 20);
    if (languages.find(language).isEmpty()) {
      throw ApiError.badRequest(
          "invalid_field",
          "'language' must be one of "
              + languages.all().stream().map(l -> l.id()).sorted().toList()
              + ".");
    }
    return language;
  }

  /** The published problem the room's team may pick, or a clear refusal. Blocks. */
  Problem problem(String roomId, String id) {
    return problems.findForRoom(roomId, id).orElseThrow(() -> RoomsApi.unknownProblem(id));
  }

  // ---- candidate link, delete, enter

  private FullHttpResponse reissue(Request request) {
    String roomId = request.pathParameter("id");
    Principal principal = manages(request, roomId).principal();
    if (directory.find(roomId).map(r -> r.ended()).orElse(true)) {
      throw ApiError.of(new TokenException(TokenException.Reason.ROOM_ENDED));
    }
    RoomManager.Reissued reissued =
        manager.reissueCandidateLink(roomId, principal, publicUrl.get());
    // Stored first; then the live room closes the old links' open sockets.
    reissued.revoked().forEach(tokenId -> live.linkRevoked(roomId, tokenId));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("link", RoomJson.issued(reissued.link()));
    json.put("revoked", reissued.revoked().size());
    json.put(
        "candidateLink",
        DashboardJson.validity(
            directory.candidateLinkValidity(
                manager.plan(roomId).orElseThrow(() -> noRoom(roomId)),
                reissued.link().token().issuedAt())));
    return HttpResponses.json(HttpResponseStatus.CREATED, json);
  }

  private FullHttpResponse delete(Request request) {
    String roomId = request.pathParameter("id");
    Manager caller = manages(request, roomId);
    // Everyone connected leaves first (the room ends for them); then its data goes.
    if (directory.end(roomId, caller.principal())) {
      live.roomEnded(roomId);
    }
    Instant at =
        manager
            .delete(roomId, caller.principal(), caller.teamId())
            .orElseThrow(() -> noRoom(roomId));
    live.roomEnded(roomId);
    return HttpResponses.json(
        HttpResponseStatus.OK, Map.of("id", roomId, "deleted", true, "deletedAt", at.toString()));
  }

  private FullHttpResponse enter(Request request) {
    String roomId = request.pathParameter("id");
    Manager caller = manages(request, roomId);
    if (caller.user().isEmpty()) {
      throw ApiError.unauthorized("Sign in to enter a room without its link.");
    }
    if (directory.find(roomId).map(r -> r.ended()).orElse(true)) {
      throw ApiError.of(new TokenException(TokenException.Reason.ROOM_ENDED));
    }
    IssuedLink link =
        directory.issue(
            roomId,
            Role.INTERVIEWER,
            caller.user().get().name(),
            caller.principal(),
            publicUrl.get());
    return HttpResponses.json(HttpResponseStatus.CREATED, RoomJson.issued(link));
  }

  // ---- a link holder's side

  private FullHttpResponse consent(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal holder = access.authenticate(roomId, Callers.bearer(request));
    if (holder.role() != Role.CANDIDATE || holder.token().isEmpty()) {
      throw ApiError.forbidden("Only a candidate's link consents to the recording notice.");
    }
    Instant at = manager.consent(roomId, holder, retentionDays());
    return HttpResponses.json(
        HttpResponseStatus.OK,
        Map.of("consentedAt", at.toString(), "retentionDays", retentionDays()));
  }

  private FullHttpResponse password(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal holder = access.authenticateBeforePassword(roomId, Callers.bearer(request));
    if (holder.token().isEmpty() || holder.role() == Role.INTERVIEWER) {
      throw ApiError.badRequest(
          "no_password_needed", "Interviewers enter without the room's password.");
    }
    String password =
        JsonBody.of(request)
            .optionalRawString("password", RoomPassword.MAX_LENGTH)
            .orElseThrow(() -> ApiError.badRequest("invalid_field", "'password' is required."));
    IssuedLink link =
        manager
            .unlock(roomId, holder, password, publicUrl.get())
            .orElseThrow(
                () ->
                    new ApiError(
                        HttpResponseStatus.UNAUTHORIZED,
                        "password_wrong",
                        "That is not the room's password; check it with the interviewer."));
    return HttpResponses.json(HttpResponseStatus.CREATED, RoomJson.issued(link));
  }

  private static ApiError noRoom(String roomId) {
    return ApiError.notFound("There is no room " + roomId + ".");
  }
}
