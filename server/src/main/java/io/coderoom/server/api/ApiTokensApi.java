package io.coderoom.server.api;

import io.coderoom.server.account.ApiScope;
import io.coderoom.server.account.ApiToken;
import io.coderoom.server.account.ApiTokens;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * {@code /api/tokens}: a signed-in member creates, lists and revokes their own API tokens. A token
 * is shown once, in the answer that creates it.
 */
public final class ApiTokensApi {
  private final Callers callers;
  private final ApiTokens tokens;
  private final Executor executor;

  public ApiTokensApi(Callers callers, ApiTokens tokens, Executor executor) {
    this.callers = callers;
    this.tokens = tokens;
    this.executor = executor;
  }

  public void register(Router router) {
    router.get("/api/tokens", request -> ApiCalls.offLoop(executor, () -> list(request)));
    router.post("/api/tokens", request -> ApiCalls.offLoop(executor, () -> create(request)));
    router.post(
        "/api/tokens/{id}/revoke", request -> ApiCalls.offLoop(executor, () -> revoke(request)));
  }

  private FullHttpResponse list(Request request) {
    SignedIn owner = Members.bySession(callers, request);
    return HttpResponses.json(
        HttpResponseStatus.OK,
        Map.of("tokens", tokens.list(owner.user().id()).stream().map(ApiTokensApi::json).toList()));
  }

  private FullHttpResponse create(Request request) {
    SignedIn owner = Members.bySession(callers, request);
    JsonBody body = JsonBody.of(request);
    String name = body.requiredString("name", ApiTokens.MAX_NAME);
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String scope : body.strings("scopes", ApiScope.values().length, 40)) {
      scopes.add(
          ApiScope.fromWireName(scope)
              .orElseThrow(
                  () ->
                      ApiError.badRequest(
                          "invalid_field",
                          "'scopes' may hold "
                              + Arrays.stream(ApiScope.values()).map(ApiScope::wireName).toList()
                              + ".")));
    }
    if (scopes.isEmpty()) {
      throw ApiError.badRequest(
          "invalid_field", "'scopes' must name at least one of rooms:create and reports:read.");
    }
    ApiTokens.Created created;
    try {
      created = tokens.create(owner, name, scopes);
    } catch (ApiTokens.TooMany e) {
      throw new ApiError(HttpResponseStatus.CONFLICT, "too_many_tokens", e.getMessage());
    }
    Map<String, Object> json = json(created.token());
    json.put("token", created.secret());
    FullHttpResponse response = HttpResponses.json(HttpResponseStatus.CREATED, json);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return response;
  }

  private FullHttpResponse revoke(Request request) {
    SignedIn owner = Members.bySession(callers, request);
    String id = request.pathParameter("id");
    if (!tokens.revoke(owner, id)) {
      throw ApiError.notFound("You have no live API token " + id + ".");
    }
    return HttpResponses.json(HttpResponseStatus.OK, Map.of("id", id, "revoked", true));
  }

  private static Map<String, Object> json(ApiToken token) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", token.id());
    json.put("name", token.name());
    json.put("scopes", EnumSet.copyOf(token.scopes()).stream().map(ApiScope::wireName).toList());
    json.put("createdAt", token.createdAt().toString());
    json.put("lastUsedAt", token.lastUsedAt().map(Instant::toString).orElse(null));
    return json;
  }
}
