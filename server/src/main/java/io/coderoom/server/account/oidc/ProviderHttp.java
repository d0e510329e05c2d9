package io.coderoom.server.account.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls to the provider (discovery, keys, code exchange) with java.net.http: bounded time, bounded
 * answers, no redirects followed (a provider's endpoints answer where discovery says they are).
 * Blocking: callers run off the event loop.
 */
public final class ProviderHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** The largest answer read: discovery documents and key sets are a few kilobytes. */
  private static final int MAX_ANSWER_BYTES = 512 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;

  public ProviderHttp() {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** An answer: its status and its JSON body (a missing node when it was not JSON). */
  public record Answer(int status, JsonNode body) {}

  public Answer get(URI uri) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build());
  }

  /** A form POST, as the token endpoint takes it. */
  public Answer postForm(URI uri, String form, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_ANSWER_BYTES + 1);
    }
    if (body.length > MAX_ANSWER_BYTES) {
      throw new IOException(
          request.uri() + " answered more than " + MAX_ANSWER_BYTES + " bytes; refused");
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException notJson) {
      json = JSON.missingNode();
    }
    return new Answer(response.statusCode(), json == null ? JSON.missingNode() : json);
  }
}
