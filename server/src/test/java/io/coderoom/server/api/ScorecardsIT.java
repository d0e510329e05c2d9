package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TeamRole;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.account.TestAccounts.Person;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interviewers' scorecards against the real server and PostgreSQL: one per interviewer (a link or a
 * signed-in member), submitted once, edited until the room is archived, also after the interview
 * ended; nobody else writes or reads them; a team's owners and admins set the criteria they rate.
 * Every answer is checked against the OpenAPI document.
 */
@ExtendWith(NettyLeakGuard.class)
class ScorecardsIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;
  private static final String DEFAULT_CARD =
      "{\"ratings\":[{\"criterion\":\"Problem solving\",\"rating\":3},"
          + "{\"criterion\":\"Code quality\",\"rating\":2},"
          + "{\"criterion\":\"Communication\",\"rating\":4},"
          + "{\"criterion\":\"Testing\",\"rating\":1}],"
          + "\"notes\":\"Clear thinking.\\nMissed the empty input.\",\"recommendation\":\"yes\"}";

  private static CoderoomServer server;
  private static TestAccounts accounts;
  private static SchemaCheckedHttp http;
  private static String origin;

  @BeforeAll
  static void start() throws InterruptedException {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    accounts = new TestAccounts();
    http = new SchemaCheckedHttp(server.baseUri());
    origin = server.baseUri().toString();
  }

  @AfterAll
  static void stop() {
    accounts.close();
    server.close();
  }

  @Test
  void anInterviewerSubmitsOnceAndEditsUntilTheRoomIsArchived() throws Exception {
    Room room = room();
    String scorecards = "/api/rooms/" + room.id() + "/scorecards";
    JsonNode form = Http.json(expect(200, http.get(scorecards, bearer(room.interviewer()))));
    assertThat(form.path("criteria").toString())
        .isEqualTo("[\"Problem solving\",\"Code quality\",\"Communication\",\"Testing\"]");
    assertThat(form.path("scale")).hasSize(4);
    assertThat(form.path("canWrite").asBoolean()).isTrue();
    assertThat(form.path("mine").isNull()).isTrue();

    // Editing before submitting finds nothing to edit.
    expectError(
        404, "not_found", http.put(scorecards + "/mine", DEFAULT_CARD, bearer(room.interviewer())));
    JsonNode submitted =
        Http.json(expect(201, http.post(scorecards, DEFAULT_CARD, bearer(room.interviewer()))));
    assertThat(submitted.path("author").asText()).startsWith("token:");
    assertThat(submitted.path("name").asText()).isEqualTo("Interviewer");
    assertThat(submitted.path("ratings").get(3).path("rating").asInt()).isEqualTo(1);
    assertThat(submitted.path("notes").asText()).contains("\n");
    // Submitted once: a second submission is refused, and nothing changed.
    expectError(
        409,
        "already_submitted",
        http.post(
            scorecards, DEFAULT_CARD.replace("\"yes\"", "\"no\""), bearer(room.interviewer())));
    JsonNode edited =
        Http.json(
            expect(
                200,
                http.put(
                    scorecards + "/mine",
                    DEFAULT_CARD.replace("\"yes\"", "\"strong_yes\""),
                    bearer(room.interviewer()))));
    assertThat(edited.path("recommendation").asText()).isEqualTo("strong_yes");
    assertThat(edited.path("submittedAt").asText())
        .isEqualTo(submitted.path("submittedAt").asText());

    // A second interviewer's link writes a scorecard of its own.
    String second = issue(room, "interviewer", "Grace");
    JsonNode theirs = Http.json(expect(201, http.post(scorecards, DEFAULT_CARD, bearer(second))));
    assertThat(theirs.path("name").asText()).isEqualTo("Grace");
    JsonNode listed = Http.json(expect(200, http.get(scorecards, bearer(second))));
    assertThat(listed.path("scorecards")).hasSize(2);
    assertThat(listed.path("mine").path("author").asText())
        .isEqualTo(theirs.path("author").asText());

    // Archiving waits for the end; after the end the interviewer's link still writes, until then.
    expectError(
        409,
        "room_open",
        http.post("/api/rooms/" + room.id() + "/archive", "{}", bearer(room.interviewer())));
    expect(200, http.post("/api/rooms/" + room.id() + "/end", "{}", "Authorization", KEY));
    expect(
        200,
        http.put(
            scorecards + "/mine",
            DEFAULT_CARD.replace("\"yes\"", "\"strong_no\""),
            bearer(room.interviewer())));
    JsonNode archived =
        Http.json(
            expect(
                200,
                http.post(
                    "/api/rooms/" + room.id() + "/archive", "{}", bearer(room.interviewer()))));
    assertThat(archived.path("archivedAt").isTextual()).isTrue();
    expectError(
        409, "archived", http.put(scorecards + "/mine", DEFAULT_CARD, bearer(room.interviewer())));
    // No new interviewer can join an ended room to write one.
    expectError(
        410,
        "room_ended",
        http.post(
            "/api/rooms/" + room.id() + "/links",
            "{\"role\":\"interviewer\"}",
            "Authorization",
            KEY));
    expectError(409, "archived", http.put(scorecards + "/mine", DEFAULT_CARD, bearer(second)));
    JsonNode after = Http.json(expect(200, http.get(scorecards, bearer(room.interviewer()))));
    assertThat(after.path("canWrite").asBoolean()).isFalse();
    assertThat(after.path("mine").path("recommendation").asText()).isEqualTo("strong_no");
  }

  @Test
  void onlyInterviewersInPersonWriteAndBadScorecardsAreRefused() throws Exception {
    Room room = room();
    String scorecards = "/api/rooms/" + room.id() + "/scorecards";
    for (String other : List.of(room.candidate(), room.observer())) {
      expectError(403, "forbidden", http.get(scorecards, bearer(other)));
      expectError(403, "forbidden", http.post(scorecards, DEFAULT_CARD, bearer(other)));
    }
    // The API key reads (an integration) and writes nothing: a scorecard is a person's.
    expect(200, http.get(scorecards, "Authorization", KEY));
    expectError(403, "forbidden", http.post(scorecards, DEFAULT_CARD, "Authorization", KEY));
    expectError(
        404, "room_not_found", http.get("/api/rooms/nope/scorecards", "Authorization", KEY));

    String[] as = bearer(room.interviewer());
    expectError(400, "invalid_field", http.post(scorecards, "{\"recommendation\":\"yes\"}", as));
    expectError(
        400,
        "invalid_field",
        http.post(scorecards, DEFAULT_CARD.replace("\"yes\"", "\"maybe\""), as));
    expectError(
        400,
        "invalid_field",
        http.post(scorecards, DEFAULT_CARD.replace("\"rating\":1", "\"rating\":5"), as));
    expectError(
        400,
        "invalid_field",
        http.post(scorecards, DEFAULT_CARD.replace("\"Testing\"", "\"Charisma\""), as));
    expectError(
        400,
        "invalid_field",
        http.post(scorecards, DEFAULT_CARD.replace("\"Testing\"", "\"Communication\""), as));
    expectError(400, "bad_json", http.post(scorecards, "[1]", as));
    // Nothing of those was stored.
    assertThat(Http.json(http.get(scorecards, as)).path("scorecards")).isEmpty();
    // After the end, candidates and observers have nothing here at all.
    expect(200, http.post("/api/rooms/" + room.id() + "/end", "{}", "Authorization", KEY));
    expectError(410, "room_ended", http.get(scorecards, bearer(room.candidate())));
    expectError(410, "room_ended", http.post(scorecards, DEFAULT_CARD, bearer(room.observer())));
    expect(201, http.post(scorecards, DEFAULT_CARD, as));
  }

  @Test
  void aTeamsOwnersSetTheCriteriaItsScorecardsRate() throws Exception {
    Person ada = accounts.owner("Ada");
    Person bob = accounts.member(ada, "Bob", TeamRole.INTERVIEWER);
    String path = "/api/team/scorecard-criteria";
    JsonNode defaults = Http.json(expect(200, http.get(path, "Cookie", bob.cookie())));
    assertThat(defaults.path("criteria")).hasSize(4);
    assertThat(defaults.path("canEdit").asBoolean()).isFalse();
    String mine = "{\"criteria\":[\"Algorithms\",\"Communication\"]}";
    expectError(403, "forbidden", http.put(path, mine, "Cookie", bob.cookie(), "Origin", origin));
    expectError(401, "signed_out", http.put(path, mine, "Origin", origin));
    for (String bad :
        List.of(
            "{\"criteria\":[]}",
            "{\"criteria\":[\"A\",\"a\"]}",
            "{\"criteria\":[\"" + "x".repeat(61) + "\"]}",
            "{\"criteria\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\"]}")) {
      expectError(
          400, "invalid_field", http.put(path, bad, "Cookie", ada.cookie(), "Origin", origin));
    }
    JsonNode set =
        Http.json(expect(200, http.put(path, mine, "Cookie", ada.cookie(), "Origin", origin)));
    assertThat(set.path("criteria").toString()).isEqualTo("[\"Algorithms\",\"Communication\"]");

    // A room of the team rates them; Bob, signed in, writes his scorecard as himself.
    String roomId =
        Http.json(
                expect(
                    201,
                    http.post(
                        "/api/rooms",
                        "{\"title\":\"Team room\",\"language\":\"python\"}",
                        "Cookie",
                        ada.cookie(),
                        "Origin",
                        origin)))
            .path("id")
            .asText();
    String scorecards = "/api/rooms/" + roomId + "/scorecards";
    assertThat(Http.json(http.get(scorecards, "Cookie", bob.cookie())).path("criteria")).hasSize(2);
    expectError(
        400,
        "invalid_field",
        http.post(scorecards, DEFAULT_CARD, "Cookie", bob.cookie(), "Origin", origin));
    String card =
        "{\"ratings\":[{\"criterion\":\"Communication\",\"rating\":4},"
            + "{\"criterion\":\"Algorithms\",\"rating\":2}],\"recommendation\":\"no\"}";
    JsonNode bobs =
        Http.json(
            expect(201, http.post(scorecards, card, "Cookie", bob.cookie(), "Origin", origin)));
    assertThat(bobs.path("author").asText()).isEqualTo("user:" + bob.user().id());
    assertThat(bobs.path("name").asText()).isEqualTo("Bob");
    // Stored in the team's order, whatever order they came in.
    assertThat(bobs.path("ratings").get(0).path("criterion").asText()).isEqualTo("Algorithms");
    // An API token reads scorecards (reports:read) but writes none.
    String token =
        Http.json(
                expect(
                    201,
                    http.post(
                        "/api/tokens",
                        "{\"name\":\"ats\",\"scopes\":[\"reports:read\"]}",
                        "Cookie",
                        ada.cookie(),
                        "Origin",
                        origin)))
            .path("token")
            .asText();
    assertThat(Http.json(expect(200, http.get(scorecards, bearer(token)))).path("scorecards"))
        .hasSize(1);
    expectError(403, "forbidden", http.post(scorecards, card, bearer(token)));

    // The team changes its criteria: Bob's scorecard keeps the ones it was written on.
    expect(
        200,
        http.put(path, "{\"criteria\":[\"Design\"]}", "Cookie", ada.cookie(), "Origin", origin));
    JsonNode later = Http.json(http.get(scorecards, "Cookie", bob.cookie()));
    assertThat(later.path("criteria").toString()).isEqualTo("[\"Design\"]");
    assertThat(later.path("mine").path("ratings")).hasSize(2);
  }

  private record Room(String id, String interviewer, String candidate, String observer) {}

  private static Room room() throws Exception {
    JsonNode room =
        Http.json(
            expect(
                201,
                http.post(
                    "/api/rooms",
                    "{\"title\":\"Scored\",\"language\":\"python\",\"problemId\":\"two-sum\"}",
                    "Authorization",
                    KEY)));
    JsonNode links = room.path("links");
    return new Room(
        room.path("id").asText(),
        token(links.path("interviewer").path("url")),
        token(links.path("candidate").path("url")),
        token(links.path("observer").path("url")));
  }

  private static String issue(Room room, String role, String name) throws Exception {
    JsonNode link =
        Http.json(
            expect(
                201,
                http.post(
                    "/api/rooms/" + room.id() + "/links",
                    "{\"role\":\"" + role + "\",\"name\":\"" + name + "\"}",
                    "Authorization",
                    KEY)));
    return token(link.path("url"));
  }

  static String token(JsonNode url) {
    return URI.create(url.asText()).getFragment().substring("token=".length());
  }

  static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  static void expectError(int status, String code, HttpResponse<String> response) throws Exception {
    expect(status, response);
    assertThat(Http.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    assertThat(Http.json(response).path("message").asText()).isNotBlank();
  }
}
