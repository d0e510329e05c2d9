package io.coderoom.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.Http;
import io.coderoom.server.TestServers;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A room made over the API for a test, with its three links, and the interviewer's calls that issue
 * and revoke more.
 */
record TestRoom(URI server, String id, Link interviewer, Link candidate, Link observer) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A link: its token id, the token itself and when it expires. */
  record Link(String tokenId, String token, Instant expiresAt) {
    static Link of(JsonNode issued) {
      String url = issued.path("url").asText();
      return new Link(
          issued.path("tokenId").asText(),
          url.substring(url.indexOf("#token=") + 7),
          Instant.parse(issued.path("expiresAt").asText()));
    }
  }

  static TestRoom create(URI server, String title) throws Exception {
    return create(server, title, "");
  }

  /** A Python room whose code starts as {@code code}. */
  static TestRoom create(URI server, String title, String code) throws Exception {
    return create(server, Map.of("title", title, "language", "python", "starterCode", code));
  }

  /**
   * A room made with the fields {@code POST /api/rooms} is given (title, language, problemId...).
   */
  static TestRoom create(URI server, Map<String, String> fields) throws Exception {
    HttpResponse<String> created =
        new Http(server)
            .post(
                "/api/rooms",
                JSON.writeValueAsString(fields),
                "Authorization",
                "Bearer " + TestServers.API_KEY);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode room = Http.json(created);
    JsonNode links = room.path("links");
    return new TestRoom(
        server,
        room.path("id").asText(),
        Link.of(links.path("interviewer")),
        Link.of(links.path("candidate")),
        Link.of(links.path("observer")));
  }

  /** Issues another link of the room ({@code name} may be empty). */
  Link issue(String role, String name) throws Exception {
    HttpResponse<String> issued =
        new Http(server)
            .post(
                "/api/rooms/" + id + "/links",
                "{\"role\":\"" + role + "\",\"name\":\"" + name + "\"}",
                "Authorization",
                "Bearer " + interviewer.token());
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return Link.of(Http.json(issued));
  }

  /** Revokes a link of the room over the API. */
  void revoke(Link link) throws Exception {
    HttpResponse<String> revoked =
        new Http(server)
            .post(
                "/api/rooms/" + id + "/links/" + link.tokenId() + "/revoke",
                "",
                "Authorization",
                "Bearer " + interviewer.token());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
  }

  /** Replaces the room's code through {@code editor} and waits until the server has it. */
  void replace(YClient editor, String code) throws Exception {
    editor.delete(0, editor.text().length());
    editor.insert(0, code);
    await().atMost(Duration.ofSeconds(20)).until(() -> codeText().equals(code));
  }

  /** The room's code as an observer who joins now reads it. */
  String codeText() throws Exception {
    try (YClient reader = code(observer)) {
      reader.awaitSynced();
      return reader.text();
    }
  }

  /** The same room as reached through another server instance. */
  TestRoom on(URI otherServer) {
    return new TestRoom(otherServer, id, interviewer, candidate, observer);
  }

  YClient code(Link link) throws Exception {
    return YClient.connect(server, id, "code", link.token());
  }

  /** The code again with what {@code previous} had, as a reconnecting tab opens it. */
  YClient reconnect(YClient previous, Link link) throws Exception {
    return YClient.connect(server, id, "code", link.token(), previous.state());
  }

  ControlClient control(Link link) throws Exception {
    return ControlClient.connect(server, id, link.token(), "");
  }

  /** The participants the room lists over REST. */
  JsonNode participants() throws Exception {
    return Http.json(
            new Http(server)
                .get(
                    "/api/rooms/" + id + "/participants",
                    "Authorization",
                    "Bearer " + interviewer.token()))
        .path("participants");
  }

  /** A run of the room with its output, as the interviewer reads it over REST. */
  JsonNode run(String runId) throws Exception {
    return Http.json(
        new Http(server)
            .get(
                "/api/rooms/" + id + "/runs/" + runId,
                "Authorization",
                "Bearer " + interviewer.token()));
  }
}
