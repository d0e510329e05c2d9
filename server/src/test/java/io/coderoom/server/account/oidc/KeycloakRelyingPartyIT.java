package io.coderoom.server.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.keycloak.KeycloakServer;
import io.coderoom.server.keycloak.LoginForm;
import io.coderoom.server.keycloak.RealKeycloak;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relying party against a real Keycloak and its real login form: the code flow yields the
 * person's claims, and Keycloak's own tokens are refused when meant for another client, expired,
 * replayed or carrying another sign-in's nonce.
 */
@ExtendWith(RealKeycloak.class)
class KeycloakRelyingPartyIT {
  private static final URI CALLBACK = URI.create("http://127.0.0.1:9/api/auth/oidc/callback");

  private KeycloakServer keycloak;
  private OidcClient client;

  @BeforeEach
  void configure(KeycloakServer keycloak) {
    this.keycloak = keycloak;
    this.client =
        new OidcClient(
            config(KeycloakServer.CLIENT_ID, KeycloakServer.CLIENT_SECRET),
            CALLBACK,
            Clock.systemUTC());
  }

  private OidcConfig config(String clientId, String secret) {
    return new OidcConfig(
        Optional.of(keycloak.issuer()),
        clientId,
        Optional.of(secret),
        "Keycloak",
        List.of("openid", "email", "profile"),
        OidcConfig.AutoJoin.OFF,
        Set.of());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void refused(ThrowingCallable call, SignInRefusal reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SignInRefused.class, refused -> assertThat(refused.reason()).isEqualTo(reason));
  }

  @Test
  void theCodeFlowThroughKeycloaksLoginFormYieldsThePerson() throws Exception {
    OidcClient.Authorization authorization = client.begin(Optional.empty());
    URI back = new LoginForm().signIn(authorization.location(), KeycloakServer.ALEX);
    assertThat(back.toString()).startsWith(CALLBACK.toString());
    Map<String, String> callback = query(back);

    OidcClient.Finished finished =
        client.finish(
            callback.get("code"),
            callback.get("state"),
            Optional.of(authorization.browserBinding()));
    assertThat(finished.claims().issuer()).isEqualTo(keycloak.issuer().toString());
    assertThat(finished.claims().subject()).isNotBlank();
    assertThat(finished.claims().verifiedEmail()).contains(KeycloakServer.ALEX.email());
    assertThat(finished.claims().name()).contains(KeycloakServer.ALEX.name());

    // The same callback again: the state is spent.
    refused(
        () ->
            client.finish(
                callback.get("code"),
                callback.get("state"),
                Optional.of(authorization.browserBinding())),
        SignInRefusal.STATE_UNKNOWN);
  }

  @Test
  void anIdTokenCarryingAnotherSignInsNonceIsRefused() throws Exception {
    OidcClient.Authorization authorization = client.begin(Optional.empty());
    String state = query(authorization.location()).get("state");
    // The server expects another nonce than the one Keycloak will put in the token, as when a
    // provider's answer belongs to another sign-in.
    PendingLogin pending = client.pending().peek(state).orElseThrow();
    client.pending().replace(pending.withNonce("another-sign-ins-nonce"));
    Map<String, String> callback =
        query(new LoginForm().signIn(authorization.location(), KeycloakServer.BLAIR));
    refused(
        () ->
            client.finish(callback.get("code"), state, Optional.of(authorization.browserBinding())),
        SignInRefusal.NONCE_MISMATCH);
  }

  /** A real ID token Keycloak signed for the other client of the realm (password grant). */
  private String otherClientsIdToken() throws Exception {
    ProviderHttp http = new ProviderHttp();
    String form =
        OidcClient.form(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                KeycloakServer.OTHER_CLIENT_ID,
                "client_secret",
                KeycloakServer.OTHER_CLIENT_SECRET,
                "username",
                KeycloakServer.CASEY.username(),
                "password",
                KeycloakServer.CASEY.password(),
                "scope",
                "openid email"));
    ProviderHttp.Answer answer =
        http.postForm(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"), form, "");
    JsonNode idToken = answer.body().path("id_token");
    assertThat(idToken.isTextual()).as("Keycloak's answer: %s", answer.body()).isTrue();
    return idToken.asText();
  }

  private IdTokenVerifier verifier(String clientId, Clock clock) {
    ProviderHttp http = new ProviderHttp();
    return new IdTokenVerifier(
        keycloak.issuer().toString(),
        clientId,
        new ProviderKeys(
            () -> URI.create(keycloak.issuer() + "/protocol/openid-connect/certs"),
            http,
            clock,
            Duration.ofSeconds(30)),
        clock);
  }

  @Test
  void anIdTokenKeycloakIssuedToAnotherClientIsRefused() throws Exception {
    String token = otherClientsIdToken();
    refused(
        () -> verifier(KeycloakServer.CLIENT_ID, Clock.systemUTC()).verify(token, ""),
        SignInRefusal.WRONG_AUDIENCE);
  }

  @Test
  void anExpiredIdTokenFromKeycloakIsRefused() throws Exception {
    String token = otherClientsIdToken();
    // The realm's tokens live five minutes; ten minutes later this one is past its skew too.
    Clock later = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofMinutes(10));
    refused(
        () -> verifier(KeycloakServer.OTHER_CLIENT_ID, later).verify(token, ""),
        SignInRefusal.TOKEN_EXPIRED);
    // The same token now fails only on the nonce a code-flow sign-in would carry: the signature,
    // issuer, audience and times hold.
    refused(
        () -> verifier(KeycloakServer.OTHER_CLIENT_ID, Clock.systemUTC()).verify(token, "a-nonce"),
        SignInRefusal.NONCE_MISMATCH);
  }
}
