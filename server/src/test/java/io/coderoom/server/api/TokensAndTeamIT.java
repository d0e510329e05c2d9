package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.SecretTokens;
import io.coderoom.server.account.TeamRole;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.account.TestAccounts.Person;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-user API tokens and the team's management against the real server and PostgreSQL, from the
 * attacker's side too: a token acts only for its owner, in their team, within its scopes, and dies
 * at once when revoked or when its owner is removed; only owners and admins manage the team, and
 * only their own; cookie-carrying writes from another origin are refused. Every answer is checked
 * against the OpenAPI document.
 */
@ExtendWith(NettyLeakGuard.class)
class TokensAndTeamIT {
  private static final String ROOM = "{\"title\":\"Pairing\",\"language\":\"python\"}";
  private static final String BOTH =
      "{\"name\":\"ATS\",\"scopes\":[\"rooms:create\",\"reports:read\"]}";
  private static CoderoomServer server;
  private static TestAccounts accounts;
  private static SchemaCheckedHttp http;
  private static String origin;
  private static Jdbi jdbi;

  @BeforeAll
  static void start() throws InterruptedException {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    accounts = new TestAccounts();
    http = new SchemaCheckedHttp(server.baseUri());
    origin = server.baseUri().toString();
    jdbi = accounts.database().jdbi();
  }

  @AfterAll
  static void stop() {
    accounts.close();
    server.close();
  }

