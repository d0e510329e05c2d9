package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TeamRole;
import io.coderoom.server.account.TestAccounts;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Room management from the dashboard against the real server and PostgreSQL: creating with a plan,
 * listing, editing before the start, re-issuing the candidate link, deleting to a tombstone, a
 * member entering, the room password and the candidate's consent; and what another team's member, a
 * candidate's link and a signed-out caller cannot do.
 */
@ExtendWith(NettyLeakGuard.class)
class RoomManagementIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String API_KEY = "Bearer " + TestServers.API_KEY;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
  private static CoderoomServer server;
  private static TestAccounts accounts;
  private static Jdbi db;
  private static String origin;

  @BeforeAll
  static void start() throws InterruptedException {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    accounts = new TestAccounts();
    db = accounts.database().jdbi();
    origin = server.baseUri().toString().replaceFirst("/$", "");
  }

  @AfterAll
  static void stop() {
    accounts.close();
    server.close();
  }

  /** A request as a signed-in browser sends it: the session cookie and the page's origin. */
  private static HttpResponse<String> as(
      TestAccounts.Person person, String method, String path, String body) throws Exception {
    return send(method, path, body, "Cookie", person.cookie(), "Origin", origin);
  }

  private static HttpResponse<String> send(
      String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    // Every answer keeps the OpenAPI document's promise, refusals included.
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    assertThat(DOCUMENT.check(method, bare, response.statusCode(), response.body()))
        .as("%s %s answered %s: %s", method, path, response.statusCode(), response.body())
        .isEmpty();
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** One value of a query against the test database. */
  private static <T> T query(Class<T> type, String sql, Object... args) {
    return db.withHandle(h -> h.select(sql, args).mapTo(type).one());
  }

  private static String token(String url) {
    return url.substring(url.indexOf("#token=") + "#token=".length());
  }

  private static JsonNode create(TestAccounts.Person person, String body) throws Exception {
    HttpResponse<String> created = as(person, "POST", "/api/rooms", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created);
  }

  private static List<String> listed(TestAccounts.Person person, String query) throws Exception {
    HttpResponse<String> list = as(person, "GET", "/api/rooms" + query, null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(list).path("rooms").forEach(room -> ids.add(room.path("id").asText()));
    return ids;
  }

  private static JsonNode listing(TestAccounts.Person person, String roomId) throws Exception {
    for (JsonNode room : json(as(person, "GET", "/api/rooms?limit=200", null)).path("rooms")) {
      if (room.path("id").asText().equals(roomId)) {
        return room;
      }
    }
    throw new AssertionError("room " + roomId + " is not listed");
  }

  /** A control socket, remembering how it closed. */
  private static final class Socket implements WebSocket.Listener {
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final CompletableFuture<Void> spoke = new CompletableFuture<>();
    WebSocket socket;

    static Socket open(String roomId, String token) throws Exception {
      Socket listener = new Socket();
      listener.socket =
          CLIENT
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(
                      server.baseUri().toString().replaceFirst("^http", "ws")
                          + "/ws/rooms/"
                          + roomId
                          + "/control?token="
                          + token),
                  listener)
              .get(10, TimeUnit.SECONDS);
      return listener;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      spoke.complete(null);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }

  @Test
  void anInterviewIsPlannedListedEditedReissuedEndedAndErased() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    TestAccounts.Person grace = accounts.member(ada, "Grace", TeamRole.INTERVIEWER);
    Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    JsonNode room =
        create(
            ada,
            "{\"title\":\"Backend loop\",\"language\":\"python\",\"problemId\":\"two-sum\","
                + "\"scheduledAt\":\""
                + at
                + "\",\"durationMinutes\":45,\"candidateName\":\"Linus Candidate\","
                + "\"candidateEmail\":\"linus@example.com\"}");
    String id = room.path("id").asText();
    // The candidate link lasts until the scheduled end plus the margin, and the answer says so.
    Instant until = at.plus(Duration.ofMinutes(45)).plus(Duration.ofHours(2));
    assertThat(room.path("candidateLink").path("basis").asText()).isEqualTo("schedule");
    assertThat(Instant.parse(room.path("candidateLink").path("validUntil").asText()))
        .isEqualTo(until);
    assertThat(Instant.parse(room.path("links").path("candidate").path("expiresAt").asText()))
        .isEqualTo(until);
    assertThat(room.path("candidateName").asText()).isEqualTo("Linus Candidate");

    // Listed for the team, with the creator as interviewer; Grace sees it, not as hers.
    JsonNode listed = listing(ada, id);
    assertThat(listed.path("status").asText()).isEqualTo("upcoming");
    assertThat(listed.path("interviewer").path("name").asText()).isEqualTo("Ada");
    assertThat(listed.path("mine").asBoolean()).isTrue();
    assertThat(listed.path("outcome").isNull()).isTrue();
    assertThat(listing(grace, id).path("mine").asBoolean()).isFalse();
    assertThat(listed(grace, "?q=linus")).contains(id);
    assertThat(listed(grace, "?q=nobody-by-this-name")).doesNotContain(id);
    assertThat(listed(grace, "?interviewer=me")).doesNotContain(id);
    assertThat(listed(ada, "?interviewer=me&status=upcoming&language=python")).contains(id);
    assertThat(listed(ada, "?language=go")).doesNotContain(id);
    assertThat(listed(ada, "?status=past")).doesNotContain(id);
    // A pattern character is text, not a wildcard.
    assertThat(listed(ada, "?q=%25")).doesNotContain(id);

    // Edited before the start, by any member of the team.
    HttpResponse<String> edited =
        as(
            grace,
            "PATCH",
            "/api/rooms/" + id,
            "{\"title\":\"Backend loop 2\",\"durationMinutes\":60}");
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(json(edited).path("title").asText()).isEqualTo("Backend loop 2");
    assertThat(json(edited).path("durationMinutes").asInt()).isEqualTo(60);
    assertThat(json(edited).path("candidateName").asText()).isEqualTo("Linus Candidate");

    // The candidate joins: the interview is live, and can no longer be edited.
    String oldCandidate = token(room.path("links").path("candidate").path("url").asText());
    Socket candidate = Socket.open(id, oldCandidate);
    candidate.spoke.get(10, TimeUnit.SECONDS);
    JsonNode live = listing(ada, id);
    assertThat(live.path("status").asText()).isEqualTo("live");
    assertThat(live.path("startedAt").isNull()).isFalse();
    assertThat(live.path("connected").toString()).contains("candidate");
    HttpResponse<String> late = as(ada, "PATCH", "/api/rooms/" + id, "{\"title\":\"Too late\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(json(late).path("error").asText()).isEqualTo("room_started");

    // Re-issued: the old link dies and its open socket closes; the new one opens the room.
    HttpResponse<String> reissued = as(ada, "POST", "/api/rooms/" + id + "/candidate-link", "{}");
    assertThat(reissued.statusCode()).as(reissued.body()).isEqualTo(201);
    assertThat(json(reissued).path("revoked").asInt()).isEqualTo(1);
    assertThat(candidate.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4401);
    HttpResponse<String> old =
        send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + oldCandidate);
    assertThat(json(old).path("error").asText()).isEqualTo("token_revoked");
    String fresh = token(json(reissued).path("link").path("url").asText());
    assertThat(
            send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + fresh).statusCode())
        .isEqualTo(200);

    // Ended: listed under past, without a submission.
    assertThat(as(ada, "POST", "/api/rooms/" + id + "/end", "{}").statusCode()).isEqualTo(200);
    JsonNode past = listing(ada, id);
    assertThat(past.path("status").asText()).isEqualTo("past");
    assertThat(listed(ada, "?status=past")).contains(id);

    // Some of everything a room stores, so its erasure can be seen.
    db.useHandle(
        h -> {
          h.execute(
              "INSERT INTO document_snapshots (room_id, doc, upto_seq, state) VALUES (?, 'code', 1,"
                  + " '\\x00')",
              id);
          h.execute(
              "INSERT INTO runs (id, room_id, requested_by, role, language, mode, code, tests)"
                  + " VALUES (?, ?, 'x', 'candidate', 'python', 'test', 'print(1)',"
                  + " '{\"passed\":2,\"total\":3}')",
              id + "-run",
              id);
        });
    assertThat(listing(ada, id).path("outcome").path("passed").asInt()).isEqualTo(2);

    HttpResponse<String> deleted = as(grace, "DELETE", "/api/rooms/" + id, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    for (String table :
        List.of(
            "rooms WHERE id = ?",
            "room_tokens WHERE room_id = ?",
            "audit_log WHERE room_id = ?",
            "document_updates WHERE room_id = ?",
            "document_snapshots WHERE room_id = ?",
            "runs WHERE room_id = ?",
            "room_consents WHERE room_id = ?")) {
      assertThat(query(Integer.class, "SELECT count(*) FROM " + table, id)).as(table).isZero();
    }
    // Nothing about the candidate is left anywhere in the database's text.
    assertThat(
            query(
                Integer.class,
                "SELECT count(*) FROM audit_log WHERE detail::text LIKE '%linus%'"
                    + " OR detail::text LIKE '%Linus%'"))
        .isZero();
    // A tombstone says when and by whom; the account's audit log has the deletion.
    assertThat(query(String.class, "SELECT deleted_by FROM room_tombstones WHERE room_id = ?", id))
        .isEqualTo("user:" + grace.user().id());
    assertThat(
            query(
                Integer.class,
                "SELECT count(*) FROM audit_log WHERE action = 'room_deleted'"
                    + " AND room_id IS NULL AND detail->>'roomId' = ? AND team_id = ?",
                id,
                ada.team().teamId()))
        .isEqualTo(1);
    assertThat(listed(ada, "")).doesNotContain(id);
    assertThat(as(ada, "DELETE", "/api/rooms/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherTeamALinkAndTheSignedOutCannotManage() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    TestAccounts.Person mallory = accounts.owner("Mallory");
    JsonNode room =
        create(ada, "{\"title\":\"Secret\",\"language\":\"python\",\"candidateName\":\"Zed\"}");
    String id = room.path("id").asText();
    String candidate = token(room.path("links").path("candidate").path("url").asText());
    String interviewerLink = token(room.path("links").path("interviewer").path("url").asText());

    assertThat(listed(mallory, "?q=Zed")).doesNotContain(id);
    assertThat(listed(mallory, "")).doesNotContain(id);
    // Another team's member learns nothing: as if there were no such room.
    assertThat(as(mallory, "PATCH", "/api/rooms/" + id, "{\"title\":\"Mine\"}").statusCode())
        .isEqualTo(404);
    assertThat(as(mallory, "POST", "/api/rooms/" + id + "/candidate-link", "{}").statusCode())
        .isEqualTo(404);
    assertThat(as(mallory, "POST", "/api/rooms/" + id + "/enter", "{}").statusCode())
        .isEqualTo(404);
    assertThat(as(mallory, "DELETE", "/api/rooms/" + id, null).statusCode()).isEqualTo(404);
    assertThat(
            as(mallory, "POST", "/api/rooms/" + id + "/links", "{\"role\":\"candidate\"}")
                .statusCode())
        .isEqualTo(404);
    // A candidate's link, or even an interviewer's link, manages nothing from the dashboard.
    for (String link : List.of(candidate, interviewerLink)) {
      assertThat(
              send(
                      "PATCH",
                      "/api/rooms/" + id,
                      "{\"title\":\"x\"}",
                      "Authorization",
                      "Bearer " + link)
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              send("DELETE", "/api/rooms/" + id, null, "Authorization", "Bearer " + link)
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              send(
                      "POST",
                      "/api/rooms/" + id + "/candidate-link",
                      "{}",
                      "Authorization",
                      "Bearer " + link)
                  .statusCode())
          .isEqualTo(403);
      assertThat(send("GET", "/api/rooms", null, "Authorization", "Bearer " + link).statusCode())
          .isEqualTo(401);
    }
    // Signed out: nothing.
    assertThat(send("GET", "/api/rooms", null).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "/api/rooms/" + id, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/api/rooms/" + id + "/enter", "{}").statusCode()).isEqualTo(401);
    // A cookie from another site's page is refused before anything happens.
    assertThat(
            send(
                    "DELETE",
                    "/api/rooms/" + id,
                    null,
                    "Cookie",
                    ada.cookie(),
                    "Origin",
                    "http://evil.example")
                .statusCode())
        .isEqualTo(403);
    assertThat(query(String.class, "SELECT title FROM rooms WHERE id = ?", id)).isEqualTo("Secret");
    // The API key (automation) manages any room.
    assertThat(
            send(
                    "PATCH",
                    "/api/rooms/" + id,
                    "{\"title\":\"By automation\"}",
                    "Authorization",
                    API_KEY)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aMemberEntersWithAnInterviewerLinkOfTheirOwn() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    TestAccounts.Person grace = accounts.member(ada, "Grace Hopper", TeamRole.INTERVIEWER);
    String id = create(ada, "{\"title\":\"Pairing\",\"language\":\"go\"}").path("id").asText();
    HttpResponse<String> entered = as(grace, "POST", "/api/rooms/" + id + "/enter", "{}");
    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
    assertThat(json(entered).path("role").asText()).isEqualTo("interviewer");
    assertThat(json(entered).path("name").asText()).isEqualTo("Grace Hopper");
    String token = token(json(entered).path("url").asText());
    assertThat(
            send(
                    "POST",
                    "/api/rooms/" + id + "/links",
                    "{\"role\":\"observer\"}",
                    "Authorization",
                    "Bearer " + token)
                .statusCode())
        .isEqualTo(201);
    // The session alone also issues links (the dashboard's Copy) and ends the room.
    HttpResponse<String> copied =
        as(grace, "POST", "/api/rooms/" + id + "/links", "{\"role\":\"candidate\"}");
    assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
    assertThat(json(copied).path("url").asText()).contains("#token=");
  }

  @Test
  void aRoomPasswordIsGivenOnceThenTheLinkOpensTheRoom() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    JsonNode room =
        create(
            ada,
            "{\"title\":\"Locked\",\"language\":\"python\",\"password\":\"open sesame\","
                + "\"candidateLinkHours\":5}");
    String id = room.path("id").asText();
    assertThat(room.path("hasPassword").asBoolean()).isTrue();
    assertThat(room.toString()).doesNotContain("open sesame");
    // The chosen validity: 5 hours from the issue.
    JsonNode candidateLink = room.path("links").path("candidate");
    assertThat(
            Duration.between(
                Instant.parse(candidateLink.path("issuedAt").asText()),
                Instant.parse(candidateLink.path("expiresAt").asText())))
        .isEqualTo(Duration.ofHours(5));
    String stored = query(String.class, "SELECT password_hash FROM rooms WHERE id = ?", id);
    assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("open sesame");

    String candidate = token(candidateLink.path("url").asText());
    HttpResponse<String> locked =
        send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + candidate);
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(json(locked).path("error").asText()).isEqualTo("password_required");
    assertThat(Socket.open(id, candidate).closed.get(10, TimeUnit.SECONDS)).isEqualTo(4401);
    assertThat(query(Boolean.class, "SELECT started_at IS NULL FROM rooms WHERE id = ?", id))
        .as("a refused candidate does not start the interview")
        .isTrue();

    HttpResponse<String> wrong =
        send(
            "POST",
            "/api/rooms/" + id + "/password",
            "{\"password\":\"open sesam\"}",
            "Authorization",
            "Bearer " + candidate);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong).path("error").asText()).isEqualTo("password_wrong");
    HttpResponse<String> right =
        send(
            "POST",
            "/api/rooms/" + id + "/password",
            "{\"password\":\"open sesame\"}",
            "Authorization",
            "Bearer " + candidate);
    assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
    String proved = token(json(right).path("url").asText());
    assertThat(
            send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + proved).statusCode())
        .isEqualTo(200);
    Socket joined = Socket.open(id, proved);
    joined.spoke.get(10, TimeUnit.SECONDS);
    // Interviewers never give it.
    String interviewer = token(room.path("links").path("interviewer").path("url").asText());
    assertThat(
            send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + interviewer)
                .statusCode())
        .isEqualTo(200);
    joined.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);

    // Re-issuing the candidate link revokes the link exchanged for the password too.
    assertThat(as(ada, "POST", "/api/rooms/" + id + "/candidate-link", "{}").statusCode())
        .isEqualTo(201);
    assertThat(
            json(send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + proved))
                .path("error")
                .asText())
        .isEqualTo("token_revoked");
  }

  @Test
  void aChangedPasswordAsksAgain() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    JsonNode room =
        create(ada, "{\"title\":\"Locked\",\"language\":\"python\",\"password\":\"one\"}");
    String id = room.path("id").asText();
    String observer = token(room.path("links").path("observer").path("url").asText());
    String proved =
        token(
            json(send(
                    "POST",
                    "/api/rooms/" + id + "/password",
                    "{\"password\":\"one\"}",
                    "Authorization",
                    "Bearer " + observer))
                .path("url")
                .asText());
    assertThat(
            send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + proved).statusCode())
        .isEqualTo(200);
    assertThat(as(ada, "PATCH", "/api/rooms/" + id, "{\"password\":\"two\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            json(send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + proved))
                .path("error")
                .asText())
        .isEqualTo("password_required");
    assertThat(as(ada, "PATCH", "/api/rooms/" + id, "{\"password\":null}").statusCode())
        .isEqualTo(200);
    assertThat(
            send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + observer)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aCandidateReadsTheNoticeAndConsentsOncePerLink() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    JsonNode room = create(ada, "{\"title\":\"Notice\",\"language\":\"python\"}");
    String id = room.path("id").asText();
    String candidate = token(room.path("links").path("candidate").path("url").asText());
    JsonNode notice =
        json(send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + candidate))
            .path("notice");
    assertThat(notice.path("recorded").asBoolean()).isTrue();
    assertThat(notice.path("retentionDays").asInt())
        .isEqualTo((int) TestServers.config().retention().toDays());
    assertThat(notice.path("consentedAt").isNull()).isTrue();

    HttpResponse<String> consent =
        send("POST", "/api/rooms/" + id + "/consent", "{}", "Authorization", "Bearer " + candidate);
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
    String at = json(consent).path("consentedAt").asText();
    assertThat(
            json(send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + candidate))
                .path("notice")
                .path("consentedAt")
                .asText())
        .isEqualTo(at);
    // Asked again, the first consent stands; the audit log has it once.
    send("POST", "/api/rooms/" + id + "/consent", "{}", "Authorization", "Bearer " + candidate);
    assertThat(
            query(
                Integer.class,
                "SELECT count(*) FROM audit_log WHERE room_id = ? AND action = 'consented'",
                id))
        .isEqualTo(1);
    // Only a candidate's link consents; staff get no notice.
    String observer = token(room.path("links").path("observer").path("url").asText());
    assertThat(
            send(
                    "POST",
                    "/api/rooms/" + id + "/consent",
                    "{}",
                    "Authorization",
                    "Bearer " + observer)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            json(send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + observer))
                .has("notice"))
        .isFalse();
    // A fresh candidate link asks again.
    String second =
        token(
            json(as(ada, "POST", "/api/rooms/" + id + "/links", "{\"role\":\"candidate\"}"))
                .path("url")
                .asText());
    assertThat(
            json(send("GET", "/api/rooms/" + id, null, "Authorization", "Bearer " + second))
                .path("notice")
                .path("consentedAt")
                .isNull())
        .isTrue();
  }

  @Test
  void badPlansAreRefusedWithTheFieldNamed() throws Exception {
    TestAccounts.Person ada = accounts.owner("Ada");
    for (String body :
        List.of(
            "{\"title\":\"x\",\"language\":\"python\",\"scheduledAt\":\"tomorrow\"}",
            "{\"title\":\"x\",\"language\":\"python\",\"durationMinutes\":0}",
            "{\"title\":\"x\",\"language\":\"python\",\"candidateEmail\":\"not-an-email\"}",
            "{\"title\":\"x\",\"language\":\"python\",\"candidateLinkHours\":100000}",
            "{\"title\":\"x\",\"language\":\"python\",\"password\":\"\"}")) {
      HttpResponse<String> refused = as(ada, "POST", "/api/rooms", body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(json(refused).path("error").asText()).isEqualTo("invalid_field");
    }
    HttpResponse<String> badCursor = as(ada, "GET", "/api/rooms?cursor=zzz", null);
    assertThat(badCursor.statusCode()).isEqualTo(400);
  }
}
