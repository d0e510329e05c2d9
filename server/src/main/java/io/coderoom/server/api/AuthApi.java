package io.coderoom.server.api;

import io.coderoom.server.account.AccountAudit;
import io.coderoom.server.account.Accounts;
import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.LinkPurpose;
import io.coderoom.server.account.Membership;
import io.coderoom.server.account.OneTimeLink;
import io.coderoom.server.account.OneTimeLinks;
import io.coderoom.server.account.OneTimeLinks.Grant;
import io.coderoom.server.account.SessionCookie;
import io.coderoom.server.account.Sessions;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.account.TeamRole;
import io.coderoom.server.account.User;
import io.coderoom.server.room.Principal;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@code /api/auth}: who is signed in, signing out (here or everywhere), what a one-time link is
 * for, and which sign-in methods the server offers; and {@code /api/admin/links}, with which the
 * API key issues setup, invitation and recovery links (bootstrap and automation). How a person
 * signs in lives with each method's endpoints.
 */
public final class AuthApi {
  private static final int MAX_TOKEN = 200;
  private static final long MAX_LINK_HOURS = 24 * 7;

  private final Callers callers;
  private final Sessions sessions;
  private final Accounts accounts;
  private final OneTimeLinks links;
  private final Executor executor;
  private final Supplier<URI> publicUrl;
  private final Supplier<Map<String, Object>> oidcOptions;

  public AuthApi(
      Callers callers,
      Sessions sessions,
      Accounts accounts,
      OneTimeLinks links,
      Executor executor,
      Supplier<URI> publicUrl,
      Supplier<Map<String, Object>> oidcOptions) {
    this.callers = callers;
    this.sessions = sessions;
    this.accounts = accounts;
    this.links = links;
    this.executor = executor;
    this.publicUrl = publicUrl;
    this.oidcOptions = oidcOptions;
  }

  public void register(Router router) {
    router.get("/api/auth/session", request -> ApiCalls.offLoop(executor, () -> session(request)));
    router.get("/api/auth/options", request -> ApiCalls.offLoop(executor, this::options));
    router.post("/api/auth/signout", request -> ApiCalls.offLoop(executor, () -> signOut(request)));
    router.post(
        "/api/auth/signout-everywhere",
        request -> ApiCalls.offLoop(executor, () -> signOutEverywhere(request)));
    router.post(
        "/api/auth/links/inspect", request -> ApiCalls.offLoop(executor, () -> inspect(request)));
    router.post("/api/admin/links", request -> ApiCalls.offLoop(executor, () -> issue(request)));
  }

  private FullHttpResponse session(Request request) {
    SignedIn signedIn = signedIn(request);
    return HttpResponses.json(HttpResponseStatus.OK, sessionJson(signedIn));
  }

  /** The session's JSON: the user and their team. */
  public static Map<String, Object> sessionJson(SignedIn signedIn) {
    return Map.of("user", userJson(signedIn.user()), "team", teamJson(signedIn.team()));
  }

