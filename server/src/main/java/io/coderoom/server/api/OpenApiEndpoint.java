package io.coderoom.server.api;

import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/** {@code GET /api/openapi.json}: the API's OpenAPI 3.1 description, shipped with the server. */
public final class OpenApiEndpoint {
  static final String RESOURCE = "/api/openapi.json";

  private final byte[] document;

  public OpenApiEndpoint() {
    try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(Router router) {
    router.get(
        "/api/openapi.json",
        request -> {
          FullHttpResponse response =
              HttpResponses.bytes(HttpResponseStatus.OK, HttpResponses.JSON, document);
          response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
          return CompletableFuture.completedFuture(response);
        });
  }
}
