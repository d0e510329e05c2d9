package io.coderoom.server.api;

import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.room.IssuedLink;
import io.coderoom.server.room.Languages;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.room.RoomDirectory;
import io.coderoom.server.room.RoomDirectory.CreatedRoom;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@code /api/rooms}: create a room (API key), read it, end it, and issue, list and revoke its
 * links (interviewers). Calls block on the database, so they run on the blocking executor.
 */
public final class RoomsApi {
  private static final int MAX_TITLE = 200;
  private static final int MAX_NAME = 80;
  private static final String BEARER = "Bearer ";

  private final RoomDirectory rooms;
  private final RoomAccess access;
  private final Executor executor;
  private final Supplier<URI> publicUrl;

  public RoomsApi(
      RoomDirectory rooms, RoomAccess access, Executor executor, Supplier<URI> publicUrl) {
    this.rooms = rooms;
    this.access = access;
    this.executor = executor;
    this.publicUrl = publicUrl;
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
  }

  private FullHttpResponse create(Request request) {
    if (!credential(request).map(access::isApiKey).orElse(false)) {
      throw new ApiError(
          HttpResponseStatus.UNAUTHORIZED,
          "unauthorized",
          "Creating rooms needs the API key as 'Authorization: Bearer <key>'.");
    }
    JsonBody body = JsonBody.of(request);
    String title = body.requiredString("title", MAX_TITLE);
    String language = body.requiredString("language", 20);
    if (!Languages.IDS.contains(language)) {
      throw ApiError.badRequest(
          "invalid_field", "'language' must be one of " + new TreeSet<>(Languages.IDS) + ".");
    }
    CreatedRoom created = rooms.create(title, language, Principal.apiKey(), publicUrl.get());
    Map<String, Object> json = RoomJson.room(created.room());
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
    access.authenticate(roomId, credential(request));
    return HttpResponses.json(
        HttpResponseStatus.OK, RoomJson.room(rooms.find(roomId).orElseThrow(() -> noRoom(roomId))));
  }

  private FullHttpResponse end(Request request) throws TokenException {
    String roomId = request.pathParameter("id");
    Principal principal = moderator(request, roomId);
    rooms.end(roomId, principal);
    return HttpResponses.json(
        HttpResponseStatus.OK, RoomJson.room(rooms.find(roomId).orElseThrow(() -> noRoom(roomId))));
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
    if (!rooms.revoke(roomId, tokenId, principal)) {
      throw ApiError.notFound("The room has no live link " + tokenId + ".");
    }
    return HttpResponses.json(HttpResponseStatus.OK, Map.of("tokenId", tokenId, "revoked", true));
  }

  /** The caller, who must be allowed to moderate this open room. */
  private Principal moderator(Request request, String roomId) throws TokenException {
    Principal principal = access.authenticate(roomId, credential(request));
    if (!principal.role().moderates()) {
      throw ApiError.forbidden("Only an interviewer may do this.");
    }
    return principal;
  }

  private static Optional<String> credential(Request request) {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String value = header.substring(BEARER.length()).trim();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static ApiError noRoom(String roomId) {
    return ApiError.notFound("There is no room " + roomId + ".");
  }
}
