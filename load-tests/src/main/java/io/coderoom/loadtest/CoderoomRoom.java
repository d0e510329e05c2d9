package io.coderoom.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A room made through Coderoom's REST API, held as one link's token and the base of the room's
 * sockets ({@code ws://host/ws/rooms/{id}}).
 */
record CoderoomRoom(String socketsBase, String token) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Creates a room with the API key and keeps the link of {@code role}. */
  static CoderoomRoom create(
      HttpClient http, URI server, String apiKey, String title, String language, String role)
      throws IOException, InterruptedException {
    return create(http, server, apiKey, Map.of("title", title, "language", language), role);
  }

  /** Creates a room from the given fields of {@code POST /api/rooms} and keeps the link of role. */
  static CoderoomRoom create(
      HttpClient http, URI server, String apiKey, Map<String, String> fields, String role)
      throws IOException, InterruptedException {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "--api-key (or CODEROOM_API_KEY) is needed to create Coderoom rooms");
    }
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(server.resolve("/api/rooms"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "creating a room failed: " + created.statusCode() + " " + created.body());
    }
    JsonNode room = JSON.readTree(created.body());
    String link = room.path("links").path(role).path("url").asText();
    return new CoderoomRoom(
        server.toString().replaceFirst("^http", "ws").replaceAll("/+$", "")
            + "/ws/rooms/"
            + room.path("id").asText(),
        link.substring(link.indexOf("#token=") + 7));
  }

  /** The address of one of the room's sockets: {@code code}, {@code notes} or {@code control}. */
  URI socket(String name) {
    return URI.create(socketsBase + "/" + name + "?token=" + token);
  }
}
