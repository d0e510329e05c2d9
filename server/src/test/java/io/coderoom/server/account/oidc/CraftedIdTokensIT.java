package io.coderoom.server.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.keycloak.LoginForm;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ID tokens no real provider issues (for another client, expired, with another sign-in's nonce,
 * signed by a stranger) reach the real server's callback from a small provider that signs what the
 * test asks, and each ends on the sign-in page with its own code; and auto-join, which needs a
 * provider vouching for emails at a domain of the test's choosing.
 */
@ExtendWith(NettyLeakGuard.class)
class CraftedIdTokensIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalProvider provider;
  private static CoderoomServer server;
  private static TestAccounts accounts;

  @BeforeAll
  static void start() throws Exception {
    provider = LocalProvider.start();
    OidcConfig base = provider.config();
    OidcConfig oidc =
        new OidcConfig(
            base.issuer(),
            base.clientId(),
            base.clientSecret(),
            base.name(),
            base.scopes(),
            OidcConfig.AutoJoin.INTERVIEWER,
            Set.of("joins.example.test"));
    server =
        TestServers.start(
            TestServers.config().with(c -> c.accounts = c.accounts.withOidc(oidc)),
            InMemorySpanExporter.create());
    accounts = new TestAccounts();
    accounts.owner("First team owner");
  }

  @AfterAll
  static void stop() {
    accounts.close();
    server.close();
    provider.close();
  }

  /** Signs in as a new person at the provider, with the ID token changed as given. */
  private static String signIn(
      LoginForm browser, String email, UnaryOperator<JWTClaimsSet.Builder> tamper)
      throws Exception {
    provider.person("subject-" + UUID.randomUUID(), email);
    provider.tamper(tamper);
    URI authorize = SignInFlow.start(browser, server.baseUri(), Optional.empty());
    URI callback = LoginForm.location(browser.get(authorize));
    return SignInFlow.finish(browser, callback);
  }

  private static String signIn(UnaryOperator<JWTClaimsSet.Builder> tamper) throws Exception {
    return signIn(new LoginForm(), "someone@joins.example.test", tamper);
  }

  @Test
  void aTokenForAnotherClientIsRefused() throws Exception {
    assertThat(signIn(c -> c.audience("another-application")))
        .isEqualTo("/signin?error=wrong_audience");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Instant now = Instant.now();
    assertThat(
            signIn(
                c ->
                    c.issueTime(Date.from(now.minus(Duration.ofMinutes(30))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(20))))))
        .isEqualTo("/signin?error=token_expired");
  }

  @Test
  void aTokenWithAnotherSignInsNonceIsRefused() throws Exception {
    assertThat(signIn(c -> c.claim("nonce", "another-sign-in")))
        .isEqualTo("/signin?error=nonce_mismatch");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws Exception {
    assertThat(signIn(c -> c.issuer("https://elsewhere.example")))
        .isEqualTo("/signin?error=wrong_issuer");
  }

  @Test
  void aVerifiedEmailAtAnAllowedDomainJoinsTheFirstTeamAsInterviewer() throws Exception {
    LoginForm browser = new LoginForm();
    assertThat(signIn(browser, "new.person@joins.example.test", UnaryOperator.identity()))
        .isEqualTo("/dashboard");
    JsonNode session =
        JSON.readTree(browser.get(server.baseUri().resolve("/api/auth/session")).body());
    assertThat(session.path("user").path("email").asText())
        .isEqualTo("new.person@joins.example.test");
    assertThat(session.path("team").path("role").asText()).isEqualTo("interviewer");

    // Another domain does not join, nor does an unverified email at the allowed one.
    assertThat(signIn(new LoginForm(), "outsider@elsewhere.test", UnaryOperator.identity()))
        .isEqualTo("/signin?error=not_invited");
    assertThat(
            signIn(
                new LoginForm(),
                "unverified@joins.example.test",
                c -> c.claim("email_verified", false)))
        .isEqualTo("/signin?error=email_unverified");
  }
}
