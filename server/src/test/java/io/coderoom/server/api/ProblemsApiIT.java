package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.account.TestAccounts.Person;
import io.coderoom.server.problem.LibraryEntry;
import io.coderoom.server.problem.ProblemFolder;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.ProblemReader;
import io.coderoom.server.problem.TestProblems;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/problems} and {@code /api/problems/{id}} against a real server and PostgreSQL:
 * who sees which problems and which of their parts, the filters and pages, every answer checked
 * against the OpenAPI document; and a room keeps the version of its problem after the problem
 * changes.
 */
@ExtendWith(NettyLeakGuard.class)
class ProblemsApiIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;
  private static final String SLUG =
      "api-it-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());

  private static CoderoomServer server;
  private static TestAccounts accounts;
  private static SchemaCheckedHttp http;
  private static ProblemLibrary library;
  private static String origin;
  private static Person ada;
  private static Person bob;
  private static LibraryEntry published;
  private static LibraryEntry draft;
  private static LibraryEntry othersProblem;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(TestServers.config(), InMemorySpanExporter.create());
    accounts = new TestAccounts();
    http = new SchemaCheckedHttp(server.baseUri());
    origin = server.baseUri().toString();
    library =
        new ProblemLibrary(
            accounts.database().jdbi(), new ProblemReader(Languages.builtIn()), Clock.systemUTC());
    ada = accounts.owner("Ada");
    bob = accounts.owner("Bob");
    published =
        library.createDraft(
            ada.team().teamId(), folder(SLUG + "-pub", "Quokka one", "hard"), "user:ada");
    library.recordValidation(published.id(), 1, true, Map.of());
    library.publish(published.id(), "user:ada");
    draft =
        library.createDraft(
            ada.team().teamId(), folder(SLUG + "-draft", "Quokka draft", "easy"), "user:ada");
    othersProblem =
        library.createDraft(
            bob.team().teamId(), folder(SLUG + "-bob", "Quokka bob", "easy"), "user:bob");
    library.recordValidation(othersProblem.id(), 1, true, Map.of());
    library.publish(othersProblem.id(), "user:bob");
  }

  @AfterAll
  static void stop() {
    accounts
        .database()
        .jdbi()
        .useHandle(h -> h.execute("DELETE FROM problems WHERE slug LIKE ?", SLUG + "%"));
    accounts.close();
    server.close();
  }

  private static ProblemFolder folder(String slug, String title, String difficulty) {
    return TestProblems.twoSumCopy(
        slug, "# " + title + "\n\nThe statement of " + title + ".", title, difficulty);
  }

  @Test
  void withoutCredentialsOnlyCuratedProblemsAreListedAndAteamsAreNotFound() throws Exception {
    JsonNode all = Http.json(expect(200, http.get("/api/problems?size=100")));

    assertThat(ids(all)).contains("two-sum", "reverse-words");
    assertThat(all.path("problems")).allMatch(p -> p.path("source").asText().equals("curated"));
    assertThat(all.path("total").asInt()).isEqualTo(all.path("problems").size());
    assertThat(all.path("page").asInt()).isEqualTo(1);
    assertThat(all.path("size").asInt()).isEqualTo(100);
    assertThat(ids(Http.json(expect(200, http.get("/api/problems?q=quokka"))))).isEmpty();
    expect(404, http.get("/api/problems/" + published.id()));
    expect(404, http.get("/api/problems/no-such-problem"));

    JsonNode twoSum = Http.json(expect(200, http.get("/api/problems/two-sum")));
    assertThat(twoSum.path("statementHtml").asText()).contains("<p>");
    assertThat(twoSum.has("editorial")).isFalse();
    assertThat(twoSum.has("hints")).isFalse();
    assertThat(twoSum.has("tests")).isFalse();
    assertThat(twoSum.path("examples").size()).isGreaterThanOrEqualTo(3);
    assertThat(twoSum.path("function").asText()).isEqualTo("twoSum");
  }

  @Test
  void aMemberSeesTheTeamsProblemsDraftsIncludedButNotAnotherTeams() throws Exception {
    JsonNode mine =
        Http.json(expect(200, http.get("/api/problems?q=Quokka", "Cookie", ada.cookie())));

    assertThat(ids(mine)).containsExactly(draft.id(), published.id());
    assertThat(mine.path("problems").get(0).path("status").asText()).isEqualTo("draft");
    assertThat(mine.path("problems").get(1).path("status").asText()).isEqualTo("published");
    assertThat(mine.path("problems").get(1).path("source").asText()).isEqualTo("team");
    assertThat(
            ids(Http.json(expect(200, http.get("/api/problems?q=quokka", "Cookie", bob.cookie())))))
        .containsExactly(othersProblem.id());

    JsonNode detail =
        Http.json(expect(200, http.get("/api/problems/" + draft.id(), "Cookie", ada.cookie())));
    assertThat(detail.path("tests").size()).isGreaterThanOrEqualTo(11);
    assertThat(detail.path("solutions").has("python")).isTrue();
    assertThat(detail.path("editorialHtml").asText()).isNotEmpty();
    assertThat(detail.path("hints").size()).isGreaterThan(0);
    expect(404, http.get("/api/problems/" + othersProblem.id(), "Cookie", ada.cookie()));
    expect(404, http.get("/api/problems/" + published.id() + "?version=2", "Cookie", ada.cookie()));
    expect(400, http.get("/api/problems/" + published.id() + "?version=x", "Cookie", ada.cookie()));
  }

  @Test
  void anInterviewersRoomLinkSeesTheTeamsPublishedProblemsAndACandidatesOnlyTheCurated()
      throws Exception {
    JsonNode room =
        Http.json(
            expect(
                201,
                http.post(
                    "/api/rooms",
                    "{\"title\":\"Library\",\"language\":\"python\"}",
                    "Cookie",
                    ada.cookie(),
                    "Origin",
                    origin)));
    String interviewer = "Bearer " + token(room, "interviewer");
    String candidate = "Bearer " + token(room, "candidate");

    assertThat(
            ids(
                Http.json(
                    expect(200, http.get("/api/problems?q=quokka", "Authorization", interviewer)))))
        .containsExactly(published.id());
    JsonNode detail =
        Http.json(
            expect(200, http.get("/api/problems/" + published.id(), "Authorization", interviewer)));
    assertThat(detail.has("editorial")).isTrue();
    assertThat(detail.has("tests")).as("tests are for the team's members").isFalse();
    expect(404, http.get("/api/problems/" + draft.id(), "Authorization", interviewer));

    assertThat(
            ids(
                Http.json(
                    expect(200, http.get("/api/problems?q=quokka", "Authorization", candidate)))))
        .isEmpty();
    JsonNode asCandidate =
        Http.json(expect(200, http.get("/api/problems/two-sum", "Authorization", candidate)));
    assertThat(asCandidate.has("editorial")).isFalse();
    expect(401, http.get("/api/problems", "Authorization", "Bearer not-a-token"));
    expect(200, http.get("/api/problems", "Authorization", KEY));
  }

  @Test
  void filtersAndPagesNarrowTheList() throws Exception {
    String cookie = ada.cookie();
    assertThat(
            ids(
                Http.json(
                    expect(
                        200,
                        http.get("/api/problems?q=quokka&difficulty=hard", "Cookie", cookie)))))
        .containsExactly(published.id());
    assertThat(
            ids(
                Http.json(
                    expect(
                        200, http.get("/api/problems?q=quokka&source=curated", "Cookie", cookie)))))
        .isEmpty();
    JsonNode hashMaps =
        Http.json(
            expect(
                200,
                http.get(
                    "/api/problems?category=hash-maps,strings&category=arrays&language=go&size=100")));
    assertThat(ids(hashMaps)).contains("two-sum");
    JsonNode noneInCategory =
        Http.json(expect(200, http.get("/api/problems?category=design&q=two%20sum")));
    assertThat(ids(noneInCategory)).isEmpty();

    JsonNode first =
        Http.json(expect(200, http.get("/api/problems?q=quokka&size=1", "Cookie", cookie)));
    JsonNode second =
        Http.json(expect(200, http.get("/api/problems?q=quokka&size=1&page=2", "Cookie", cookie)));
    assertThat(first.path("total").asInt()).isEqualTo(2);
    assertThat(ids(first)).containsExactly(draft.id());
    assertThat(ids(second)).containsExactly(published.id());

    expect(400, http.get("/api/problems?difficulty=brutal"));
    expect(400, http.get("/api/problems?category=poetry"));
    expect(400, http.get("/api/problems?language=cobol"));
    expect(400, http.get("/api/problems?source=elsewhere"));
    expect(400, http.get("/api/problems?size=101"));
    expect(400, http.get("/api/problems?page=0"));
  }

  @Test
  void aRoomKeepsTheVersionOfItsProblemAfterTheProblemChanges() throws Exception {
    String slug = SLUG + "-kept";
    LibraryEntry entry =
        library.createDraft(ada.team().teamId(), folder(slug, "Kept one", "medium"), "user:ada");
    library.recordValidation(entry.id(), 1, true, Map.of());
    library.publish(entry.id(), "user:ada");
    String create =
        "{\"title\":\"Kept\",\"language\":\"python\",\"problemId\":\"" + entry.id() + "\"}";
    JsonNode before =
        Http.json(
            expect(201, http.post("/api/rooms", create, "Cookie", ada.cookie(), "Origin", origin)));
    assertThat(before.path("problem").path("version").asInt()).isEqualTo(1);

    library.addVersion(entry.id(), folder(slug, "Kept two", "medium"), "user:ada");
    library.recordValidation(entry.id(), 2, true, Map.of());
    library.publish(entry.id(), "user:ada");

    JsonNode again =
        Http.json(
            expect(
                200, http.get("/api/rooms/" + before.path("id").asText(), "Cookie", ada.cookie())));
    assertThat(again.path("problem").path("version").asInt()).isEqualTo(1);
    assertThat(again.path("problem").path("title").asText()).isEqualTo("Kept one");
    JsonNode after =
        Http.json(
            expect(201, http.post("/api/rooms", create, "Cookie", ada.cookie(), "Origin", origin)));
    assertThat(after.path("problem").path("version").asInt()).isEqualTo(2);
    assertThat(after.path("problem").path("title").asText()).isEqualTo("Kept two");
    assertThat(after.path("problem").path("statementHtml").asText()).contains("Kept two");

    // Another team, and the API key (no team), cannot pick this team's problem.
    expect(400, http.post("/api/rooms", create, "Cookie", bob.cookie(), "Origin", origin));
    expect(400, http.post("/api/rooms", create, "Authorization", KEY));
  }

  private static String token(JsonNode room, String role) {
    return URI.create(room.path("links").path(role).path("url").asText())
        .getFragment()
        .substring("token=".length());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("problems").forEach(p -> ids.add(p.path("id").asText()));
    return ids;
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }
}
