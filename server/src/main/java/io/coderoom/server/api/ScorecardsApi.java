package io.coderoom.server.api;

import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.report.Rating;
import io.coderoom.server.report.RatingScale;
import io.coderoom.server.report.Recommendation;
import io.coderoom.server.report.Scorecard;
import io.coderoom.server.report.ScorecardCriteria;
import io.coderoom.server.report.Scorecards;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.store.RoomRecord;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@code /api/rooms/{id}/scorecards}: each interviewer's scorecard of a room, submitted once and
 * edited until the room is archived ({@code POST /api/rooms/{id}/archive}, once it has ended); and
 * {@code /api/team/scorecard-criteria}, the criteria a team's scorecards rate, which its owners and
 * admins set. An interviewer is a person: a member of the room's team (signed in) or the holder of
 * an interviewer's link, and a scorecard is theirs by that identity. Integrations (the API key, API
 * tokens) read scorecards in the report and write none.
 */
public final class ScorecardsApi {
  private static final int MAX_NOTES = 20_000;

  private final Callers callers;
  private final RoomReaders readers;
  private final RoomDirectory rooms;
  private final Scorecards scorecards;
  private final Executor executor;

  public ScorecardsApi(
      Callers callers,
      RoomAccess access,
      RoomDirectory rooms,
      Scorecards scorecards,
      Executor executor) {
    this.callers = callers;
    this.readers = new RoomReaders(callers, access);
    this.rooms = rooms;
    this.scorecards = scorecards;
    this.executor = executor;
  }

  public void register(Router router) {
    router.get(
        "/api/rooms/{id}/scorecards", request -> ApiCalls.offLoop(executor, () -> list(request)));
    router.post(
        "/api/rooms/{id}/scorecards",
        request -> ApiCalls.offLoop(executor, () -> write(request, false)));
    router.put(
        "/api/rooms/{id}/scorecards/mine",
        request -> ApiCalls.offLoop(executor, () -> write(request, true)));
    router.post(
        "/api/rooms/{id}/archive", request -> ApiCalls.offLoop(executor, () -> archive(request)));
    router.get(
        "/api/team/scorecard-criteria",
        request -> ApiCalls.offLoop(executor, () -> teamCriteria(request)));
    router.put(
        "/api/team/scorecard-criteria",
        request -> ApiCalls.offLoop(executor, () -> setTeamCriteria(request)));
  }

  /** Who writes a scorecard: an interviewer in person, with the name the room knows them by. */
  private record Author(String actor, String name) {}

