package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.FreshRunQueue;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.account.TestAccounts.Person;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real answers of the rooms, runs and sign-in operations, for each status a client can reach
 * without a browser, checked against the OpenAPI document's schemas (the tokens and team operations
 * are checked the same way by their own test). A run is real: a runner agent runs it.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OpenApiResponsesIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;

  @Test
  void everyAnswerKeepsTheDocumentsPromise() throws Exception {
    ServerConfig config = TestServers.config();
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create());
        RunnerAgent agent =
            RunnerAgent.start(
                AgentConfig.of(config.redisUrl(), "openapi-it-" + UUID.randomUUID(), "test", 1));
        TestAccounts accounts = new TestAccounts()) {
      SchemaCheckedHttp http = new SchemaCheckedHttp(server.baseUri());
      String origin = server.baseUri().toString();

      http.get("/api/languages");
      http.get("/api/problems");

      // Rooms.
      String create = "{\"title\":\"Schema\",\"language\":\"python\",\"problemId\":\"two-sum\"}";
      expect(401, http.post("/api/rooms", create));
      expect(400, http.post("/api/rooms", "{\"title\":\"x\"}", "Authorization", KEY));
      JsonNode room = Http.json(expect(201, http.post("/api/rooms", create, "Authorization", KEY)));
      String id = room.path("id").asText();
      String base = "/api/rooms/" + id;
      String interviewer = fragmentToken(room.path("links").path("interviewer").path("url"));
      String candidate = fragmentToken(room.path("links").path("candidate").path("url"));
      String asInterviewer = "Bearer " + interviewer;
      expect(200, http.get(base, "Authorization", asInterviewer));
      expect(401, http.get(base));
      expect(404, http.get("/api/rooms/nope", "Authorization", KEY));
      expect(200, http.get(base + "/participants", "Authorization", "Bearer " + candidate));
      expect(200, http.get(base + "/links", "Authorization", asInterviewer));
      expect(403, http.get(base + "/links", "Authorization", "Bearer " + candidate));
      JsonNode link =
          Http.json(
              expect(
                  201,
                  http.post(
                      base + "/links",
                      "{\"role\":\"observer\",\"name\":\"Panel\"}",
                      "Authorization",
                      asInterviewer)));
      expect(
          400, http.post(base + "/links", "{\"role\":\"boss\"}", "Authorization", asInterviewer));
      expect(
          200,
          http.post(
              base + "/links/" + link.path("tokenId").asText() + "/revoke",
              "{}",
              "Authorization",
              asInterviewer));
      expect(404, http.post(base + "/links/nope/revoke", "{}", "Authorization", asInterviewer));
      expect(200, http.get(base + "/history", "Authorization", asInterviewer));
      expect(200, http.get(base + "/history?doc=notes&limit=5", "Authorization", asInterviewer));
      expect(400, http.get(base + "/history?doc=secret", "Authorization", asInterviewer));

      // A real run, read while running or finished, then in the list.
      JsonNode accepted =
          Http.json(
              expect(
                  202,
                  http.post(
                      base + "/runs", "{\"mode\":\"test\"}", "Authorization", asInterviewer)));
      String run = base + "/runs/" + accepted.path("runId").asText();
      expect(200, http.get(run, "Authorization", asInterviewer));
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  !Http.json(http.get(run, "Authorization", asInterviewer))
                      .path("status")
                      .asText()
                      .equals("running"));
      expect(200, http.get(run, "Authorization", "Bearer " + candidate));
      expect(200, http.get(base + "/runs", "Authorization", asInterviewer));
      expect(404, http.get(base + "/runs/nope", "Authorization", asInterviewer));
      expect(400, http.post(base + "/runs", "{\"mode\":\"fast\"}", "Authorization", asInterviewer));
      expect(200, http.post(base + "/end", "{}", "Authorization", KEY));
      expect(410, http.get(base, "Authorization", "Bearer " + candidate));
      expect(200, http.get(base, "Authorization", asInterviewer));
      expect(410, http.post(base + "/runs", "{}", "Authorization", asInterviewer));

      // Accounts.
      Person ada = accounts.owner("Ada");
      expect(200, http.get("/api/auth/options"));
      expect(200, http.get("/api/auth/session", "Cookie", ada.cookie()));
      expect(401, http.get("/api/auth/session"));
      JsonNode issued =
          Http.json(
              expect(
                  201,
                  http.post("/api/admin/links", "{\"purpose\":\"setup\"}", "Authorization", KEY)));
      expect(401, http.post("/api/admin/links", "{\"purpose\":\"setup\"}"));
      expect(400, http.post("/api/admin/links", "{\"purpose\":\"party\"}", "Authorization", KEY));
      String secret = fragmentToken(issued.path("url"));
      expect(200, http.post("/api/auth/links/inspect", "{\"token\":\"" + secret + "\"}"));
      expect(404, http.post("/api/auth/links/inspect", "{\"token\":\"crl_nothing\"}"));
      expect(400, http.post("/api/auth/links/inspect", "{}"));
      expect(200, http.post("/api/auth/passkey/signin/options", "{}"));
      expect(400, http.post("/api/auth/passkey/signin", "{}"));
      expect(401, http.post("/api/auth/passkey/register/options", "{}"));
      // A member's own room, created and read by session.
      JsonNode ours =
          Http.json(
              expect(
                  201, http.post("/api/rooms", create, "Cookie", ada.cookie(), "Origin", origin)));
      expect(
          200,
          http.get("/api/rooms/" + ours.path("id").asText() + "/runs", "Cookie", ada.cookie()));
      expect(
          403,
          http.post("/api/rooms", create, "Cookie", ada.cookie(), "Origin", "http://127.0.0.2"));
      expect(
          200,
          http.post(
              "/api/auth/signout-everywhere", "{}", "Cookie", ada.cookie(), "Origin", origin));
      expect(
          401,
          http.post(
              "/api/auth/signout-everywhere", "{}", "Cookie", ada.cookie(), "Origin", origin));
      expect(200, http.post("/api/auth/signout", "{}", "Cookie", ada.cookie(), "Origin", origin));

      // Each of these was answered and checked, not skipped.
      assertThat(http.checked())
          .contains(
              "POST /api/rooms 201",
              "POST /api/rooms 401",
              "GET /api/rooms/{id} 200",
              "GET /api/rooms/{id}/runs/{runId} 200",
              "GET /api/rooms/{id}/runs 200",
              "POST /api/rooms/{id}/runs 202",
              "GET /api/rooms/{id}/history 200",
              "GET /api/rooms/{id}/links 200",
              "POST /api/rooms/{id}/links 201",
              "GET /api/rooms/{id}/participants 200",
              "GET /api/auth/session 200",
              "GET /api/auth/options 200",
              "POST /api/auth/links/inspect 200",
              "POST /api/admin/links 201",
              "POST /api/auth/signout-everywhere 200",
              "POST /api/auth/signout 200",
              "POST /api/auth/passkey/signin/options 200");
    }
  }

  private static String fragmentToken(JsonNode url) {
    return URI.create(url.asText()).getFragment().substring("token=".length());
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }
}
