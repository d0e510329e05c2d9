package io.coderoom.server.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relying party against a small provider over real HTTP that signs what the test asks: every
 * check on state, browser, PKCE and the ID token, with the refusal each failure gets.
 */
class OidcClientTest {
  private static final URI CALLBACK = URI.create("http://127.0.0.1:9/api/auth/oidc/callback");
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalProvider provider;
  private OidcClient client;

  @BeforeEach
  void start() throws Exception {
    provider = LocalProvider.start();
    client = new OidcClient(provider.config(), CALLBACK, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  /** Where the provider sends the browser back: the callback's query. */
  private Map<String, String> authorize(OidcClient.Authorization authorization) throws Exception {
    HttpResponse<Void> answer =
        browser.send(
            HttpRequest.newBuilder(authorization.location()).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(answer.statusCode()).isEqualTo(302);
    return query(URI.create(answer.headers().firstValue("Location").orElseThrow()));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return values;
  }

  private OidcClient.Finished signIn() throws Exception {
    OidcClient.Authorization authorization = client.begin(Optional.empty());
    Map<String, String> back = authorize(authorization);
    return client.finish(
        back.get("code"), back.get("state"), Optional.of(authorization.browserBinding()));
  }

  private static void refused(ThrowingCallable call, SignInRefusal reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SignInRefused.class, refused -> assertThat(refused.reason()).isEqualTo(reason));
  }

  @Test
  void aSignInSendsPkceStateAndNonceAndEndsWithTheProvidersClaims() throws Exception {
    OidcClient.Authorization authorization = client.begin(Optional.of("link-token"));
    Map<String, String> request = query(authorization.location());
    assertThat(request)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", LocalProvider.CLIENT_ID)
        .containsEntry("redirect_uri", CALLBACK.toString())
        .containsEntry("scope", "openid email profile")
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("state", "nonce", "code_challenge");
    assertThat(request.get("state")).isNotEqualTo(request.get("nonce")).hasSizeGreaterThan(40);

    Map<String, String> back = authorize(authorization);
    OidcClient.Finished finished =
        client.finish(
            back.get("code"), back.get("state"), Optional.of(authorization.browserBinding()));
    assertThat(finished.link()).contains("link-token");
    assertThat(finished.claims().issuer()).isEqualTo(provider.issuer().toString());
    assertThat(finished.claims().subject()).startsWith("local-subject-");
    assertThat(finished.claims().verifiedEmail()).contains("local@example.test");
    assertThat(finished.claims().name()).contains("Local Person");
  }

  @Test
  void theChallengeIsTheVerifiersSha256() {
    // Computed apart from this code (Python's hashlib and base64).
    assertThat(Pkce.of("dBjftJeZ4CVP-mJ0kzHvcH8XWcDwfZGYLo0hBR6MSgo").challenge())
        .isEqualTo("EGbqqdeWgT16NcTFCSs7er87irqrKPRKtDwp35zrJWw");
    Pkce fresh = Pkce.generate();
    assertThat(fresh.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Pkce.generate().verifier()).isNotEqualTo(fresh.verifier());
  }

  @Test
  void aReplayedCallbackIsRefused() throws Exception {
    OidcClient.Authorization authorization = client.begin(Optional.empty());
    Map<String, String> back = authorize(authorization);
    Optional<String> binding = Optional.of(authorization.browserBinding());
    client.finish(back.get("code"), back.get("state"), binding);
    refused(
        () -> client.finish(back.get("code"), back.get("state"), binding),
        SignInRefusal.STATE_UNKNOWN);
    refused(() -> client.finish("code", "made-up-state", binding), SignInRefusal.STATE_UNKNOWN);
  }

  @Test
  void aSignInStartedInAnotherBrowserIsRefused() throws Exception {
    OidcClient.Authorization authorization = client.begin(Optional.empty());
    Map<String, String> back = authorize(authorization);
    refused(
        () -> client.finish(back.get("code"), back.get("state"), Optional.of("another-browser")),
        SignInRefusal.BROWSER_MISMATCH);

    OidcClient.Authorization second = client.begin(Optional.empty());
    Map<String, String> secondBack = authorize(second);
    refused(
        () -> client.finish(secondBack.get("code"), secondBack.get("state"), Optional.empty()),
        SignInRefusal.BROWSER_MISMATCH);
  }

  @Test
  void aCodeExchangedWithoutTheMatchingVerifierIsRefusedByTheProvider() throws Exception {
    OidcClient.Authorization first = client.begin(Optional.empty());
    OidcClient.Authorization second = client.begin(Optional.empty());
    Map<String, String> firstBack = authorize(first);
    Map<String, String> secondBack = authorize(second);
    // The first sign-in's code injected into the second (same browser): PKCE stops it.
    refused(
        () ->
            client.finish(
                firstBack.get("code"),
                secondBack.get("state"),
                Optional.of(second.browserBinding())),
        SignInRefusal.PROVIDER_ERROR);
  }

  @Test
  void aTokenForAnotherClientIsRefused() throws Exception {
    provider.tamper(c -> c.audience("another-application"));
    refused(this::signIn, SignInRefusal.WRONG_AUDIENCE);
  }

  @Test
  void aTokenForSeveralAudiencesNeedsThisClientAsAuthorizedParty() throws Exception {
    provider.tamper(c -> c.audience(List.of(LocalProvider.CLIENT_ID, "another-application")));
    refused(this::signIn, SignInRefusal.WRONG_AUDIENCE);
    provider.tamper(
        c ->
            c.audience(List.of(LocalProvider.CLIENT_ID, "another-application"))
                .claim("azp", "another-application"));
    refused(this::signIn, SignInRefusal.WRONG_AUDIENCE);
    provider.tamper(
        c ->
            c.audience(List.of(LocalProvider.CLIENT_ID, "another-application"))
                .claim("azp", LocalProvider.CLIENT_ID));
    assertThat(signIn().claims().subject()).startsWith("local-subject-");
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheClockSkew() throws Exception {
    Instant now = Instant.now();
    provider.tamper(
        c ->
            c.issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(2)))));
    refused(this::signIn, SignInRefusal.TOKEN_EXPIRED);
    // Thirty seconds late is within the skew a provider's clock may have.
    provider.tamper(c -> c.expirationTime(Date.from(now.minus(Duration.ofSeconds(30)))));
    assertThat(signIn().claims().subject()).startsWith("local-subject-");
    provider.tamper(c -> c.issueTime(Date.from(now.plus(Duration.ofMinutes(5)))));
    refused(this::signIn, SignInRefusal.TOKEN_EXPIRED);
  }

