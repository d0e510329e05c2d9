package io.coderoom.server.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.Accounts;
import io.coderoom.server.account.TeamRole;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.keycloak.KeycloakServer;
import io.coderoom.server.keycloak.LoginForm;
import io.coderoom.server.keycloak.RealKeycloak;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in with a real Keycloak into the real server and PostgreSQL, driven over HTTP through
 * Keycloak's login form: an invitation link makes the account, the provider's identity signs it in
 * again, a verified email finds an existing account, and everyone else is refused with a code the
 * sign-in page explains.
 */
@ExtendWith({RealKeycloak.class, NettyLeakGuard.class})
class KeycloakSignInIT {
  private static final String API_KEY = "Bearer " + TestServers.API_KEY;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CoderoomServer server;
  private static TestAccounts accounts;
  private static TestAccounts.Person owner;

  @BeforeAll
  static void start(KeycloakServer keycloak) throws InterruptedException {
    OidcConfig oidc =
        new OidcConfig(
            Optional.of(keycloak.issuer()),
            KeycloakServer.CLIENT_ID,
            Optional.of(KeycloakServer.CLIENT_SECRET),
            "Keycloak",
            List.of("openid", "email", "profile"),
            OidcConfig.AutoJoin.OFF,
            Set.of());
    server =
        TestServers.start(
            TestServers.config().with(c -> c.accounts = c.accounts.withOidc(oidc)),
            InMemorySpanExporter.create());
    accounts = new TestAccounts();
    owner = accounts.owner("Keycloak team owner");
  }

  @AfterAll
  static void stop() {
    accounts.close();
    server.close();
  }

  private static String invitation() throws Exception {
    HttpResponse<String> issued =
        new Http(server.baseUri())
            .post(
                "/api/admin/links",
                JSON.writeValueAsString(
                    java.util.Map.of("purpose", "invitation", "teamId", owner.team().teamId())),
                "Authorization",
                API_KEY);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String url = Http.json(issued).path("url").asText();
    return url.substring(url.indexOf("#token=") + "#token=".length());
  }