  static Map<String, Object> userJson(User user) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id());
    json.put("name", user.name());
    json.put("email", user.email().orElse(null));
    return json;
  }

  static Map<String, Object> teamJson(Membership team) {
    return Map.of("id", team.teamId(), "name", team.teamName(), "role", team.role().wireName());
  }

  private FullHttpResponse options() {
    // setupNeeded tells the sign-in page (and ./coderoom up) that no one can sign in yet.
    return HttpResponses.json(
        HttpResponseStatus.OK,
        Map.of("passkeys", true, "oidc", oidcOptions.get(), "setupNeeded", !accounts.anyUser()));
  }

  private FullHttpResponse signOut(Request request) {
    Optional<SignedIn> signedIn = SessionCookie.read(request.headers()).flatMap(sessions::resolve);
    signedIn.ifPresent(s -> sessions.end(s.sessionId()));
    return withClearedCookie(Map.of("signedOut", signedIn.isPresent()));
  }

  private FullHttpResponse signOutEverywhere(Request request) {
    SignedIn signedIn = signedIn(request);
    int ended = sessions.endAll(signedIn.user().id());
    AccountAudit.record(
        accounts.jdbi(),
        Optional.of(signedIn.team().teamId()),
        AccountAudit.actor(signedIn.user()),
        "signed_out_everywhere",
        Map.of("sessions", ended));
    return withClearedCookie(Map.of("signedOut", true, "sessions", ended));
  }

  private FullHttpResponse withClearedCookie(Map<String, Object> json) {
    FullHttpResponse response = HttpResponses.json(HttpResponseStatus.OK, json);
    response.headers().add(HttpHeaderNames.SET_COOKIE, SessionCookie.clear(secureCookies()));
    return response;
  }

  private FullHttpResponse inspect(Request request) {
    String token = JsonBody.of(request).requiredString("token", MAX_TOKEN);
    OneTimeLink link = links.peek(token).orElseThrow(AuthApi::invalidLink);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("purpose", link.purpose().wireName());
    json.put("teamName", link.teamName().orElse(Accounts.DEFAULT_TEAM_NAME));
    json.put("role", link.role().map(TeamRole::wireName).orElse(null));
    json.put("userName", link.userId().flatMap(accounts::findUser).map(User::name).orElse(null));
    json.put("expiresAt", link.expiresAt().toString());
    return HttpResponses.json(HttpResponseStatus.OK, json);
  }

  /** The refusal of a one-time link that is unknown, used or expired. */
  public static ApiError invalidLink() {
    return new ApiError(
        HttpResponseStatus.NOT_FOUND,
        "link_invalid",
        "This link has been used or has expired. Ask an administrator for a new one.");
  }

  private FullHttpResponse issue(Request request) {
    if (!(callers.identify(request) instanceof Caller.ApiKeyHolder)) {
      throw ApiError.unauthorized(
          "Issuing account links needs the API key as 'Authorization: Bearer <key>'.");
    }
    JsonBody body = JsonBody.of(request);
    String purposeName = body.requiredString("purpose", 20);
    LinkPurpose purpose =
        LinkPurpose.fromWireName(purposeName)
            .orElseThrow(
                () ->
                    ApiError.badRequest(
                        "invalid_field", "'purpose' must be setup, invitation or recovery."));
    Grant grant =
        switch (purpose) {
          case SETUP -> Grant.setup(body.optionalString("teamName", 100));
          case RECOVERY -> Grant.recovery(user(body.requiredString("user", 254)));
          case INVITATION -> {
            String teamId = body.requiredString("teamId", 64);
            Membership team =
                new Membership(
                    teamId,
                    accounts
                        .teamName(teamId)
                        .orElseThrow(
                            () ->
                                ApiError.badRequest(
                                    "invalid_field", "There is no team " + teamId + ".")),
                    TeamRole.INTERVIEWER);
            TeamRole role =
                body.optionalString("role", 20)
                    .map(
                        name ->
                            TeamRole.fromWireName(name)
                                .filter(r -> r != TeamRole.OWNER)
                                .orElseThrow(
                                    () ->
                                        ApiError.badRequest(
                                            "invalid_field",
                                            "'role' must be admin or interviewer.")))
                    .orElse(TeamRole.INTERVIEWER);
            yield Grant.invitation(team, role, body.optionalString("email", 254));
          }
        };
    long hours =
        body.optionalString("hours", 4)
            .map(AuthApi::hours)
            .orElse(OneTimeLinks.DEFAULT_TTL.toHours());
    OneTimeLinks.Issued issued =
        links.issue(grant, Principal.API_KEY_ACTOR, Duration.ofHours(hours), publicUrl.get());
    AccountAudit.record(
        accounts.jdbi(),
        grant.teamId(),
        Principal.API_KEY_ACTOR,
        "account_link_issued",
        Map.of("purpose", purpose.wireName(), "linkId", issued.id()));
    return HttpResponses.json(
        HttpResponseStatus.CREATED,
        Map.of("url", issued.url().toString(), "expiresAt", issued.expiresAt().toString()));
  }

  private User user(String idOrEmail) {
    return (idOrEmail.contains("@")
            ? accounts.findUserByEmail(idOrEmail)
            : accounts.findUser(idOrEmail))
        .orElseThrow(
            () -> ApiError.badRequest("invalid_field", "There is no account " + idOrEmail + "."));
  }

  private static long hours(String value) {
    try {
      long hours = Long.parseLong(value);
      if (hours >= 1 && hours <= MAX_LINK_HOURS) {
        return hours;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiError.badRequest(
        "invalid_field", "'hours' must be a whole number from 1 to " + MAX_LINK_HOURS + ".");
  }

  /** The signed-in member of a session (not an API token), or 401. */
  private SignedIn signedIn(Request request) {
    return SessionCookie.read(request.headers())
        .flatMap(sessions::resolve)
        .orElseThrow(
            () ->
                new ApiError(
                    HttpResponseStatus.UNAUTHORIZED, "signed_out", "You are not signed in."));
  }

  /** True when cookies must be {@code Secure}: the public URL is https. */
  public boolean secureCookies() {
    return "https".equalsIgnoreCase(publicUrl.get().getScheme());
  }
}
