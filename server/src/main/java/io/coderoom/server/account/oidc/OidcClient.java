package io.coderoom.server.account.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The relying party of the authorization code flow with PKCE: {@link #begin} sends a browser to the
 * provider, {@link #finish} turns the code it comes back with into the claims of a checked ID
 * token. Blocking (it talks to the provider): callers run off the event loop.
 */
public final class OidcClient {
  /** Sign-ins that may wait at the provider at once. */
  private static final int MAX_PENDING = 10_000;

  /** The least time between two reads of the provider's keys. */
  private static final Duration KEY_REFRESH_FLOOR = Duration.ofSeconds(30);

  private final OidcConfig config;
  private final Supplier<URI> redirectUri;
  private final ProviderHttp http;
  private final ProviderDiscovery discovery;
  private final PendingLogins pending;
  private final IdTokenVerifier verifier;
  private final ProviderKeys keys;
  private final Clock clock;

  /**
   * @param redirectUri {@code {public URL}/api/auth/oidc/callback}, registered at the provider
   */
  public OidcClient(OidcConfig config, URI redirectUri, Clock clock) {
    this(config, () -> redirectUri, clock, KEY_REFRESH_FLOOR);
  }

  /**
   * @param redirectUri the callback's address, known once the server has bound its port
   */
  public OidcClient(OidcConfig config, Supplier<URI> redirectUri, Clock clock) {
    this(config, redirectUri, clock, KEY_REFRESH_FLOOR);
  }

  OidcClient(OidcConfig config, URI redirectUri, Clock clock, Duration keyRefreshFloor) {
    this(config, () -> redirectUri, clock, keyRefreshFloor);
  }

  private OidcClient(
      OidcConfig config, Supplier<URI> redirectUri, Clock clock, Duration keyRefreshFloor) {
    if (!config.enabled()) {
      throw new IllegalArgumentException("OIDC sign-in is not configured");
    }
    this.config = config;
    this.redirectUri = redirectUri;
    this.http = new ProviderHttp();
    URI issuer = config.issuer().orElseThrow();
    this.discovery = new ProviderDiscovery(issuer, http, clock);
    this.pending = new PendingLogins(clock, MAX_PENDING);
    this.keys =
        new ProviderKeys(
            () -> {
              try {
                return discovery.metadata().jwksUri();
              } catch (SignInRefused e) {
                throw new IllegalStateException("the keys are read after discovery succeeded", e);
              }
            },
            http,
            clock,
            keyRefreshFloor);
    this.verifier = new IdTokenVerifier(issuer.toString(), config.clientId(), keys, clock);
    this.clock = clock;
  }

  /**
   * Where to send the browser, and the cookie binding this sign-in to it.
   *
   * @param location the provider's authorization URL with this sign-in's parameters
   * @param browserBinding the value of the binding cookie to set on the browser
   */
  public record Authorization(URI location, String browserBinding) {}

  /** Starts a sign-in, optionally from a one-time link (setup, invitation or recovery). */
  public Authorization begin(Optional<String> link) throws SignInRefused {
    ProviderMetadata provider = discovery.metadata();
    String binding = Pkce.randomToken();
    PendingLogin login =
        new PendingLogin(
            Pkce.randomToken(),
            Pkce.randomToken(),
            Pkce.generate(),
            PendingLogins.hash(binding),
            link,
            clock.instant());
    pending.add(login);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", config.clientId());
    parameters.put("redirect_uri", redirectUri.get().toString());
    parameters.put("scope", String.join(" ", config.scopes()));
    parameters.put("state", login.state());
    parameters.put("nonce", login.nonce());
    parameters.put("code_challenge", login.pkce().challenge());
    parameters.put("code_challenge_method", "S256");
    String endpoint = provider.authorizationEndpoint().toString();
    return new Authorization(
        URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(parameters)), binding);
  }

  /**
   * What a finished sign-in yields: the person, and the link it started from.
   *
   * @param claims the checked ID token's claims
   * @param link the one-time link the sign-in started from, if any
   */
  public record Finished(IdTokenClaims claims, Optional<String> link) {}

  /**
   * Ends a sign-in from the provider's redirect: takes the pending sign-in (once), checks it comes
   * back to the same browser, exchanges the code and checks the ID token.
   *
   * @param browserBinding the binding cookie the callback's request carried
   */
  public Finished finish(String code, String state, Optional<String> browserBinding)
      throws SignInRefused {
    PendingLogin login = pending.take(state, browserBinding);
    ProviderMetadata provider = discovery.metadata();
    String idToken = exchange(provider, code, login);
    return new Finished(verifier.verify(idToken, login.nonce()), login.link());
  }

  /** The sign-ins under way, for housekeeping and for tests. */
  public PendingLogins pending() {
    return pending;
  }

  public ProviderKeys keys() {
    return keys;
  }

  private String exchange(ProviderMetadata provider, String code, PendingLogin login)
      throws SignInRefused {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("grant_type", "authorization_code");
    parameters.put("code", code);
    parameters.put("redirect_uri", redirectUri.get().toString());
    parameters.put("code_verifier", login.pkce().verifier());
    String authorization = "";
    if (config.clientSecret().isPresent()) {
      // client_secret_basic, the method every provider supports (RFC 6749, section 2.3.1).
      String credentials =
          URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8)
              + ":"
              + URLEncoder.encode(config.clientSecret().get(), StandardCharsets.UTF_8);
      authorization =
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    } else {
      parameters.put("client_id", config.clientId());
    }
    ProviderHttp.Answer answer;
    try {
      answer = http.postForm(provider.tokenEndpoint(), form(parameters), authorization);
    } catch (IOException e) {
      throw SignInRefusal.PROVIDER_UNREACHABLE.because(
          "could not reach " + provider.tokenEndpoint() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SignInRefusal.PROVIDER_UNREACHABLE.because("interrupted during the code exchange");
    }
    JsonNode body = answer.body();
    if (answer.status() != 200) {
      throw SignInRefusal.PROVIDER_ERROR.because(
          "the token endpoint answered "
              + answer.status()
              + " "
              + body.path("error").asText("")
              + " "
              + body.path("error_description").asText(""));
    }
    JsonNode idToken = body.path("id_token");
    if (!idToken.isTextual()) {
      throw SignInRefusal.PROVIDER_ERROR.because(
          "the token endpoint's answer has no ID token (is the openid scope granted?)");
    }
    return idToken.asText();
  }

  static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