  private static JsonNode session(LoginForm browser) throws Exception {
    HttpResponse<String> answer = browser.get(server.baseUri().resolve("/api/auth/session"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static long audited(String action, String detailContains) {
    return accounts
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM audit_log WHERE action = :action"
                            + " AND detail::text LIKE :like")
                    .bind("action", action)
                    .bind("like", "%" + detailContains + "%")
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void optionsNameTheProvider() throws Exception {
    JsonNode options = Http.json(new Http(server.baseUri()).get("/api/auth/options"));
    assertThat(options.path("oidc").path("enabled").asBoolean()).isTrue();
    assertThat(options.path("oidc").path("name").asText()).isEqualTo("Keycloak");
  }

  @Test
  void anInvitationClaimedThroughKeycloakEndsInASessionAndTheIdentitySignsInAgain()
      throws Exception {
    LoginForm browser = new LoginForm();
    URI start = SignInFlow.start(browser, server.baseUri(), Optional.of(invitation()));
    assertThat(start.getPath()).endsWith("/protocol/openid-connect/auth");
    assertThat(browser.cookies().getCookieStore().getCookies())
        .anyMatch(c -> c.getName().equals(BindingCookie.NAME) && c.isHttpOnly());
    URI callback = browser.signIn(start, KeycloakServer.BLAIR);
    assertThat(callback.getPath()).isEqualTo("/api/auth/oidc/callback");
    assertThat(SignInFlow.finish(browser, callback)).isEqualTo("/dashboard");

    JsonNode session = session(browser);
    assertThat(session.path("user").path("name").asText()).isEqualTo(KeycloakServer.BLAIR.name());
    assertThat(session.path("user").path("email").asText()).isEqualTo(KeycloakServer.BLAIR.email());
    assertThat(session.path("team").path("id").asText()).isEqualTo(owner.team().teamId());
    assertThat(session.path("team").path("role").asText()).isEqualTo("interviewer");
    String userId = session.path("user").path("id").asText();
    assertThat(audited("signed_in", "link:invitation")).isGreaterThanOrEqualTo(1);

    // The same callback again (a replayed state) signs no one in.
    assertThat(SignInFlow.finish(browser, callback)).isEqualTo("/signin?error=state_unknown");

    // Later, from another browser and without a link, the identity finds the same account.
    LoginForm later = new LoginForm();
    URI again =
        SignInFlow.toCallback(later, server.baseUri(), Optional.empty(), KeycloakServer.BLAIR);
    assertThat(SignInFlow.finish(later, again)).isEqualTo("/dashboard");
    assertThat(session(later).path("user").path("id").asText()).isEqualTo(userId);
  }

  @Test
  void aFirstSignInWithoutALinkOrAccountIsRefused() throws Exception {
    long before = audited("sign_in_failed", "not_invited");
    LoginForm browser = new LoginForm();
    URI callback =
        SignInFlow.toCallback(browser, server.baseUri(), Optional.empty(), KeycloakServer.CASEY);
    assertThat(SignInFlow.finish(browser, callback)).isEqualTo("/signin?error=not_invited");
    assertThat(browser.get(server.baseUri().resolve("/api/auth/session")).statusCode())
        .isEqualTo(401);
    assertThat(audited("sign_in_failed", "not_invited")).isEqualTo(before + 1);
  }

  @Test
  void aVerifiedEmailFindsTheAccountThatHasIt() throws Exception {
    String userId =
        accounts
            .database()
            .jdbi()
            .inTransaction(
                h ->
                    new Accounts(h.getJdbi(), Clock.systemUTC())
                        .addMember(
                            h,
                            owner.team().teamId(),
                            "Erin from the team page",
                            Optional.of(KeycloakServer.ERIN.email()),
                            TeamRole.INTERVIEWER)
                        .id());
    LoginForm browser = new LoginForm();
    URI callback =
        SignInFlow.toCallback(browser, server.baseUri(), Optional.empty(), KeycloakServer.ERIN);
    assertThat(SignInFlow.finish(browser, callback)).isEqualTo("/dashboard");
    assertThat(session(browser).path("user").path("id").asText()).isEqualTo(userId);
  }

  @Test
  void anUnverifiedEmailFindsNoAccount() throws Exception {
    accounts
        .database()
        .jdbi()
        .useTransaction(
            h ->
                new Accounts(h.getJdbi(), Clock.systemUTC())
                    .addMember(
                        h,
                        owner.team().teamId(),
                        "Dana",
                        Optional.of(KeycloakServer.DANA.email()),
                        TeamRole.INTERVIEWER));
    LoginForm browser = new LoginForm();
    URI callback =
        SignInFlow.toCallback(browser, server.baseUri(), Optional.empty(), KeycloakServer.DANA);
    assertThat(SignInFlow.finish(browser, callback)).isEqualTo("/signin?error=email_unverified");
  }

  @Test
  void aSignInStartedInOneBrowserCannotBeFinishedInAnother() throws Exception {
    LoginForm attacker = new LoginForm();
    URI callback =
        SignInFlow.toCallback(
            attacker, server.baseUri(), Optional.of(invitation()), KeycloakServer.ALEX);
    // The attacker's callback URL opened by someone else's browser signs them in as no one.
    LoginForm victim = new LoginForm();
    assertThat(SignInFlow.finish(victim, callback)).isEqualTo("/signin?error=browser_mismatch");
    assertThat(victim.get(server.baseUri().resolve("/api/auth/session")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void anUnknownLinkIsRefusedBeforeTheProviderIsAsked() throws Exception {
    HttpResponse<String> start =
        new LoginForm().get(server.baseUri().resolve("/api/auth/oidc/start?link=no-such-link"));
    URI next = LoginForm.location(start);
    assertThat(next.getRawPath() + "?" + next.getRawQuery())
        .isEqualTo("/signin?error=link_invalid");
  }

  @Test
  void aLinkUsedWhileThePersonWasAtTheProviderIsRefusedAndLeavesNoAccount() throws Exception {
    String link = invitation();
    LoginForm first = new LoginForm();
    URI firstCallback =
        SignInFlow.toCallback(first, server.baseUri(), Optional.of(link), KeycloakServer.ALEX);
    LoginForm second = new LoginForm();
    URI secondCallback =
        SignInFlow.toCallback(second, server.baseUri(), Optional.of(link), KeycloakServer.JULES);
    // Jules comes back first and claims the invitation; Alex finds it spent.
    assertThat(SignInFlow.finish(second, secondCallback)).isEqualTo("/dashboard");
    assertThat(SignInFlow.finish(first, firstCallback)).isEqualTo("/signin?error=link_invalid");
    long accountsOfAlex =
        accounts
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM users WHERE lower(email) = :email")
                        .bind("email", KeycloakServer.ALEX.email())
                        .mapTo(Long.class)
                        .one());
    assertThat(accountsOfAlex).isZero();
  }
}
