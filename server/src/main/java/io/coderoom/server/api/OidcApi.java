package io.coderoom.server.api;

import io.coderoom.server.account.SessionCookie;
import io.coderoom.server.account.oidc.BindingCookie;
import io.coderoom.server.account.oidc.OidcClient;
import io.coderoom.server.account.oidc.OidcConfig;
import io.coderoom.server.account.oidc.OidcSignIn;
import io.coderoom.server.account.oidc.SignInRefusal;
import io.coderoom.server.account.oidc.SignInRefused;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with the configured OpenID Connect provider. {@code GET /api/auth/oidc/start} (with
 * {@code ?link=TOKEN} when a one-time link started it) sends the browser to the provider; {@code
 * GET /api/auth/oidc/callback} is where the provider sends it back, and ends on {@code /dashboard}
 * signed in, or on {@code /signin?error=CODE}, whose page says what went wrong. Both are
 * navigations, not API calls: they answer redirects, never JSON.
 */
public final class OidcApi {
  private static final Logger log = LoggerFactory.getLogger(OidcApi.class);

  /** The longest code, state or link token read from a query. */
  private static final int MAX_PARAMETER = 2048;

  private final OidcConfig config;
  private final Optional<OidcClient> client;
  private final OidcSignIn signIn;
  private final Executor executor;
  private final Supplier<URI> publicUrl;
  private final Clock clock;

  public OidcApi(
      OidcConfig config,
      OidcSignIn signIn,
      Executor executor,
      Supplier<URI> publicUrl,
      Clock clock) {
    this.config = config;
    this.client =
        config.enabled()
            ? Optional.of(new OidcClient(config, () -> callbackUri(publicUrl.get()), clock))
            : Optional.empty();
    this.signIn = signIn;
    this.executor = executor;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** Where the provider sends people back: register it at the provider. */
  public static URI callbackUri(URI publicUrl) {
    return URI.create(publicUrl.toString().replaceAll("/+$", "") + "/api/auth/oidc/callback");
  }

  /** What {@code GET /api/auth/options} says of this method. */
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("enabled", config.enabled());
    options.put("name", config.name());
    return options;
  }

  /** The sign-ins under way, for the housekeeping's sweep. */
  public void sweep() {
    client.ifPresent(c -> c.pending().sweep());
  }

  public void register(Router router) {
    router.get(
        "/api/auth/oidc/start",
        request -> CompletableFuture.supplyAsync(() -> start(request), executor));
    router.get(
        "/api/auth/oidc/callback",
        request -> CompletableFuture.supplyAsync(() -> callback(request), executor));
  }

  private FullHttpResponse start(Request request) {
    try {
      OidcClient oidc = enabledClient();
      Optional<String> link = parameter(request, "link");
      if (link.isPresent() && !signIn.linkUsable(link.get())) {
        // Said before the person signs in at the provider; the callback checks it again.
        throw SignInRefusal.LINK_INVALID.because("the one-time link is used, expired or unknown");
      }
      OidcClient.Authorization authorization = oidc.begin(link);
      FullHttpResponse response = redirect(authorization.location().toString());
      response
          .headers()
          .add(
              HttpHeaderNames.SET_COOKIE,
              BindingCookie.set(authorization.browserBinding(), secureCookies()));
      return response;
    } catch (SignInRefused refused) {
      return refusal(refused);
    }
  }

  private FullHttpResponse callback(Request request) {
    try {
      OidcClient oidc = enabledClient();
      String state =
          parameter(request, "state")
              .orElseThrow(
                  () -> SignInRefusal.STATE_UNKNOWN.because("the callback carries no state"));
      Optional<String> binding = BindingCookie.read(request.headers());
      Optional<String> providerError = parameter(request, "error");
      if (providerError.isPresent()) {
        // Spend the sign-in, then say the provider refused (the person cancelled, for example).
        oidc.pending().take(state, binding);
        throw SignInRefusal.PROVIDER_ERROR.because(
            "the provider answered " + providerError.get().replaceAll("[^A-Za-z0-9_.-]", "?"));
      }
      String code =
          parameter(request, "code")
              .orElseThrow(() -> SignInRefusal.PROVIDER_ERROR.because("the callback has no code"));
      OidcClient.Finished finished = oidc.finish(code, state, binding);
      OidcSignIn.Result result =
          signIn.signIn(finished, request.headers().get(HttpHeaderNames.USER_AGENT, ""));
      log.info(
          "user {} of team {} signed in with {}",
          result.user().id(),
          result.team().teamId(),
          config.name());
      FullHttpResponse response = redirect("/dashboard");
      response
          .headers()
          .add(
              HttpHeaderNames.SET_COOKIE,
              List.of(
                  SessionCookie.set(
                      result.session().secret(), result.session().maxAge(clock), secureCookies()),
                  BindingCookie.clear(secureCookies())));
      return response;
    } catch (SignInRefused refused) {
      return refusal(refused);
    }
  }

  private OidcClient enabledClient() throws SignInRefused {
    return client.orElseThrow(
        () -> SignInRefusal.DISABLED.because("CODEROOM_OIDC_ISSUER is not set"));
  }

  private FullHttpResponse refusal(SignInRefused refused) {
    log.warn("a sign-in with {} was refused: {}", config.name(), refused.getMessage());
    signIn.recordFailure(refused);
    FullHttpResponse response =
        redirect(
            "/signin?error=" + URLEncoder.encode(refused.reason().code(), StandardCharsets.UTF_8));
    response.headers().add(HttpHeaderNames.SET_COOKIE, BindingCookie.clear(secureCookies()));
    return response;
  }

  private static Optional<String> parameter(Request request, String name) throws SignInRefused {
    Optional<String> value = request.queryParameter(name).filter(v -> !v.isEmpty());
    if (value.isPresent() && value.get().length() > MAX_PARAMETER) {
      throw SignInRefusal.STATE_UNKNOWN.because("the parameter " + name + " is too long");
    }
    return value;
  }

  private static FullHttpResponse redirect(String location) {
    FullHttpResponse response =
        HttpResponses.bytes(HttpResponseStatus.FOUND, "text/plain", new byte[0]);
    response.headers().set(HttpHeaderNames.LOCATION, location);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return response;
  }

  private boolean secureCookies() {
    return "https".equalsIgnoreCase(publicUrl.get().getScheme());
  }
}
