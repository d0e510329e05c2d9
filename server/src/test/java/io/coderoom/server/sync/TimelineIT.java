package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.crdt.Doc;
import io.coderoom.crdt.Subscription;
import io.coderoom.crdt.Text;
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
import io.coderoom.server.api.SchemaCheckedHttp;
import io.coderoom.server.store.DocumentLog;
import io.coderoom.server.store.DocumentUpdate;
import io.coderoom.server.store.RoomEvents;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A room's timeline is read from storage: a candidate types and runs, the room's chat and clock are
 * stored, the server stops and starts again, and the timeline (through real sockets and real
 * PostgreSQL) still has every update and every moment, for the room's interviewers only, also after
 * the interview ended; the offline file carries the same timeline. A long session comes whole too.
 */
@ExtendWith({NettyLeakGuard.class, FreshRunQueue.class})
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TimelineIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CODE = "name = 'Casey'\nprint('hello ' + name)\n";

  @Test
  void theTimelineOutlivesARestartAndReachesOnlyInterviewers() throws Exception {
    ServerConfig config = TestServers.config();
    try (TestAccounts accounts = new TestAccounts()) {
      Person ada = accounts.owner("Ada Lovelace");
      String roomId;
      String interviewer;
      String candidate;
      String observer;
      String runId;
      String casey;
      try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create());
          RunnerAgent agent =
              RunnerAgent.start(
                  AgentConfig.of(
                      config.redisUrl(), "timeline-it-" + UUID.randomUUID(), "test", 1))) {
        Http http = new Http(server.baseUri());
        String origin = server.baseUri().toString();
        JsonNode room =
            Http.json(
                http.post(
                    "/api/rooms",
                    "{\"title\":\"Replayed\",\"language\":\"python\"}",
                    "Cookie",
                    ada.cookie(),
                    "Origin",
                    origin));
        roomId = room.path("id").asText();
        interviewer = token(room, "interviewer");
        observer = token(room, "observer");
        JsonNode named =
            Http.json(
                http.post(
                    "/api/rooms/" + roomId + "/links",
                    "{\"role\":\"candidate\",\"name\":\"Casey\"}",
                    "Authorization",
                    "Bearer " + interviewer));
        candidate = fragmentToken(named.path("url").asText());
        casey = "token:" + named.path("tokenId").asText();

        try (YClient typist = YClient.connect(server.baseUri(), roomId, "code", candidate)) {
          typist.awaitSynced();
          // Typed in pieces, as a person types: several updates in the log.
          for (String piece : CODE.split("(?<= )")) {
            typist.insert(typist.text().length(), piece);
            Thread.sleep(20);
          }
          await().atMost(WAIT).until(() -> roomCode(http, roomId, interviewer).equals(CODE));
          runId =
              Http.json(
                      http.post(
                          "/api/rooms/" + roomId + "/runs",
                          "{\"mode\":\"run\"}",
                          "Authorization",
                          "Bearer " + candidate))
                  .path("runId")
                  .asText();
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      !Http.json(
                              http.get(
                                  "/api/rooms/" + roomId + "/runs/" + runId,
                                  "Authorization",
                                  "Bearer " + interviewer))
                          .path("status")
                          .asText()
                          .equals("running"));
        }
        // The room's features store their moments as room events; two of them, as stored.
        RoomEvents events = new RoomEvents(accounts.database().jdbi());
        events.append(
            roomId,
            new RoomEvents.NewEvent(
                "clock_started",
                "token:x",
                "Ada Lovelace",
                RoomEvents.Audience.EVERYONE,
                Instant.now(),
                JSON.readTree("{\"durationMs\":2700000}")));
        events.append(
            roomId,
            new RoomEvents.NewEvent(
                "chat_message",
                "token:x",
                "Ada Lovelace",
                RoomEvents.Audience.INTERVIEWERS,
                Instant.now(),
                JSON.readTree("{\"channel\":\"interviewers\",\"text\":\"<b>strong</b> start\"}")));
      }

      // A fresh server: nothing of the room is in memory.
      try (CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
        SchemaCheckedHttp http = new SchemaCheckedHttp(server.baseUri());
        String path = "/api/rooms/" + roomId + "/timeline";
        JsonNode timeline =
            Http.json(expect(200, http.get(path, "Authorization", "Bearer " + interviewer)));

        assertThat(timeline.path("room").path("title").asText()).isEqualTo("Replayed");
        assertThat(timeline.path("next").isNull()).isTrue();
        assertThat(replay(timeline.path("updates"))).isEqualTo(CODE);
        assertThat(timeline.path("updates").size()).isGreaterThan(3);
        assertThat(timeline.path("updates").findValuesAsText("author")).contains(casey);
        assertThat(authorName(timeline, casey)).isEqualTo("Casey");
        assertThat(authorName(timeline, "token:x")).isEqualTo("Ada Lovelace");
        JsonNode run = marker(timeline, "run");
        assertThat(run.path("detail").path("runId").asText()).isEqualTo(runId);
        assertThat(run.path("detail").path("status").asText()).isEqualTo("ok");
        assertThat(run.path("actor").asText()).isEqualTo(casey);
        assertThat(marker(timeline, "joined").path("detail").path("name").asText())
            .isEqualTo("Casey");
        assertThat(marker(timeline, "left").path("actor").asText()).isEqualTo(casey);
        assertThat(marker(timeline, "clock_started").path("detail").path("durationMs").asLong())
            .isEqualTo(2_700_000);
        assertThat(marker(timeline, "chat_message").path("detail").path("text").asText())
            .isEqualTo("<b>strong</b> start");
        List<Instant> times = new ArrayList<>();
        timeline.path("markers").forEach(m -> times.add(Instant.parse(m.path("at").asText())));
        assertThat(times).isSorted();

        // Pages: two updates at a time, continued from 'next', make up the same log.
        List<JsonNode> paged = new ArrayList<>();
        long after = 0;
        for (; ; ) {
          JsonNode page =
              Http.json(
                  expect(
                      200,
                      http.get(
                          path + "?limit=2&after=" + after,
                          "Authorization",
                          "Bearer " + interviewer)));
          page.path("updates").forEach(paged::add);
          assertThat(page.path("updates").size()).isLessThanOrEqualTo(2);
          if (page.path("next").isNull()) {
            break;
          }
          after = page.path("next").asLong();
        }
        assertThat(paged).containsExactlyElementsOf(timeline.path("updates"));

        // Only interviewers replay the interview.
        expect(403, http.get(path, "Authorization", "Bearer " + candidate));
        expect(403, http.get(path, "Authorization", "Bearer " + observer));
        expect(401, http.get(path));
        expect(400, http.get(path + "?limit=0", "Authorization", "Bearer " + interviewer));
        expect(404, http.get("/api/rooms/nope/timeline", "Cookie", ada.cookie()));
        Person stranger = accounts.owner("Someone Else");
        expect(404, http.get(path, "Cookie", stranger.cookie()));

        // The offline file carries the same timeline in its data slot.
        Http plain = new Http(server.baseUri());
        HttpResponse<String> file =
            plain.get("/api/rooms/" + roomId + "/export", "Authorization", "Bearer " + interviewer);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(file.headers().firstValue("content-disposition"))
            .hasValue("attachment; filename=\"coderoom-" + roomId + ".html\"");
        JsonNode embedded = JSON.readTree(slot(file.body(), "coderoom-timeline"));
        assertThat(embedded.path("updates")).isEqualTo(timeline.path("updates"));
        assertThat(embedded.path("markers")).isEqualTo(timeline.path("markers"));
        // The chat's markup stays data: no tag of it reaches the page as markup.
        assertThat(file.body()).doesNotContain("<b>strong</b>");
        assertThat(
                plain
                    .get("/api/rooms/" + roomId + "/export", "Authorization", "Bearer " + candidate)
                    .statusCode())
            .isEqualTo(403);

        // After the end, the team still replays it.
        expect(
            200,
            http.post(
                "/api/rooms/" + roomId + "/end",
                "{}",
                "Authorization",
                "Bearer " + TestServers.API_KEY));
        JsonNode ended = Http.json(expect(200, http.get(path, "Cookie", ada.cookie())));
        assertThat(ended.path("room").path("endedAt").asText()).isNotEmpty();
        assertThat(replay(ended.path("updates"))).isEqualTo(CODE);
        assertThat(marker(ended, "room_ended").path("actor").asText()).isEqualTo("api-key");
        expect(200, http.get(path, "Authorization", "Bearer " + TestServers.API_KEY));
        assertThat(
                plain.get("/api/rooms/" + roomId + "/export", "Cookie", ada.cookie()).statusCode())
            .isEqualTo(200);
      }
    }
  }

  /**
   * A two-hour session of 50,000 stored updates by two people is served whole: in pages through the
   * timeline, and as one offline file.
   */
  @Test
  void aSessionOfFiftyThousandUpdatesIsServedInPagesAndAsOneFile() throws Exception {
    ServerConfig config = TestServers.config();
    int count = 50_000;
    try (TestAccounts accounts = new TestAccounts();
        CoderoomServer server = TestServers.start(config, InMemorySpanExporter.create())) {
      Http http = new Http(server.baseUri());
      JsonNode room =
          Http.json(
              http.post(
                  "/api/rooms",
                  "{\"title\":\"Long\",\"language\":\"python\"}",
                  "Authorization",
                  "Bearer " + TestServers.API_KEY));
      String roomId = room.path("id").asText();
      String interviewer = token(room, "interviewer");

      // Two people typing in turns, each in their own document kept in step with the other's.
      Doc[] people = {Doc.builder().clientId(11).build(), Doc.builder().clientId(22).build()};
      String[] actors = {"token:one", "token:two"};
      List<DocumentUpdate> log = new ArrayList<>();
      Instant start = Instant.parse("2026-01-05T14:00:00Z");
      Random random = new Random(50_000);
      for (int i = 0; i < count; i++) {
        int who = (i / 500) % 2;
        Doc doc = people[who];
        List<byte[]> made = new ArrayList<>();
        Subscription subscription = doc.onUpdate((update, origin, tx) -> made.add(update));
        Text text = doc.getText("codemirror");
        if (text.length() > 200 && random.nextInt(4) == 0) {
          text.delete(random.nextInt(text.length() - 3), 3);
        } else {
          text.insert(random.nextInt(text.length() + 1), "ab" + (i % 10));
        }
        subscription.close();
        people[1 - who].applyUpdate(made.get(0));
        log.add(
            new DocumentUpdate(
                roomId, "code", i + 1, made.get(0), actors[who], start.plusMillis(i * 144L)));
      }
      DocumentLog store = new DocumentLog(accounts.database().jdbi());
      for (int from = 0; from < count; from += 5_000) {
        store.append(log.subList(from, from + 5_000), List.of());
      }
      String expected = people[0].getText("codemirror").toString();

      List<JsonNode> updates = new ArrayList<>();
      int pages = 0;
      long after = 0;
      for (; ; pages++) {
        JsonNode page =
            Http.json(
                expect(
                    200,
                    http.get(
                        "/api/rooms/" + roomId + "/timeline?after=" + after,
                        "Authorization",
                        "Bearer " + interviewer)));
        page.path("updates").forEach(updates::add);
        if (page.path("next").isNull()) {
          break;
        }
        after = page.path("next").asLong();
      }
      assertThat(pages).isEqualTo(5);
      assertThat(updates).hasSize(count);
      assertThat(replay(JSON.valueToTree(updates))).isEqualTo(expected);

      HttpResponse<String> file =
          http.get("/api/rooms/" + roomId + "/export", "Authorization", "Bearer " + interviewer);
      assertThat(file.statusCode()).isEqualTo(200);
      JsonNode embedded = JSON.readTree(slot(file.body(), "coderoom-timeline"));
      assertThat(embedded.path("updates").size()).isEqualTo(count);
      assertThat(embedded.path("next").isNull()).isTrue();
      assertThat(replay(embedded.path("updates"))).isEqualTo(expected);
    }
  }

  /** The code after every update of the page, replayed in order into a fresh document. */
  private static String replay(JsonNode updates) throws Exception {
    Doc doc = new Doc();
    for (JsonNode update : updates) {
      doc.applyUpdate(Base64.getDecoder().decode(update.path("update").asText()));
    }
    return doc.getText("codemirror").toString();
  }

  private static JsonNode marker(JsonNode timeline, String kind) {
    for (JsonNode marker : timeline.path("markers")) {
      if (marker.path("kind").asText().equals(kind)) {
        return marker;
      }
    }
    throw new AssertionError("no " + kind + " marker in " + timeline.path("markers"));
  }

  private static String authorName(JsonNode timeline, String actor) {
    for (JsonNode author : timeline.path("authors")) {
      if (author.path("actor").asText().equals(actor)) {
        return author.path("name").asText();
      }
    }
    throw new AssertionError("no author " + actor + " in " + timeline.path("authors"));
  }

  /** The text of the file's JSON data block with this id. */
  private static String slot(String html, String id) {
    String open = "<script type=\"application/json\" id=\"" + id + "\">";
    int start = html.indexOf(open) + open.length();
    return html.substring(start, html.indexOf("</script>", start));
  }

  private static String roomCode(Http http, String roomId, String interviewer) throws Exception {
    JsonNode history =
        Http.json(
            http.get(
                "/api/rooms/" + roomId + "/history", "Authorization", "Bearer " + interviewer));
    return replay(history.path("updates"));
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  private static String token(JsonNode room, String role) {
    return fragmentToken(room.path("links").path(role).path("url").asText());
  }

  private static String fragmentToken(String url) {
    return URI.create(url).getFragment().substring("token=".length());
  }
}