  @Test
  void aTokenWithAnotherSignInsNonceIsRefused() throws Exception {
    provider.tamper(c -> c.claim("nonce", "another-sign-in"));
    refused(this::signIn, SignInRefusal.NONCE_MISMATCH);
    provider.tamper(c -> c.claim("nonce", null));
    refused(this::signIn, SignInRefusal.NONCE_MISMATCH);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws Exception {
    provider.tamper(c -> c.issuer("https://elsewhere.example"));
    refused(this::signIn, SignInRefusal.WRONG_ISSUER);
  }

  @Test
  void aTokenNotSignedByThePublishedKeyIsRefused() throws Exception {
    provider.signWithUnpublishedKey();
    refused(this::signIn, SignInRefusal.BAD_SIGNATURE);
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    JWTClaimsSet claims = provider.claims("n").build();
    String unsigned =
        Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims.toString()) + ".";
    IdTokenVerifier verifier =
        new IdTokenVerifier(
            provider.issuer().toString(),
            LocalProvider.CLIENT_ID,
            new ProviderKeys(
                () -> URI.create(provider.issuer() + "/jwks"),
                new ProviderHttp(),
                Clock.systemUTC(),
                Duration.ZERO),
            Clock.systemUTC());
    refused(() -> verifier.verify(unsigned, "n"), SignInRefusal.BAD_SIGNATURE);
  }

  @Test
  void aRotatedKeyIsFetchedWhenATokenNamesIt() throws Exception {
    assertThat(signIn().claims().subject()).startsWith("local-subject-");
    int readsBefore = provider.keyReads();
    provider.rotate("k2", false);
    client = new OidcClient(provider.config(), CALLBACK, Clock.systemUTC(), Duration.ZERO);
    assertThat(signIn().claims().subject()).startsWith("local-subject-");
    provider.rotate("k3", false);
    assertThat(signIn().claims().subject()).startsWith("local-subject-");
    assertThat(provider.keyReads()).isEqualTo(readsBefore + 2);
  }

  @Test
  void unknownKeyIdsReadTheKeySetAtMostOncePerFloor() throws Exception {
    client = new OidcClient(provider.config(), CALLBACK, Clock.systemUTC(), Duration.ofHours(1));
    assertThat(signIn().claims().subject()).startsWith("local-subject-");
    int reads = provider.keyReads();
    provider.rotate("k-new", false);
    // The first token with an unknown key id finds it only if the floor allows a read: it does
    // not, since the set was read moments ago; later ones do not read either.
    for (int i = 0; i < 5; i++) {
      refused(this::signIn, SignInRefusal.BAD_SIGNATURE);
    }
    assertThat(provider.keyReads()).isEqualTo(reads);
  }
}
