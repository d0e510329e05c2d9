package io.coderoom.server.api;

import static io.coderoom.server.api.ScorecardsIT.bearer;
import static io.coderoom.server.api.ScorecardsIT.expect;
import static io.coderoom.server.api.ScorecardsIT.expectError;
import static io.coderoom.server.api.ScorecardsIT.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coderoom.crdt.Doc;
import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.account.TestAccounts;
import io.coderoom.server.account.TestAccounts.Person;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.DocumentUpdate;
import io.coderoom.server.store.RoomEvents;
import io.coderoom.server.store.RoomEvents.Audience;
import io.coderoom.server.store.RoomEvents.NewEvent;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/rooms/{id}/report} against the real server, PostgreSQL and a runner agent: a
 * submission really runs, hints, chat and the clock are room events as their features store them,
 * the notes are a logged Yjs update, and the report gathers all of it, checked against the OpenAPI
 * schema; candidates, observers, other teams and tokens without reports:read read none of it.
 */
@ExtendWith(NettyLeakGuard.class)
class ReportIT {
  private static final String KEY = "Bearer " + TestServers.API_KEY;

  @Test
  void theReportGathersTheWholeInterviewForItsInterviewersOnly() throws Exception {
    ServerConfig config = TestServers.config();
    try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create());
        RunnerAgent agent =
            RunnerAgent.start(
                AgentConfig.of(config.redisUrl(), "report-it-" + UUID.randomUUID(), "test", 1));
        TestAccounts accounts = new TestAccounts()) {
      SchemaCheckedHttp http = new SchemaCheckedHttp(server.baseUri());
      String origin = server.baseUri().toString();
      Jdbi jdbi = accounts.database().jdbi();
      Person ada = accounts.owner("Ada");
      Person mallory = accounts.owner("Mallory");
      JsonNode created =
          Http.json(
              expect(
                  201,
                  http.post(
                      "/api/rooms",
                      "{\"title\":\"Final round\",\"language\":\"python\",\"problemId\":\"two-sum\","
                          + "\"candidateName\":\"Lin\"}",
                      "Cookie",
                      ada.cookie(),
                      "Origin",
                      origin)));
      String roomId = created.path("id").asText();
      String base = "/api/rooms/" + roomId;
      String interviewer = token(created.path("links").path("interviewer").path("url"));
      String candidate = token(created.path("links").path("candidate").path("url"));
      String observer = token(created.path("links").path("observer").path("url"));

      // A submission of the starter code, judged for real (it fails: it returns nothing).
      String runId =
          Http.json(
                  expect(202, http.post(base + "/runs", "{\"mode\":\"test\"}", bearer(candidate))))
              .path("runId")
              .asText();
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  !Http.json(http.get(base + "/runs/" + runId, bearer(interviewer)))
                      .path("status")
                      .asText()
                      .equals("running"));

      // What the hints, chat and clock features store; the report reads them back.
      RoomEvents events = new RoomEvents(jdbi);
      Instant start = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MILLIS);
      event(events, roomId, "clock_started", Audience.EVERYONE, start, "durationMs", 1_200_000);
      event(events, roomId, "hint_revealed", Audience.EVERYONE, start.plusSeconds(60), "index", 1);
      event(events, roomId, "hint_revealed", Audience.EVERYONE, start.plusSeconds(90), "index", 0);
      // The same hint twice counts once; another problem's hint not at all.
      event(events, roomId, "hint_revealed", Audience.EVERYONE, start.plusSeconds(95), "index", 0);
      ObjectNode otherProblem = JsonNodeFactory.instance.objectNode();
      otherProblem.put("problemId", "reverse-words").put("index", 2);
      events.append(
          roomId,
          new NewEvent(
              "hint_revealed",
              "api-key",
              "Ada",
              Audience.EVERYONE,
              start.plusSeconds(99),
              otherProblem));
      event(events, roomId, "clock_paused", Audience.EVERYONE, start.plusSeconds(600), null, 0);
      event(events, roomId, "clock_resumed", Audience.EVERYONE, start.plusSeconds(900), null, 0);
      event(events, roomId, "clock_stopped", Audience.EVERYONE, start.plusSeconds(1800), null, 0);
      chat(events, roomId, "everyone", "Can I use a hash map?", start.plusSeconds(120));
      chat(events, roomId, "interviewers", "Strong on complexity.", start.plusSeconds(130));

      // The interviewers' notes, as a logged update of the notes document.
      Doc notes = new Doc();
      notes.getText("codemirror").insert(0, "Asked good questions.\nO(n) at the end.");
      new DocumentLog(jdbi)
          .append(
              List.of(
                  new DocumentUpdate(
                      roomId, "notes", 1, notes.encodeStateAsUpdate(), "api-key", start)),
              List.of());

      // Before the end: candidates and observers are refused, the interviewer reads.
      for (String other : List.of(candidate, observer)) {
        expectError(403, "forbidden", http.get(base + "/report", bearer(other)));
      }
      expect(200, http.get(base + "/report", bearer(interviewer)));
      expect(
          201,
          http.post(
              base + "/scorecards",
              "{\"ratings\":[{\"criterion\":\"Problem solving\",\"rating\":3},"
                  + "{\"criterion\":\"Code quality\",\"rating\":2},"
                  + "{\"criterion\":\"Communication\",\"rating\":4},"
                  + "{\"criterion\":\"Testing\",\"rating\":1}],\"recommendation\":\"yes\"}",
              "Cookie",
              ada.cookie(),
              "Origin",
              origin));
      expect(200, http.post(base + "/end", "{}", bearer(interviewer)));

      JsonNode report = Http.json(expect(200, http.get(base + "/report", bearer(interviewer))));
      assertThat(report.path("room").path("title").asText()).isEqualTo("Final round");
      assertThat(report.path("room").path("status").asText()).isEqualTo("ended");
      assertThat(report.path("room").path("candidateName").asText()).isEqualTo("Lin");
      assertThat(report.path("problem").path("title").asText()).isEqualTo("Two Sum");
      assertThat(report.path("problem").path("timeEstimateMinutes").asInt()).isEqualTo(20);
      // The clock ran 10 minutes, paused 5, ran 15 more: 25 minutes against 20.
      JsonNode time = report.path("time");
      assertThat(time.path("source").asText()).isEqualTo("clock");
      assertThat(time.path("takenMs").asLong()).isEqualTo(25 * 60_000L);
      assertThat(time.path("estimateMs").asLong()).isEqualTo(20 * 60_000L);
      assertThat(time.path("overByMs").asLong()).isEqualTo(5 * 60_000L);
      assertThat(report.path("code").path("language").asText()).isEqualTo("python");
      assertThat(report.path("code").path("text").asText()).contains("def twoSum");
      assertThat(report.path("notes").asText())
          .isEqualTo("Asked good questions.\nO(n) at the end.");
      // The submission, with its hidden cases in full.
      assertThat(report.path("runs")).hasSize(1);
      JsonNode run = report.path("runs").get(0);
      assertThat(run.path("id").asText()).isEqualTo(runId);
      assertThat(run.path("mode").asText()).isEqualTo("test");
      assertThat(run.path("tests").path("passed").asInt()).isZero();
      assertThat(run.path("tests").path("total").asInt()).isGreaterThan(0);
      assertThat(run.path("tests").path("cases").findValuesAsText("hidden")).contains("true");
      JsonNode hints = report.path("hints");
      assertThat(hints.path("used").asInt()).isEqualTo(2);
      assertThat(hints.path("total").asInt()).isEqualTo(3);
      assertThat(hints.path("revealed").findValuesAsText("index")).containsExactly("1", "0");
      assertThat(report.path("chat").path("count").asInt()).isEqualTo(2);
      assertThat(report.path("chat").path("messages").get(1).path("channel").asText())
          .isEqualTo("interviewers");
      assertThat(report.path("scorecards").path("items")).hasSize(1);
      assertThat(report.path("scorecards").path("items").get(0).path("name").asText())
          .isEqualTo("Ada");
      assertThat(report.path("links").path("timeline").asText())
          .isEqualTo("/rooms/" + roomId + "/playback");

      // After the end candidates and observers find the room closed; the team reads on.
      for (String other : List.of(candidate, observer)) {
        expectError(410, "room_ended", http.get(base + "/report", bearer(other)));
      }
      expect(200, http.get(base + "/report", "Cookie", ada.cookie()));
      expect(200, http.get(base + "/report", "Authorization", KEY));
      String reader = apiToken(http, ada, origin, "reports:read");
      expect(200, http.get(base + "/report", bearer(reader)));
      String creator = apiToken(http, ada, origin, "rooms:create");
      expectError(403, "insufficient_scope", http.get(base + "/report", bearer(creator)));
      expectError(
          404,
          "room_not_found",
          http.get(base + "/report", bearer(apiToken(http, mallory, origin, "reports:read"))));
      expectError(404, "room_not_found", http.get(base + "/report", "Cookie", mallory.cookie()));
      // Each answer was checked against the document, not skipped.
      assertThat(http.checked())
          .contains(
              "GET /api/rooms/{id}/report 200",
              "GET /api/rooms/{id}/report 403",
              "GET /api/rooms/{id}/report 404",
              "GET /api/rooms/{id}/report 410",
              "POST /api/rooms/{id}/scorecards 201");
    }
  }

  private static void event(
      RoomEvents events,
      String roomId,
      String kind,
      Audience audience,
      Instant at,
      String field,
      int value) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (kind.equals("hint_revealed")) {
      body.put("problemId", "two-sum");
    }
    if (field != null) {
      body.put(field, value);
    }
    events.append(roomId, new NewEvent(kind, "api-key", "Ada", audience, at, body));
  }

  private static void chat(
      RoomEvents events, String roomId, String channel, String text, Instant at) {
    ObjectNode body =
        JsonNodeFactory.instance.objectNode().put("channel", channel).put("text", text);
    events.append(
        roomId,
        new NewEvent(
            "chat_message",
            "api-key",
            "Ada",
            channel.equals("everyone") ? Audience.EVERYONE : Audience.INTERVIEWERS,
            at,
            body));
  }

  private static String apiToken(SchemaCheckedHttp http, Person owner, String origin, String scope)
      throws Exception {
    return Http.json(
            expect(
                201,
                http.post(
                    "/api/tokens",
                    "{\"name\":\"ats\",\"scopes\":[\"" + scope + "\"]}",
                    "Cookie",
                    owner.cookie(),
                    "Origin",
                    origin)))
        .path("token")
        .asText();
  }
}