  private FullHttpResponse list(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = interviewer(request, roomId);
    Optional<Author> me = author(request, principal);
    List<Scorecard> all = scorecards.forRoom(roomId);
    Optional<Instant> archivedAt = scorecards.archivedAt(roomId);
    Map<String, Object> json = ScorecardJson.form(scorecards.criteriaOfRoom(roomId));
    json.put("archivedAt", archivedAt.map(Instant::toString).orElse(null));
    json.put("canWrite", me.isPresent() && archivedAt.isEmpty());
    json.put(
        "mine",
        me.flatMap(
                author ->
                    all.stream().filter(card -> card.actor().equals(author.actor())).findFirst())
            .map(ScorecardJson::scorecard)
            .orElse(null));
    json.put("scorecards", all.stream().map(ScorecardJson::scorecard).toList());
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  private FullHttpResponse write(Request request, boolean edit) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = interviewer(request, roomId);
    Author author =
        author(request, principal)
            .orElseThrow(
                () ->
                    ApiError.forbidden(
                        "A scorecard is an interviewer's own: sign in or use your interviewer's"
                            + " link (the API key and API tokens read scorecards only)."));
    JsonBody body = JsonBody.of(request);
    List<Rating> ratings = ratings(body, scorecards.criteriaOfRoom(roomId));
    String notes = body.optionalRawString("notes", MAX_NOTES).orElse("");
    Recommendation recommendation =
        Recommendation.fromWireName(body.requiredString("recommendation", 20))
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "invalid_field",
                        "'recommendation' must be strong_no, no, yes or strong_yes."));
    Scorecards.Outcome outcome =
        scorecards.write(
            roomId, author.actor(), author.name(), ratings, notes, recommendation, edit);
    switch (outcome) {
      case SAVED -> {}
      case ALREADY_SUBMITTED ->
          throw new ApiError(
              HttpResponseStatus.CONFLICT,
              "already_submitted",
              "You already submitted your scorecard of this room: edit it with PUT"
                  + " /api/rooms/{id}/scorecards/mine.");
      case NOT_SUBMITTED ->
          throw ApiError.notFound(
              "You have not submitted a scorecard of this room yet: submit it with POST"
                  + " /api/rooms/{id}/scorecards.");
      case ARCHIVED ->
          throw new ApiError(
              HttpResponseStatus.CONFLICT,
              "archived",
              "The room is archived: its scorecards are final and can no longer change.");
    }
    Scorecard saved =
        scorecards.forRoom(roomId).stream()
            .filter(card -> card.actor().equals(author.actor()))
            .findFirst()
            .orElseThrow();
    return HttpResponses.json(
        edit ? HttpResponseStatus.OK : HttpResponseStatus.CREATED, ScorecardJson.scorecard(saved));
  }

  private FullHttpResponse archive(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = interviewer(request, roomId);
    if (author(request, principal).isEmpty()) {
      throw ApiError.forbidden("Archiving a report is for an interviewer in person.");
    }
    RoomRecord room = rooms.find(roomId).orElseThrow(() -> ApiError.notFound("No such room."));
    if (!room.ended()) {
      throw new ApiError(
          HttpResponseStatus.CONFLICT,
          "room_open",
          "The interview is still going on: end it before archiving its report.");
    }
    Instant at = scorecards.archive(roomId, principal.actor());
    return HttpResponses.json(
        HttpResponseStatus.OK, Map.of("id", roomId, "archivedAt", at.toString()));
  }

  private FullHttpResponse teamCriteria(Request request) {
    SignedIn me = Members.bySession(callers, request);
    Map<String, Object> json = ScorecardJson.form(scorecards.criteriaOfTeam(me.team().teamId()));
    json.put("defaults", ScorecardCriteria.DEFAULTS.names());
    json.put("canEdit", me.team().role().manages());
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  private FullHttpResponse setTeamCriteria(Request request) {
    SignedIn me = Members.bySession(callers, request);
    if (!me.team().role().manages()) {
      throw ApiError.forbidden("Only the team's owners and admins change its scorecard criteria.");
    }
    JsonBody body = JsonBody.of(request);
    List<String> names =
        body.strings(
            "criteria", ScorecardCriteria.MAX_CRITERIA + 1, ScorecardCriteria.MAX_NAME + 1);
    ScorecardCriteria.problem(names)
        .ifPresent(
            why -> {
              throw ApiError.badRequest("invalid_field", why);
            });
    ScorecardCriteria criteria = new ScorecardCriteria(names);
    scorecards.setCriteria(me.team().teamId(), criteria);
    Map<String, Object> json = ScorecardJson.form(criteria);
    json.put("defaults", ScorecardCriteria.DEFAULTS.names());
    json.put("canEdit", true);
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  /** One rating for each of the room's criteria, none else, in the criteria's order. */
  private static List<Rating> ratings(JsonBody body, ScorecardCriteria criteria) {
    Map<String, Integer> given = new HashMap<>();
    for (JsonBody item : body.objects("ratings", ScorecardCriteria.MAX_CRITERIA)) {
      String criterion = item.requiredString("criterion", ScorecardCriteria.MAX_NAME);
      int rating =
          item.optionalInteger("rating", RatingScale.MIN, RatingScale.MAX)
              .orElseThrow(
                  () ->
                      ApiError.badRequest(
                          "invalid_field", "Each rating is a whole number from 1 to 4."));
      if (!criteria.names().contains(criterion)) {
        throw ApiError.badRequest(
            "invalid_field",
            "'" + criterion + "' is not a criterion of this room: rate " + criteria.names() + ".");
      }
      if (given.put(criterion, rating) != null) {
        throw ApiError.badRequest("invalid_field", "'" + criterion + "' is rated twice.");
      }
    }
    if (given.size() != criteria.names().size()) {
      throw ApiError.badRequest(
          "invalid_field", "Rate every criterion of this room: " + criteria.names() + ".");
    }
    return criteria.names().stream().map(name -> new Rating(name, given.get(name))).toList();
  }

  /** The caller, who must be an interviewer of the room (its link, its team, or the API key). */
  private Principal interviewer(Request request, String roomId) throws TokenException {
    Principal principal = readers.authenticate(request, roomId);
    if (!principal.role().moderates()) {
      throw ApiError.forbidden("Only the room's interviewers see and write scorecards.");
    }
    return principal;
  }

  /** The person behind an interviewer's request; empty for the API key and API tokens. */
  private Optional<Author> author(Request request, Principal principal) {
    if (principal.token().isPresent()) {
      String name = principal.token().get().name();
      return Optional.of(new Author(principal.actor(), name.isBlank() ? "Interviewer" : name));
    }
    if (callers.identify(request) instanceof Caller.Member member
        && member.via() == Caller.Via.SESSION) {
      return Optional.of(new Author(principal.actor(), member.signedIn().user().name()));
    }
    return Optional.empty();
  }

  static Map<String, Object> forReport(Scorecards scorecards, String roomId) {
    Map<String, Object> json = ScorecardJson.form(scorecards.criteriaOfRoom(roomId));
    json.put("archivedAt", scorecards.archivedAt(roomId).map(Instant::toString).orElse(null));
    json.put("items", scorecards.forRoom(roomId).stream().map(ScorecardJson::scorecard).toList());
    return new LinkedHashMap<>(json);
  }
}
