package io.coderoom.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.server.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP client for integration tests that checks every answer from {@code /api} against the
 * OpenAPI document: the operation is documented, the status is one it documents, and the body
 * matches that status's schema. It knows no operation by name, so any part's documented operation
 * is checked the same way. It remembers which operations and statuses it checked.
 */
public final class SchemaCheckedHttp {
  private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

  private final Http http;
  private final Set<String> checked = ConcurrentHashMap.newKeySet();

  public SchemaCheckedHttp(URI base) {
    this.http = new Http(base);
  }

  public HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return checked("GET", path, http.get(path, headers));
  }

  public HttpResponse<String> post(String path, String json, String... headers)
      throws IOException, InterruptedException {
    return checked("POST", path, http.post(path, json, headers));
  }

  public HttpResponse<String> put(String path, String json, String... headers)
      throws IOException, InterruptedException {
    return checked("PUT", path, http.put(path, json, headers));
  }

  /** Operations and statuses checked so far, such as {@code POST /api/tokens 201}. */
  public Set<String> checked() {
    return Set.copyOf(checked);
  }

  private HttpResponse<String> checked(String method, String path, HttpResponse<String> response) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    assertThat(DOCUMENT.check(method, bare, response.statusCode(), response.body()))
        .as("%s %s answered %s: %s", method, path, response.statusCode(), response.body())
        .isEmpty();
    DOCUMENT
        .operation(method, bare)
        .ifPresent(operation -> checked.add(operation + " " + response.statusCode()));
    return response;
  }
}
