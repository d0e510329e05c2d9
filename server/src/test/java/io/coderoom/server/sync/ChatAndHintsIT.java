package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coderoom.server.CoderoomServer;
import io.coderoom.server.Http;
import io.coderoom.server.NettyLeakGuard;
import io.coderoom.server.ServerConfig;
import io.coderoom.server.TestServers;
import io.coderoom.server.problem.TestProblems;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chat and hints on the real control socket, with PostgreSQL behind it: the room's channel reaches
 * everyone and the interviewers' channel only interviewers (observers, as candidates, never get it:
 * live, in a welcome's history, or after a restart); a hint's text reaches candidates and observers
 * only once revealed; refusals are clear {@code error}s.
 */
@ExtendWith(NettyLeakGuard.class)
class ChatAndHintsIT {
  private static final List<String> HINTS = TestProblems.curated("two-sum").hints();

  private ServerConfig config;
  private CoderoomServer server;
  private String roomId;
  private String interviewer;
  private String candidate;
  private String observer;

  @BeforeEach
  void start() throws Exception {
    config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    HttpResponse<String> created =
        new Http(server.baseUri())
            .post(
                "/api/rooms",
                "{\"title\":\"Talk\",\"language\":\"python\",\"problemId\":\"two-sum\"}",
                "Authorization",
                "Bearer " + TestServers.API_KEY);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode room = Http.json(created);
    roomId = room.path("id").asText();
    interviewer = token(room, "interviewer");
    candidate = token(room, "candidate");
    observer = token(room, "observer");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theInterviewersChannelReachesInterviewersOnlyLiveInHistoryAndAfterARestart()
      throws Exception {
    List<JsonNode> candidateSaw = new ArrayList<>();
    List<JsonNode> observerSaw = new ArrayList<>();
    try (ControlClient host = join(interviewer, "Ada");
        ControlClient sam = join(candidate, "Sam");
        ControlClient olu = join(observer, "Olu")) {
      JsonNode hostChat = host.await("welcome").path("chat");
      assertThat(hostChat.path("read").toString()).isEqualTo("[\"everyone\",\"interviewers\"]");
      assertThat(hostChat.path("write").toString()).isEqualTo("[\"everyone\",\"interviewers\"]");
      JsonNode samChat = sam.await("welcome").path("chat");
      assertThat(samChat.path("read").toString()).isEqualTo("[\"everyone\"]");
      assertThat(samChat.path("write").toString()).isEqualTo("[\"everyone\"]");
      JsonNode oluChat = olu.await("welcome").path("chat");
      assertThat(oluChat.path("read").toString()).isEqualTo("[\"everyone\"]");
      assertThat(oluChat.path("write").toString()).isEqualTo("[]");

      host.send(chat("interviewers", "private: strong start"));
      JsonNode secret = host.await("chat_message").path("message");
      assertThat(secret.path("channel").asText()).isEqualTo("interviewers");
      assertThat(secret.path("name").asText()).isEqualTo("Ada");
      assertThat(secret.path("role").asText()).isEqualTo("interviewer");
      // The room handles commands in order: by the pong after the next message, the private one
      // would have arrived before it.
      host.send(chat("everyone", "Welcome, Sam."));
      for (ControlClient client : List.of(host, sam, olu)) {
        JsonNode shown = client.await("chat_message").path("message");
        assertThat(shown.path("text").asText()).isEqualTo("Welcome, Sam.");
        assertThat(shown.path("channel").asText()).isEqualTo("everyone");
        assertThat(shown.path("at").asText()).isNotEmpty();
      }
      sam.send(chat("everyone", "Thanks!\n<b>not bold</b>"));
      for (ControlClient client : List.of(host, sam, olu)) {
        JsonNode shown = client.await("chat_message").path("message");
        assertThat(shown.path("text").asText()).isEqualTo("Thanks!\n<b>not bold</b>");
        assertThat(shown.path("name").asText()).isEqualTo("Sam");
      }
      // Neither may write in the interviewers' channel; the observer may not write at all.
      sam.send(chat("interviewers", "let me in"));
      assertThat(sam.await("error").path("code").asText()).isEqualTo("forbidden");
      olu.send(chat("everyone", "hello from the gallery"));
      assertThat(olu.await("error").path("code").asText()).isEqualTo("forbidden");
      sam.assertQuiet();
      olu.assertQuiet();
      host.assertQuiet();
      candidateSaw.addAll(sam.received());
      observerSaw.addAll(olu.received());
    }

    // History: a later socket of each gets the room's channel, never the interviewers'.
    try (ControlClient sam = join(candidate, "Sam");
        ControlClient olu = join(observer, "Olu");
        ControlClient host = join(interviewer, "Ada")) {
      List<String> samHistory = texts(sam.await("welcome").path("chat").path("messages"));
      assertThat(samHistory).containsExactly("Welcome, Sam.", "Thanks!\n<b>not bold</b>");
      assertThat(texts(olu.await("welcome").path("chat").path("messages"))).isEqualTo(samHistory);
      assertThat(texts(host.await("welcome").path("chat").path("messages")))
          .containsExactly("private: strong start", "Welcome, Sam.", "Thanks!\n<b>not bold</b>");
      candidateSaw.addAll(sam.received());
      observerSaw.addAll(olu.received());
    }

    // After a restart the room folds its stored chat back, with the same audiences.
    server.close();
    server = TestServers.start(config, InMemorySpanExporter.create());
    try (ControlClient sam = join(candidate, "Sam");
        ControlClient host = join(interviewer, "Ada")) {
      JsonNode history = sam.await("welcome").path("chat").path("messages");
      assertThat(texts(history)).containsExactly("Welcome, Sam.", "Thanks!\n<b>not bold</b>");
      assertThat(history.get(1).path("name").asText()).isEqualTo("Sam");
      assertThat(history.get(1).path("role").asText()).isEqualTo("candidate");
      assertThat(texts(host.await("welcome").path("chat").path("messages")))
          .contains("private: strong start");
      candidateSaw.addAll(sam.received());
    }

    for (List<JsonNode> saw : List.of(candidateSaw, observerSaw)) {
      assertThat(saw).isNotEmpty();
      assertThat(saw.toString()).doesNotContain("strong start").doesNotContain("\"interviewers\"");
    }
  }

  @Test
  void aMessageTooLongBlankOrTooFastIsRefusedClearlyAndNothingIsSent() throws Exception {
    try (ControlClient sam = join(candidate, "Sam");
        ControlClient olu = join(observer, "Olu")) {
      sam.await("welcome");
      olu.await("welcome");
      sam.send(chat("everyone", "x".repeat(2001)));
      JsonNode tooLong = sam.await("error");
      assertThat(tooLong.path("code").asText()).isEqualTo("chat_too_long");
      assertThat(tooLong.path("message").asText())
          .isEqualTo("A message has at most 2000 characters; this one has 2001. Split it in two.");
      sam.send(chat("everyone", " \n\u202e "));
      assertThat(sam.await("error").path("code").asText()).isEqualTo("chat_empty");
      sam.send("{\"type\":\"chat_send\",\"channel\":\"elsewhere\",\"text\":\"hi\"}");
      assertThat(sam.await("error").path("code").asText()).isEqualTo("bad_command");
      for (int i = 0; i < 5; i++) {
        sam.send(chat("everyone", "burst " + i));
        assertThat(olu.await("chat_message").path("message").path("text").asText())
            .isEqualTo("burst " + i);
        sam.await("chat_message");
      }
      sam.send(chat("everyone", "one too many"));
      JsonNode limited = sam.await("error");
      assertThat(limited.path("code").asText()).isEqualTo("chat_rate_limited");
      assertThat(limited.path("retryAfterMs").asLong()).isBetween(1L, 2000L);
      sam.assertQuiet();
      olu.assertQuiet();
    }
  }

  @Test
  void hintTextsReachCandidatesAndObserversOnlyOnceRevealed() throws Exception {
    List<JsonNode> candidateSaw = new ArrayList<>();
    try (ControlClient host = join(interviewer, "Ada");
        ControlClient sam = join(candidate, "Sam");
        ControlClient olu = join(observer, "Olu")) {
      JsonNode hostHints = host.await("welcome").path("hints");
      assertThat(hostHints.path("problemId").asText()).isEqualTo("two-sum");
      assertThat(hostHints.path("total").asInt()).isEqualTo(3);
      assertThat(hostHints.path("revealed")).isEmpty();
      assertThat(hostHints.path("next").asText()).isEqualTo(HINTS.get(0));
      JsonNode samHints = sam.await("welcome").path("hints");
      assertThat(samHints.path("total").asInt()).isEqualTo(3);
      assertThat(samHints.path("next").isMissingNode() || samHints.path("next").isNull()).isTrue();
      olu.await("welcome");

      sam.send("{\"type\":\"reveal_hint\",\"index\":0}");
      assertThat(sam.await("error").path("code").asText()).isEqualTo("forbidden");
      host.send("{\"type\":\"reveal_hint\",\"index\":0}");
      JsonNode forHost = host.await("hint_revealed");
      assertThat(forHost.path("hint").path("index").asInt()).isEqualTo(0);
      assertThat(forHost.path("hint").path("text").asText()).isEqualTo(HINTS.get(0));
      assertThat(forHost.path("hint").path("name").asText()).isEqualTo("Ada");
      assertThat(forHost.path("next").asText()).isEqualTo(HINTS.get(1));
      for (ControlClient client : List.of(sam, olu)) {
        JsonNode shown = client.await("hint_revealed");
        assertThat(shown.path("hint").path("text").asText()).isEqualTo(HINTS.get(0));
        assertThat(shown.path("total").asInt()).isEqualTo(3);
        assertThat(shown.path("next").isMissingNode() || shown.path("next").isNull()).isTrue();
      }
      // A second click on the same hint (another interviewer's page, say) reveals nothing more.
      host.send("{\"type\":\"reveal_hint\",\"index\":0}");
      assertThat(host.await("error").path("code").asText()).isEqualTo("hint_already_revealed");
      host.send("{\"type\":\"reveal_hint\",\"index\":1}");
      host.await("hint_revealed");
      sam.await("hint_revealed");
      olu.await("hint_revealed");
      host.send("{\"type\":\"reveal_hint\"}");
      JsonNode last = host.await("hint_revealed").path("next");
      assertThat(last.isMissingNode() || last.isNull()).isTrue();
      sam.await("hint_revealed");
      olu.await("hint_revealed");
      host.send("{\"type\":\"reveal_hint\"}");
      JsonNode none = host.await("error");
      assertThat(none.path("code").asText()).isEqualTo("no_hints_left");
      assertThat(none.path("message").asText())
          .isEqualTo("All 3 hints of Two Sum are revealed already.");
      sam.assertQuiet();
      candidateSaw.addAll(sam.received());
    }
    // The texts of hints 2 and 3 reached the candidate only in their reveals.
    for (int index = 1; index < 3; index++) {
      String text = HINTS.get(index);
      assertThat(
              candidateSaw.stream()
                  .filter(event -> event.toString().contains(text))
                  .map(
                      event ->
                          event.path("type").asText()
                              + ":"
                              + event.path("hint").path("index").asInt()))
          .containsExactly("hint_revealed:" + index);
    }

    // Later joiners get the revealed hints in the welcome; with no problem, a reveal is refused.
    try (ControlClient host = join(interviewer, "Ada")) {
      JsonNode hints = host.await("welcome").path("hints");
      assertThat(texts(hints.path("revealed"))).isEqualTo(HINTS);
      assertThat(hints.path("revealed").get(0).path("name").asText()).isEqualTo("Ada");
      host.send("{\"type\":\"set_problem\",\"problemId\":null}");
      host.await("problem_changed");
      JsonNode cleared = host.await("hints").path("hints");
      assertThat(cleared.path("total").asInt()).isZero();
      host.send("{\"type\":\"reveal_hint\"}");
      JsonNode refused = host.await("error");
      assertThat(refused.path("code").asText()).isEqualTo("no_problem");
      // Back to the problem: its hints are still revealed.
      host.send("{\"type\":\"set_problem\",\"problemId\":\"two-sum\"}");
      host.await("problem_changed");
      assertThat(host.await("hints").path("hints").path("revealed")).hasSize(3);
    }
  }

  private ControlClient join(String token, String name) throws Exception {
    return ControlClient.connect(server.baseUri(), roomId, token, "&name=" + name)
        .allow("participant_joined", "participant_left");
  }

  private static String chat(String channel, String text) {
    return "{\"type\":\"chat_send\",\"channel\":\""
        + channel
        + "\",\"text\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(text)
        + "}";
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    list.forEach(item -> texts.add(item.path("text").asText()));
    return texts;
  }

  private static String token(JsonNode room, String role) {
    String url = room.path("links").path(role).path("url").asText();
    return url.substring(url.indexOf("#token=") + 7);
  }
}
