package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.PrivatePostgres;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.ServerWithAgent;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.account.TestAccounts.Person;
import io.coderoom.server.problem.ProblemArchive;
import io.coderoom.server.problem.ProblemFolder;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A team's own problems through the real server, PostgreSQL and a runner agent: a wrong test is
 * caught by Validate (which case, which language), the problem cannot be published until a
 * validation of its current version passes, another team cannot see or touch it, and an export
 * imported on a fresh database gives the same problems byte for byte.
 */
@ExtendWith(NettyLeakGuard.class)
class TeamProblemsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final ServerWithAgent stack = new ServerWithAgent("authoring-it");

  private static TestAccounts accounts;
  private static SchemaCheckedHttp http;
  private static String origin;

  @BeforeAll
  static void start() throws Exception {
    accounts = new TestAccounts();
    http = new SchemaCheckedHttp(stack.baseUri());
    origin = stack.baseUri().toString();
  }

  @AfterAll
  static void stop() {
    accounts.close();
  }

  /** Sum of Two in Python and JavaScript; the third public case expects 5 for 2 + 2. */
  static ObjectNode problem(int thirdExpected) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode meta = body.putObject("problem");
    meta.put("title", "Sum of Two");
    meta.put("difficulty", "easy");
    meta.putArray("categories").add("math");
    meta.put("timeEstimateMinutes", 10);
    meta.putArray("constraints").add("-1000 <= a, b <= 1000");
    meta.putArray("hints").add("Add them.");
    meta.put("followUp", "What if the numbers had a thousand digits?");
    meta.put("function", "addTwo");
    ArrayNode params = meta.putArray("params");
    params.addObject().put("name", "a").put("type", "int");
    params.addObject().put("name", "b").put("type", "int");
    meta.put("returns", "int");
    body.put("statement", "Return **a + b**.");
    body.put("editorial", "One addition. Complexity: O(1).");
    ArrayNode tests = body.putArray("tests");
    tests.add(testCase(1, 2, 3, false));
    tests.add(testCase(-4, 4, 0, false));
    tests.add(testCase(2, 2, thirdExpected, false));
    tests.add(testCase(1000, -1, 999, true));
    body.putObject("starter")
        .put("python", "def addTwo(a: int, b: int) -> int:\n    return 0\n")
        .put("javascript", "function addTwo(a, b) {\n  return 0;\n}\n");
    body.putObject("solutions")
        .put("python", "def addTwo(a: int, b: int) -> int:\n    return a + b\n")
        .put("javascript", "function addTwo(a, b) {\n  return a + b;\n}\n");
    return body;
  }

  private static ObjectNode testCase(int a, int b, int expected, boolean hidden) {
    ObjectNode c = JSON.createObjectNode();
    c.putArray("input").add(a).add(b);
    c.put("expected", expected);
    c.put("hidden", hidden);
    return c;
  }

  @Test
  void aWrongTestIsCaughtByValidateAndOnlyAPassingVersionIsPublished() throws Exception {
    Person ada = accounts.owner("Ada");
    JsonNode created =
        Http.json(expect(201, http.post("/api/problems", problem(5).toString(), as(ada))));
    String id = created.path("id").asText();
    assertThat(id).matches("team-[0-9a-f]{8}-sum-of-two");
    assertThat(created.path("status").asText()).isEqualTo("draft");
    assertThat(created.path("version").asInt()).isEqualTo(1);
    assertThat(created.path("validation").isNull()).isTrue();

    // Publishing before any validation is refused.
    JsonNode early = Http.json(expect(409, post("/api/problems/" + id + "/publish", ada)));
    assertThat(early.path("error").asText()).isEqualTo("not_validated");

    JsonNode failed =
        Http.json(expect(200, post("/api/problems/" + id + "/validate", ada))).path("validation");
    assertThat(failed.path("passed").asBoolean()).isFalse();
    assertThat(failed.path("version").asInt()).isEqualTo(1);
    for (String language : List.of("python", "javascript")) {
      JsonNode outcome = failed.path("languages").path(language);
      assertThat(outcome.path("passed").asBoolean()).as(language).isFalse();
      assertThat(outcome.path("total").asInt()).isEqualTo(4);
      assertThat(outcome.path("failed")).hasSize(1);
      JsonNode wrong = outcome.path("failed").get(0);
      assertThat(wrong.path("case").asInt()).isEqualTo(2);
      assertThat(wrong.path("expected").asText()).isEqualTo("5");
      assertThat(wrong.path("actual").asText()).isEqualTo("4");
    }
    expect(409, post("/api/problems/" + id + "/publish", ada));

    // The author reads the version back, fixes the case and saves: version 2, not yet validated.
    JsonNode source =
        Http.json(expect(200, http.get("/api/problems/" + id + "/source", "Cookie", ada.cookie())));
    assertThat(source.path("source").path("tests").get(2).path("expected").asInt()).isEqualTo(5);
    JsonNode saved =
        Http.json(expect(200, http.put("/api/problems/" + id, problem(4).toString(), as(ada))));
    assertThat(saved.path("version").asInt()).isEqualTo(2);
    assertThat(saved.path("validation").isNull()).isTrue();

    JsonNode passed =
        Http.json(expect(200, post("/api/problems/" + id + "/validate", ada))).path("validation");
    assertThat(passed.path("passed").asBoolean()).as(passed.toString()).isTrue();
    assertThat(passed.path("languages").path("python").path("failed")).isEmpty();
    JsonNode published = Http.json(expect(200, post("/api/problems/" + id + "/publish", ada)));
    assertThat(published.path("status").asText()).isEqualTo("published");
    assertThat(published.path("publishedVersion").asInt()).isEqualTo(2);

    // Another team sees nothing of it: every call answers as if it did not exist.
    Person bob = accounts.owner("Bob");
    expect(404, http.get("/api/problems/" + id + "/source", "Cookie", bob.cookie()));
    expect(404, http.put("/api/problems/" + id, problem(4).toString(), as(bob)));
    expect(404, post("/api/problems/" + id + "/validate", bob));
    expect(404, post("/api/problems/" + id + "/publish", bob));
  }

  @Test
  void aMalformedProblemIsRefusedNamingWhatIsWrong() throws Exception {
    Person ada = accounts.owner("Ada");
    ObjectNode body = problem(4);
    ((ObjectNode) body.path("problem")).put("difficulty", "trivial");
    JsonNode refused = Http.json(expect(400, http.post("/api/problems", body.toString(), as(ada))));
    assertThat(refused.path("error").asText()).isEqualTo("invalid_problem");
    assertThat(refused.path("message").asText()).contains("difficulty");
    ObjectNode noSolution = problem(4);
    ((ObjectNode) noSolution.path("solutions")).remove("javascript");
    JsonNode missing =
        Http.json(expect(400, http.post("/api/problems", noSolution.toString(), as(ada))));
    assertThat(missing.path("message").asText()).contains("reference solution");
    // Without a session there is no authoring at all.
    expect(401, http.post("/api/problems", problem(4).toString(), "Origin", origin));
  }

  @Test
  void anExportImportedOnAFreshDatabaseGivesTheSameProblems() throws Exception {
    Person ada = accounts.owner("Ada");
    expect(201, http.post("/api/problems", problem(4).toString(), as(ada)));
    ObjectNode second = problem(4);
    ((ObjectNode) second.path("problem")).put("title", "Sum of Two Again");
    expect(201, http.post("/api/problems", second.toString(), as(ada)));
    byte[] exported = export(stack.baseUri(), ada);
    List<ProblemFolder> folders = ProblemArchive.read(new ByteArrayInputStream(exported));
    assertThat(folders)
        .extracting(ProblemFolder::slug)
        .containsExactly("sum-of-two", "sum-of-two-again");

    try (PrivatePostgres postgres = PrivatePostgres.create()) {
      ServerConfig config =
          TestServers.config()
              .with(
                  c -> {
                    c.databaseUrl = postgres.jdbcUrl();
                    c.databaseUser = postgres.user();
                    c.databasePassword = postgres.password();
                  });
      try (CoderoomServer fresh = TestServers.start(config, InMemorySpanExporter.create());
          TestAccounts freshAccounts = new TestAccounts(config)) {
        Person cy = freshAccounts.owner("Cy");
        HttpResponse<String> imported = importZip(fresh.baseUri(), cy, exported);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Http.json(imported).path("problems")).hasSize(2);
        assertThat(export(fresh.baseUri(), cy)).isEqualTo(exported);

        // A hostile archive imports nothing and says why.
        HttpResponse<String> hostile = importZip(fresh.baseUri(), cy, zip("../up/problem.json"));
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.body()).contains("not a file inside a problem's folder");
        assertThat(export(fresh.baseUri(), cy)).isEqualTo(exported);
      }
    }
  }

  private static byte[] export(URI base, Person person) throws Exception {
    HttpResponse<byte[]> response =
        new Http(base).getBytes("/api/team/problems/export", "Cookie", person.cookie());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/zip");
    return response.body();
  }

  private static HttpResponse<String> importZip(URI base, Person person, byte[] zip)
      throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(base.resolve("/api/team/problems/import"))
              .header("Cookie", person.cookie())
              .header("Origin", base.toString().replaceAll("/$", ""))
              .header("Content-Type", "application/zip")
              .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static byte[] zip(String name) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write("{}".getBytes());
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static HttpResponse<String> post(String path, Person person) throws Exception {
    return http.post(path, "{}", as(person));
  }

  private static String[] as(Person person) {
    return new String[] {"Cookie", person.cookie(), "Origin", origin.replaceAll("/$", "")};
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }
}
