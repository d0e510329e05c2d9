package io.coderoom.server.account.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.SessionCookie;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The passkey endpoints over HTTP against the real server and PostgreSQL, answered by a software
 * authenticator (real P-256 keys and signatures): one-time links claimed once, sessions, the audit
 * log, and every kind of bad answer refused with a 400 or 401 that says why.
 */
@ExtendWith(NettyLeakGuard.class)
class PasskeyApiIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Decoder B64 = Base64.getUrlDecoder();

  private static ServerConfig config;
  private static CoderoomServer server;
  private static Http http;
  private static RelyingParty rp;

  @BeforeAll
  static void start() throws InterruptedException {
    config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    http = new Http(server.baseUri());
    rp = RelyingParty.of(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSetupLinkRegistersAPasskeyThatSignsInAndBothAreAudited() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    String token = linkToken("{\"purpose\":\"setup\",\"teamName\":\"Passkey IT\"}");
    JsonNode options =
        post("/api/auth/passkey/register/options", json("linkToken", token, "name", "Ada"));
    JsonNode publicKey = options.path("publicKey");
    assertThat(publicKey.path("rp").path("id").asText()).isEqualTo(rp.id());
    assertThat(publicKey.path("user").path("name").asText()).isEqualTo("Ada");
    assertThat(publicKey.path("authenticatorSelection").path("userVerification").asText())
        .isEqualTo("required");

    HttpResponse<String> registered = register(authenticator, options, token);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    JsonNode body = Http.json(registered);
    assertThat(body.path("user").path("name").asText()).isEqualTo("Ada");
    assertThat(body.path("team").path("name").asText()).isEqualTo("Passkey IT");
    assertThat(body.path("team").path("role").asText()).isEqualTo("owner");
    String userId = body.path("user").path("id").asText();
    assertThat(session(cookie(registered))).isEqualTo(userId);

    HttpResponse<String> signedIn = signIn(authenticator);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(session(cookie(signedIn))).isEqualTo(userId);
    assertThat(audit("user:" + userId)).contains("passkey_registered", "signed_in");
    assertThat(signCount(authenticator)).isEqualTo(2);
  }

  @Test
  void aLinkIsClaimedOnceEvenByCeremoniesBegunTogether() throws Exception {
    String token = linkToken("{\"purpose\":\"setup\"}");
    JsonNode first =
        post("/api/auth/passkey/register/options", json("linkToken", token, "name", "One"));
    JsonNode second =
        post("/api/auth/passkey/register/options", json("linkToken", token, "name", "Two"));
    SoftwareAuthenticator winner = new SoftwareAuthenticator();
    SoftwareAuthenticator loser = new SoftwareAuthenticator();
    assertThat(register(winner, first, token).statusCode()).isEqualTo(200);

    HttpResponse<String> again = register(loser, second, token);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
    assertThat(Http.json(again).path("error").asText()).isEqualTo("link_invalid");
    assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
    // The claim rolled back with the link: no passkey and no person came of it.
    assertThat(signCount(loser)).isEqualTo(-1);
    assertThat(count("SELECT count(*) FROM users WHERE name = 'Two'")).isZero();

    // A ceremony begun for one link does not claim another.
    String other = linkToken("{\"purpose\":\"setup\"}");
    JsonNode forOther =
        post("/api/auth/passkey/register/options", json("linkToken", other, "name", "Four"));
    refused(register(new SoftwareAuthenticator(), forOther, token), 400, "passkey_mismatch");

    HttpResponse<String> options =
        http.post("/api/auth/passkey/register/options", json("linkToken", token, "name", "Three"));
    assertThat(options.statusCode()).isEqualTo(404);
    assertThat(Http.json(options).path("error").asText()).isEqualTo("link_invalid");
  }

  @Test
  void aRecoveryLinkAddsAPasskeyWithTheSameUserHandle() throws Exception {
    SoftwareAuthenticator lost = new SoftwareAuthenticator();
    String userId = newOwner(lost, "Grace");
    String token = linkToken("{\"purpose\":\"recovery\",\"user\":\"" + userId + "\"}");
    JsonNode options = post("/api/auth/passkey/register/options", json("linkToken", token));
    assertThat(options.path("publicKey").path("excludeCredentials").size()).isEqualTo(1);
    SoftwareAuthenticator fresh = new SoftwareAuthenticator();
    HttpResponse<String> registered = register(fresh, options, token);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    assertThat(Http.json(registered).path("user").path("id").asText()).isEqualTo(userId);
    assertThat(
            count(
                "SELECT count(DISTINCT user_handle) FROM passkeys WHERE user_id = '"
                    + userId
                    + "'"))
        .isEqualTo(1);
    assertThat(session(cookie(signIn(fresh)))).isEqualTo(userId);
    assertThat(session(cookie(signIn(lost)))).isEqualTo(userId);
  }

  @Test
  void aSignedInPersonAddsAPasskeyFromTheSiteOnly() throws Exception {
    SoftwareAuthenticator first = new SoftwareAuthenticator();
    String userId = newOwner(first, "Linus");
    String cookie = cookie(signIn(first));
    HttpResponse<String> crossSite =
        http.post(
            "/api/auth/passkey/register/options",
            "{}",
            "Cookie",
            cookie,
            "Origin",
            "https://evil.example.net");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    HttpResponse<String> noSession = http.post("/api/auth/passkey/register/options", "{}");
    assertThat(noSession.statusCode()).isEqualTo(401);

    HttpResponse<String> options =
        http.post(
            "/api/auth/passkey/register/options", "{}", "Cookie", cookie, "Origin", rp.origin());
    assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
    JsonNode publicKey = Http.json(options).path("publicKey");
    SoftwareAuthenticator second = new SoftwareAuthenticator();
    String credential =
        second.register(
            rp.id(),
            rp.origin(),
            bytes(publicKey.path("challenge")),
            bytes(publicKey.path("user").path("id")));
    ObjectNode body = JSON.createObjectNode();
    body.put("ceremonyId", Http.json(options).path("ceremonyId").asText());
    body.set("credential", JSON.readTree(credential));
    HttpResponse<String> added =
        http.post(
            "/api/auth/passkey/register", body.toString(), "Cookie", cookie, "Origin", rp.origin());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(session(cookie(signIn(second)))).isEqualTo(userId);
  }

  @Test
  void aReplayedAnswerIsRefusedAndTheFailureAudited() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    String userId = newOwner(authenticator, "Replay");
    JsonNode options = post("/api/auth/passkey/signin/options", "");
    String answer = answer(authenticator, options);
    assertThat(http.post("/api/auth/passkey/signin", answer).statusCode()).isEqualTo(200);
    HttpResponse<String> replayed = http.post("/api/auth/passkey/signin", answer);
    refused(replayed, 400, "ceremony_expired");
    assertThat(audit("anonymous")).contains("sign_in_failed");
    assertThat(
            count(
                "SELECT count(*) FROM passkey_ceremonies WHERE id = '"
                    + options.path("ceremonyId").asText()
                    + "'"))
        .isZero();
    assertThat(audit("user:" + userId)).contains("signed_in");
  }

  @Test
  void anAnswerToAnotherCeremonyOrFromAnotherSiteIsRefused() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    newOwner(authenticator, "Mismatch");
    JsonNode asked = post("/api/auth/passkey/signin/options", "");
    JsonNode other = post("/api/auth/passkey/signin/options", "");
    ObjectNode swapped = (ObjectNode) JSON.readTree(answer(authenticator, asked));
    swapped.put("ceremonyId", other.path("ceremonyId").asText());
    refused(http.post("/api/auth/passkey/signin", swapped.toString()), 400, "passkey_mismatch");

    JsonNode options = post("/api/auth/passkey/signin/options", "");
    String credential =
        authenticator.signIn(
            rp.id(),
            "https://evil.example.net",
            bytes(options.path("publicKey").path("challenge")));
    refused(
        http.post("/api/auth/passkey/signin", signInBody(options, credential)),
        400,
        "passkey_mismatch");
  }

  @Test
  void anUnknownPasskeyAForgedSignatureAndABackwardsCounterAreRefused() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    String userId = newOwner(authenticator, "Refusals");
    refused(signIn(new SoftwareAuthenticator()), 401, "passkey_unknown");
    refused(
        signIn(new SoftwareAuthenticator().impersonating(authenticator)), 401, "passkey_refused");
    assertThat(signIn(authenticator).statusCode()).isEqualTo(200);
    long stored = signCount(authenticator);
    authenticator.setCounter(stored - 2);
    refused(signIn(authenticator), 401, "passkey_cloned");
    assertThat(signCount(authenticator))
        .as("a refused sign-in leaves the counter")
        .isEqualTo(stored);
    assertThat(audit("user:" + userId)).contains("sign_in_failed");
  }

  @Test
  void malformedRequestsAreRefusedWithASentenceNeverA500() throws Exception {
    JsonNode options = post("/api/auth/passkey/signin/options", "");
    String ceremony = options.path("ceremonyId").asText();
    List<HttpResponse<String>> responses = new ArrayList<>();
    responses.add(http.post("/api/auth/passkey/signin", "not json"));
    responses.add(http.post("/api/auth/passkey/signin", "[]"));
    responses.add(http.post("/api/auth/passkey/signin", json("ceremonyId", ceremony)));
    responses.add(
        http.post(
            "/api/auth/passkey/signin",
            "{\"ceremonyId\":\"" + ceremony + "\",\"credential\":\"x\"}"));
    responses.add(
        http.post("/api/auth/passkey/signin", "{\"ceremonyId\":\"nope\",\"credential\":{}}"));
    responses.add(
        http.post("/api/auth/passkey/register", "{\"ceremonyId\":\"nope\",\"credential\":{}}"));
    responses.add(
        http.post(
            "/api/auth/passkey/register/options", json("linkToken", "crl_unknown", "name", "X")));
    responses.add(http.post("/api/auth/passkey/register/options", "{\"linkToken\":7}"));
    JsonNode fresh = post("/api/auth/passkey/signin/options", "");
    responses.add(
        http.post(
            "/api/auth/passkey/signin",
            "{\"ceremonyId\":\""
                + fresh.path("ceremonyId").asText()
                + "\",\"credential\":{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"!!\",\"authenticatorData\":\"AA\",\"signature\":\"AA\"}}}"));
    String token = linkToken("{\"purpose\":\"setup\"}");
    responses.add(http.post("/api/auth/passkey/register/options", json("linkToken", token)));
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 404);
      JsonNode error = Http.json(response);
      assertThat(error.path("error").asText()).isNotEmpty();
      assertThat(error.path("message").asText()).endsWith(".");
    }
    assertThat(responses.get(8).statusCode()).isEqualTo(400);
    assertThat(Http.json(responses.get(8)).path("error").asText()).isEqualTo("passkey_malformed");
  }

  @Test
  void aPasskeyOfSomeoneRemovedFromTheirTeamSignsNoOneIn() throws Exception {
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    String userId = newOwner(authenticator, "Removed");
    update("DELETE FROM team_members WHERE user_id = '" + userId + "'");
    long sessions = count("SELECT count(*) FROM sessions WHERE user_id = '" + userId + "'");
    refused(signIn(authenticator), 403, "forbidden");
    assertThat(count("SELECT count(*) FROM sessions WHERE user_id = '" + userId + "'"))
        .as("no session was started")
        .isEqualTo(sessions);
  }

  private static void update(String sql) throws Exception {
    try (Connection db = connect()) {
      db.createStatement().executeUpdate(sql);
    }
  }

  @Test
  void ceremoniesAreTakenOnceExpireAndAreCapped() throws Exception {
    Jdbi jdbi = Jdbi.create(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    // An hour ahead every ceremony of the other tests has expired, and is swept by the first begin.
    Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    PendingCeremonies capped = new PendingCeremonies(jdbi, Clock.fixed(later, ZoneOffset.UTC), 2);
    String first = begin(capped).orElseThrow();
    String second = begin(capped).orElseThrow();
    assertThat(begin(capped)).as("past the cap").isEmpty();

    assertThat(capped.take(first, PendingCeremonies.Kind.REGISTRATION))
        .as("another kind")
        .isEmpty();
    assertThat(capped.take(first, PendingCeremonies.Kind.AUTHENTICATION)).isPresent();
    assertThat(capped.take(first, PendingCeremonies.Kind.AUTHENTICATION)).as("once").isEmpty();
    assertThat(begin(capped)).as("taking one makes room").isPresent();

    PendingCeremonies afterTimeout =
        new PendingCeremonies(
            jdbi, Clock.fixed(later.plus(PasskeyOptions.TIMEOUT), ZoneOffset.UTC), 2);
    assertThat(afterTimeout.take(second, PendingCeremonies.Kind.AUTHENTICATION))
        .as("expired")
        .isEmpty();
    assertThat(begin(afterTimeout)).as("expired ones do not count").isPresent();
    assertThat(begin(afterTimeout)).isPresent();
  }

  private static Optional<String> begin(PendingCeremonies ceremonies) {
    return ceremonies.begin(
        PendingCeremonies.Kind.AUTHENTICATION,
        PendingCeremonies.newChallenge(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static String newOwner(SoftwareAuthenticator authenticator, String name)
      throws Exception {
    String token = linkToken("{\"purpose\":\"setup\"}");
    JsonNode options =
        post("/api/auth/passkey/register/options", json("linkToken", token, "name", name));
    HttpResponse<String> registered = register(authenticator, options, token);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    return Http.json(registered).path("user").path("id").asText();
  }

  private static HttpResponse<String> register(
      SoftwareAuthenticator authenticator, JsonNode options, String token) throws Exception {
    JsonNode publicKey = options.path("publicKey");
    String credential =
        authenticator.register(
            rp.id(),
            rp.origin(),
            bytes(publicKey.path("challenge")),
            bytes(publicKey.path("user").path("id")));
    ObjectNode body = JSON.createObjectNode();
    body.put("ceremonyId", options.path("ceremonyId").asText());
    body.set("credential", JSON.readTree(credential));
    body.put("linkToken", token);
    return http.post("/api/auth/passkey/register", body.toString());
  }

  private static HttpResponse<String> signIn(SoftwareAuthenticator authenticator) throws Exception {
    return http.post(
        "/api/auth/passkey/signin",
        answer(authenticator, post("/api/auth/passkey/signin/options", "")));
  }

  private static String answer(SoftwareAuthenticator authenticator, JsonNode options)
      throws Exception {
    JsonNode publicKey = options.path("publicKey");
    assertThat(publicKey.path("allowCredentials").size()).isZero();
    return signInBody(
        options, authenticator.signIn(rp.id(), rp.origin(), bytes(publicKey.path("challenge"))));
  }

  private static String signInBody(JsonNode options, String credential) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("ceremonyId", options.path("ceremonyId").asText());
    body.set("credential", JSON.readTree(credential));
    return body.toString();
  }

  private static void refused(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(Http.json(response).path("error").asText()).isEqualTo(code);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  private static String linkToken(String request) throws Exception {
    HttpResponse<String> response = http.post("/api/admin/links", request, "Authorization", KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String url = Http.json(response).path("url").asText();
    return URI.create(url).getFragment().substring("token=".length());
  }

  private static JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response = http.post(path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private static String json(String... pairs) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      node.put(pairs[i], pairs[i + 1]);
    }
    return node.toString();
  }

  private static byte[] bytes(JsonNode base64url) {
    return B64.decode(base64url.asText());
  }

  private static String cookie(HttpResponse<String> response) {
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(SessionCookie.NAME + "=")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Lax");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  /** The user id the session cookie signs in. */
  private static String session(String cookie) throws Exception {
    HttpResponse<String> response = http.get("/api/auth/session", "Cookie", cookie);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).path("user").path("id").asText();
  }

  /** The stored counter of the authenticator's passkey; -1 when it is not registered. */
  private static long signCount(SoftwareAuthenticator authenticator) throws Exception {
    try (Connection db = connect();
        PreparedStatement query =
            db.prepareStatement("SELECT sign_count FROM passkeys WHERE credential_id = ?")) {
      query.setBytes(1, authenticator.credentialId());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getLong(1) : -1;
      }
    }
  }

  private static List<String> audit(String actor) throws Exception {
    try (Connection db = connect();
        PreparedStatement query =
            db.prepareStatement("SELECT action FROM audit_log WHERE actor = ? ORDER BY id")) {
      query.setString(1, actor);
      List<String> actions = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          actions.add(rows.getString(1));
        }
      }
      return actions;
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection db = connect();
        ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(
        config.databaseUrl(), config.databaseUser(), config.databasePassword());
  }
}
