package io.coderoom.server.api;

import io.coderoom.server.account.Accounts;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.Invitation;
import io.coderoom.server.account.OneTimeLinks;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.account.TeamRole;
import io.coderoom.server.account.Teams;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@code /api/team}: the signed-in member's team (members, roles, pending invitations); owners and
 * admins invite by one-time link, revoke invitations, remove members and change roles.
 */
public final class TeamApi {
  private static final long MAX_INVITATION_HOURS = 24 * 7;

  private final Callers callers;
  private final Accounts accounts;
  private final Teams teams;
  private final Executor executor;
  private final Supplier<URI> publicUrl;

  public TeamApi(
      Callers callers, Accounts accounts, Teams teams, Executor executor, Supplier<URI> publicUrl) {
    this.callers = callers;
    this.accounts = accounts;
    this.teams = teams;
    this.executor = executor;
    this.publicUrl = publicUrl;
  }

  public void register(Router router) {
    router.get("/api/team", request -> ApiCalls.offLoop(executor, () -> team(request)));
    router.post(
        "/api/team/invitations", request -> ApiCalls.offLoop(executor, () -> invite(request)));
    router.post(
        "/api/team/invitations/{id}/revoke",
        request -> ApiCalls.offLoop(executor, () -> revokeInvitation(request)));
    router.post(
        "/api/team/members/{userId}/remove",
        request -> ApiCalls.offLoop(executor, () -> remove(request)));
    router.post(
        "/api/team/members/{userId}/role",
        request -> ApiCalls.offLoop(executor, () -> changeRole(request)));
  }

  private FullHttpResponse team(Request request) {
    SignedIn me = Members.bySession(callers, request);
    List<Map<String, Object>> members =
        accounts.members(me.team().teamId()).stream()
            .map(
                member -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("user", AuthApi.userJson(member.user()));
                  json.put("role", member.role().wireName());
                  json.put("joinedAt", member.joinedAt().toString());
                  return json;
                })
            .toList();
    // Who was invited is the managers' business; everyone sees the team itself.
    List<Map<String, Object>> invitations =
        me.team().role().manages()
            ? teams.invitations(me.team().teamId()).stream().map(TeamApi::json).toList()
            : List.of();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("team", AuthApi.teamJson(me.team()));
    json.put("members", members);
    json.put("invitations", invitations);
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  private FullHttpResponse invite(Request request) {
    SignedIn me = Members.bySession(callers, request);
    JsonBody body = JsonBody.of(request);
    TeamRole role = role(body.requiredString("role", 20));
    Optional<String> email = body.optionalString("email", 254);
    if (email.isPresent() && !email.get().matches("[^@\\s]+@[^@\\s]+")) {
      throw ApiError.badRequest("invalid_field", "'email' must be an email address.");
    }
    long hours =
        body.optionalString("hours", 4)
            .map(TeamApi::hours)
            .orElse(OneTimeLinks.DEFAULT_TTL.toHours());
    OneTimeLinks.Issued issued =
        refusing(() -> teams.invite(me, role, email, Duration.ofHours(hours), publicUrl.get()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", issued.id());
    json.put("url", issued.url().toString());
    json.put("role", role.wireName());
    json.put("email", email.orElse(null));
    json.put("expiresAt", issued.expiresAt().toString());
    FullHttpResponse response = HttpResponses.json(HttpResponseStatus.CREATED, json);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return response;
  }

  private FullHttpResponse revokeInvitation(Request request) {
    SignedIn me = Members.bySession(callers, request);
    String id = request.pathParameter("id");
    refusing(
        () -> {
          teams.revokeInvitation(me, id);
          return null;
        });
    return HttpResponses.json(HttpResponseStatus.OK, Map.of("id", id, "revoked", true));
  }

  private FullHttpResponse remove(Request request) {
    SignedIn me = Members.bySession(callers, request);
    String userId = request.pathParameter("userId");
    refusing(
        () -> {
          teams.remove(me, userId);
          return null;
        });
    return HttpResponses.json(HttpResponseStatus.OK, Map.of("userId", userId, "removed", true));
  }

  private FullHttpResponse changeRole(Request request) {
    SignedIn me = Members.bySession(callers, request);
    String userId = request.pathParameter("userId");
    TeamRole role = role(JsonBody.of(request).requiredString("role", 20));
    refusing(
        () -> {
          teams.changeRole(me, userId, role);
          return null;
        });
    return HttpResponses.json(
        HttpResponseStatus.OK, Map.of("userId", userId, "role", role.wireName()));
  }

  private static TeamRole role(String name) {
    return TeamRole.fromWireName(name)
        .orElseThrow(
            () ->
                ApiError.badRequest(
                    "invalid_field", "'role' must be owner, admin or interviewer."));
  }

  private static long hours(String value) {
    try {
      long hours = Long.parseLong(value);
      if (hours >= 1 && hours <= MAX_INVITATION_HOURS) {
        return hours;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiError.badRequest(
        "invalid_field", "'hours' must be a whole number from 1 to " + MAX_INVITATION_HOURS + ".");
  }

  /** Runs a change, answering its refusal as the API's error. */
  private static <T> T refusing(Supplier<T> change) {
    try {
      return change.get();
    } catch (Teams.Refused refused) {
      throw switch (refused.refusal()) {
        case NOT_ALLOWED -> ApiError.forbidden(refused.getMessage());
        case NOT_FOUND -> ApiError.notFound(refused.getMessage());
        case LAST_OWNER ->
            new ApiError(HttpResponseStatus.CONFLICT, "last_owner", refused.getMessage());
      };
    }
  }

  private static Map<String, Object> json(Invitation invitation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", invitation.id());
    json.put("role", invitation.role().wireName());
    json.put("email", invitation.email().orElse(null));
    json.put("createdBy", invitation.createdBy());
    json.put("createdAt", invitation.createdAt().toString());
    json.put("expiresAt", invitation.expiresAt().toString());
    return json;
  }
}