  @Test
  void aTokenIsShownOnceStoredHashedAndActsForItsOwnerInTheirTeam() throws Exception {
    Person ada = accounts.owner("Ada");
    JsonNode created = Http.json(expect(201, write("/api/tokens", BOTH, ada)));
    String token = created.path("token").asText();
    assertThat(token).startsWith("crt_").hasSizeGreaterThan(40);
    String id = created.path("id").asText();

    // Stored as its SHA-256 only: no column of the row holds the secret.
    Map<String, Object> row =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT * FROM api_tokens WHERE id = :id")
                    .bind("id", id)
                    .mapToMap()
                    .one());
    assertThat((byte[]) row.get("secret_hash")).isEqualTo(SecretTokens.hash(token));
    assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(token.substring(4)));
    // Listed without the secret (the schema allows no other field), never used yet.
    JsonNode listed = Http.json(expect(200, http.get("/api/tokens", "Cookie", ada.cookie())));
    assertThat(listed.path("tokens")).hasSize(1);
    assertThat(listed.path("tokens").get(0).path("id").asText()).isEqualTo(id);
    assertThat(listed.path("tokens").get(0).path("lastUsedAt").isNull()).isTrue();

    // It creates a room of Ada's team, made by Ada.
    JsonNode room = Http.json(expect(201, http.post("/api/rooms", ROOM, bearer(token))));
    String roomId = room.path("id").asText();
    Map<String, Object> owner =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT team_id, created_by FROM rooms WHERE id = :id")
                    .bind("id", roomId)
                    .mapToMap()
                    .one());
    assertThat(owner)
        .containsEntry("team_id", ada.team().teamId())
        .containsEntry("created_by", ada.user().id());
    // And reads its reports.
    expect(200, http.get("/api/rooms/" + roomId, bearer(token)));
    expect(200, http.get("/api/rooms/" + roomId + "/runs", bearer(token)));
    expect(200, http.get("/api/rooms/" + roomId + "/history", bearer(token)));
    JsonNode used = Http.json(http.get("/api/tokens", "Cookie", ada.cookie()));
    assertThat(used.path("tokens").get(0).path("lastUsedAt").isTextual()).isTrue();

    assertThat(audit(ada, "api_token_created"))
        .singleElement()
        .satisfies(
            entry -> assertThat(entry.get("detail").toString()).contains(id).doesNotContain(token));
  }

  @Test
  void aTokenActsOnlyWithinItsScopes() throws Exception {
    Person ada = accounts.owner("Ada");
    String creator = tokenOf(ada, "rooms:create");
    String reader = tokenOf(ada, "reports:read");
    HttpResponse<String> refused = expect(403, http.post("/api/rooms", ROOM, bearer(reader)));
    assertThat(Http.json(refused).path("message").asText()).contains("rooms:create");
    String roomId =
        Http.json(expect(201, http.post("/api/rooms", ROOM, bearer(creator)))).path("id").asText();
    for (String path : List.of("", "/runs", "/history")) {
      HttpResponse<String> read =
          expect(403, http.get("/api/rooms/" + roomId + path, bearer(creator)));
      assertThat(Http.json(read).path("error").asText()).isEqualTo("insufficient_scope");
      expect(200, http.get("/api/rooms/" + roomId + path, bearer(reader)));
    }
  }

  @Test
  void anotherTeamsTokenFindsNoRoomOfOurs() throws Exception {
    Person ada = accounts.owner("Ada");
    Person mallory = accounts.owner("Mallory");
    String roomId =
        Http.json(expect(201, http.post("/api/rooms", ROOM, bearer(tokenOf(ada, "rooms:create")))))
            .path("id")
            .asText();
    String theirs = tokenOf(mallory, "reports:read");
    expect(404, http.get("/api/rooms/" + roomId, bearer(theirs)));
    expect(404, http.get("/api/rooms/" + roomId + "/runs", bearer(theirs)));
    expect(404, http.get("/api/rooms/" + roomId + "/history", bearer(theirs)));
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndOnlyItsOwnerRevokesIt() throws Exception {
    Person ada = accounts.owner("Ada");
    Person colleague = accounts.member(ada, "Linus", TeamRole.ADMIN);
    JsonNode created = Http.json(expect(201, write("/api/tokens", BOTH, ada)));
    String token = created.path("token").asText();
    String id = created.path("id").asText();
    expect(201, http.post("/api/rooms", ROOM, bearer(token)));

    // Not even an admin of the same team revokes someone else's token.
    expect(404, write("/api/tokens/" + id + "/revoke", "{}", colleague));
    expect(201, http.post("/api/rooms", ROOM, bearer(token)));

    expect(200, write("/api/tokens/" + id + "/revoke", "{}", ada));
    HttpResponse<String> after = expect(401, http.post("/api/rooms", ROOM, bearer(token)));
    assertThat(Http.json(after).path("error").asText()).isEqualTo("unauthorized");
    expect(401, http.get("/api/rooms/r0/runs", bearer(token)));
    assertThat(Http.json(http.get("/api/tokens", "Cookie", ada.cookie())).path("tokens")).isEmpty();
    expect(404, write("/api/tokens/" + id + "/revoke", "{}", ada));
    assertThat(audit(ada, "api_token_revoked"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.get("detail").toString()).contains(id));
  }

  @Test
  void aTokenCannotManageTokensOrTheTeam() throws Exception {
    Person ada = accounts.owner("Ada");
    String token = tokenOf(ada, "rooms:create", "reports:read");
    assertThat(
            Http.json(expect(403, http.get("/api/tokens", bearer(token)))).path("error").asText())
        .isEqualTo("session_required");
    expect(403, http.post("/api/tokens", BOTH, bearer(token)));
    expect(403, http.get("/api/team", bearer(token)));
    expect(403, http.post("/api/team/invitations", "{\"role\":\"admin\"}", bearer(token)));
    expect(401, http.get("/api/tokens"));
    expect(401, http.get("/api/team"));
  }

  @Test
  void badTokenRequestsAreRefusedClearly() throws Exception {
    Person ada = accounts.owner("Ada");
    expect(400, write("/api/tokens", "{\"name\":\"x\",\"scopes\":[]}", ada));
    expect(400, write("/api/tokens", "{\"name\":\"x\",\"scopes\":[\"rooms:delete\"]}", ada));
    expect(400, write("/api/tokens", "{\"scopes\":[\"reports:read\"]}", ada));
    expect(400, write("/api/tokens", "{\"name\":\"x\",\"scopes\":\"reports:read\"}", ada));
    assertThat(Http.json(http.get("/api/tokens", "Cookie", ada.cookie())).path("tokens")).isEmpty();
  }

  @Test
  void aCrossOriginWriteWithTheCookieIsRefused() throws Exception {
    Person ada = accounts.owner("Ada");
    String evil = "http://127.0.0.2:" + server.address().getPort();
    HttpResponse<String> token =
        expect(403, http.post("/api/tokens", BOTH, "Cookie", ada.cookie(), "Origin", evil));
    assertThat(Http.json(token).path("error").asText()).isEqualTo("cross_origin");
    expect(
        403,
        http.post(
            "/api/team/invitations",
            "{\"role\":\"admin\"}",
            "Cookie",
            ada.cookie(),
            "Origin",
            evil));
    Person linus = accounts.member(ada, "Linus", TeamRole.INTERVIEWER);
    expect(
        403,
        http.post(
            "/api/team/members/" + linus.user().id() + "/remove",
            "{}",
            "Cookie",
            ada.cookie(),
            "Origin",
            evil));
    // Nothing happened.
    assertThat(Http.json(http.get("/api/tokens", "Cookie", ada.cookie())).path("tokens")).isEmpty();
    assertThat(Http.json(http.get("/api/team", "Cookie", ada.cookie())).path("invitations"))
        .isEmpty();
    assertThat(Http.json(http.get("/api/team", "Cookie", ada.cookie())).path("members")).hasSize(2);
  }

  @Test
  void anAdminInvitesByOneTimeLinkAndRevokesTheInvitation() throws Exception {
    Person ada = accounts.owner("Ada");
    Person admin = accounts.member(ada, "Grace", TeamRole.ADMIN);
    JsonNode invited =
        Http.json(
            expect(
                201,
                write(
                    "/api/team/invitations",
                    "{\"role\":\"interviewer\",\"email\":\"lin@example.com\"}",
                    admin)));
    URI url = URI.create(invited.path("url").asText());
    assertThat(url.getPath()).isEqualTo("/account/link");
    String secret = url.getFragment().substring("token=".length());
    JsonNode inspected =
        Http.json(
            expect(200, http.post("/api/auth/links/inspect", "{\"token\":\"" + secret + "\"}")));
    assertThat(inspected.path("purpose").asText()).isEqualTo("invitation");
    assertThat(inspected.path("role").asText()).isEqualTo("interviewer");
    assertThat(inspected.path("teamName").asText()).isEqualTo("Ada's team");

    JsonNode team = Http.json(expect(200, http.get("/api/team", "Cookie", ada.cookie())));
    assertThat(team.path("members")).hasSize(2);
    assertThat(team.path("invitations")).hasSize(1);
    String id = team.path("invitations").get(0).path("id").asText();
    assertThat(id).isEqualTo(invited.path("id").asText());
    // The invitation's secret is nowhere in the listing.
    assertThat(team.toString()).doesNotContain(secret);

    expect(200, write("/api/team/invitations/" + id + "/revoke", "{}", ada));
    expect(404, http.post("/api/auth/links/inspect", "{\"token\":\"" + secret + "\"}"));
    assertThat(Http.json(http.get("/api/team", "Cookie", ada.cookie())).path("invitations"))
        .isEmpty();
    expect(404, write("/api/team/invitations/" + id + "/revoke", "{}", ada));
    assertThat(audit(ada, "invitation_issued"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.get("actor")).isEqualTo("user:" + admin.user().id()));
    assertThat(audit(ada, "invitation_revoked")).hasSize(1);
    // No one invites an owner: owners are made by promotion.
    expect(403, write("/api/team/invitations", "{\"role\":\"owner\"}", ada));
    expect(400, write("/api/team/invitations", "{\"role\":\"boss\"}", ada));
  }

  @Test
  void anInterviewerCannotInviteRemoveOrChangeRoles() throws Exception {
    Person ada = accounts.owner("Ada");
    Person interviewer = accounts.member(ada, "Ken", TeamRole.INTERVIEWER);
    Person other = accounts.member(ada, "Barbara", TeamRole.INTERVIEWER);
    expect(201, write("/api/team/invitations", "{\"role\":\"interviewer\"}", ada));
    JsonNode seen = Http.json(expect(200, http.get("/api/team", "Cookie", interviewer.cookie())));
    assertThat(seen.path("members")).hasSize(3);
    assertThat(seen.path("invitations")).isEmpty();
    expect(403, write("/api/team/invitations", "{\"role\":\"interviewer\"}", interviewer));
    expect(403, write("/api/team/members/" + other.user().id() + "/remove", "{}", interviewer));
    expect(
        403,
        write(
            "/api/team/members/" + interviewer.user().id() + "/role",
            "{\"role\":\"admin\"}",
            interviewer));
    String invitation =
        Http.json(http.get("/api/team", "Cookie", ada.cookie()))
            .path("invitations")
            .get(0)
            .path("id")
            .asText();
    expect(403, write("/api/team/invitations/" + invitation + "/revoke", "{}", interviewer));
    assertThat(Http.json(http.get("/api/team", "Cookie", ada.cookie())).path("members")).hasSize(3);
    assertThat(audit(ada, "member_removed")).isEmpty();
  }

  @Test
  void anotherTeamsAdminCannotTouchOurMembers() throws Exception {
    Person ada = accounts.owner("Ada");
    Person linus = accounts.member(ada, "Linus", TeamRole.INTERVIEWER);
    String invitation =
        Http.json(write("/api/team/invitations", "{\"role\":\"interviewer\"}", ada))
            .path("id")
            .asText();
    Person mallory = accounts.owner("Mallory");
    expect(404, write("/api/team/members/" + linus.user().id() + "/remove", "{}", mallory));
    expect(
        404,
        write("/api/team/members/" + linus.user().id() + "/role", "{\"role\":\"owner\"}", mallory));
    expect(404, write("/api/team/members/" + ada.user().id() + "/remove", "{}", mallory));
    expect(404, write("/api/team/invitations/" + invitation + "/revoke", "{}", mallory));
    assertThat(Http.json(http.get("/api/team", "Cookie", ada.cookie())).path("members")).hasSize(2);
    assertThat(Http.json(http.get("/api/team", "Cookie", ada.cookie())).path("invitations"))
        .hasSize(1);
    expect(200, http.get("/api/auth/session", "Cookie", linus.cookie()));
  }

  @Test
  void aRemovedMembersSessionsAndTokensStopAtOnce() throws Exception {
    Person ada = accounts.owner("Ada");
    Person admin = accounts.member(ada, "Grace", TeamRole.ADMIN);
    Person linus = accounts.member(ada, "Linus", TeamRole.INTERVIEWER);
    String laptop = accounts.anotherSession(linus);
    String token = tokenOf(linus, "rooms:create");
    expect(201, http.post("/api/rooms", ROOM, bearer(token)));

    JsonNode removed =
        Http.json(
            expect(200, write("/api/team/members/" + linus.user().id() + "/remove", "{}", admin)));
    assertThat(removed.path("removed").asBoolean()).isTrue();
    expect(401, http.get("/api/auth/session", "Cookie", linus.cookie()));
    expect(401, http.get("/api/auth/session", "Cookie", laptop));
    expect(401, http.post("/api/rooms", ROOM, bearer(token)));
    int live =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM api_tokens WHERE user_id = :u AND revoked_at IS NULL")
                    .bind("u", linus.user().id())
                    .mapTo(Integer.class)
                    .one());
    assertThat(live).isZero();
    assertThat(audit(ada, "member_removed"))
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.get("detail").toString())
                    .contains(linus.user().id(), "\"sessionsEnded\": 2", "\"tokensRevoked\": 1"));
    expect(404, write("/api/team/members/" + linus.user().id() + "/remove", "{}", admin));
  }

  @Test
  void theTeamAlwaysKeepsAnOwner() throws Exception {
    Person ada = accounts.owner("Ada");
    Person admin = accounts.member(ada, "Grace", TeamRole.ADMIN);
    assertThat(
            Http.json(
                    expect(
                        409, write("/api/team/members/" + ada.user().id() + "/remove", "{}", ada)))
                .path("error")
                .asText())
        .isEqualTo("last_owner");
    expect(
        409, write("/api/team/members/" + ada.user().id() + "/role", "{\"role\":\"admin\"}", ada));
    // An admin neither removes nor makes owners.
    expect(403, write("/api/team/members/" + ada.user().id() + "/remove", "{}", admin));
    expect(
        403,
        write("/api/team/members/" + admin.user().id() + "/role", "{\"role\":\"owner\"}", admin));

    expect(
        200,
        write("/api/team/members/" + admin.user().id() + "/role", "{\"role\":\"owner\"}", ada));
    assertThat(
            Http.json(http.get("/api/auth/session", "Cookie", admin.cookie()))
                .path("team")
                .path("role")
                .asText())
        .isEqualTo("owner");
    // With a second owner, the first may step down.
    expect(
        200,
        write("/api/team/members/" + ada.user().id() + "/role", "{\"role\":\"interviewer\"}", ada));
    assertThat(audit(ada, "member_role_changed"))
        .hasSize(2)
        .anySatisfy(
            entry -> assertThat(entry.get("detail").toString()).contains("\"to\": \"owner\""));
  }

  // ---- helpers

  private static HttpResponse<String> write(String path, String json, Person as) throws Exception {
    return http.post(path, json, "Cookie", as.cookie(), "Origin", origin);
  }

  private static String tokenOf(Person owner, String... scopes) throws Exception {
    String body =
        "{\"name\":\"integration\",\"scopes\":["
            + String.join(",", java.util.Arrays.stream(scopes).map(s -> "\"" + s + "\"").toList())
            + "]}";
    return Http.json(expect(201, write("/api/tokens", body, owner))).path("token").asText();
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  /** The account audit entries of the person's team with this action. */
  private static List<Map<String, Object>> audit(Person of, String action) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT actor, action, detail::text AS detail FROM audit_log"
                        + " WHERE team_id = :teamId AND action = :action ORDER BY id")
                .bind("teamId", of.team().teamId())
                .bind("action", action)
                .mapToMap()
                .list());
  }
}
