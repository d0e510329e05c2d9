package io.coderoom.server.web;

import io.coderoom.server.transport.Endpoint;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Serves the web client for every GET that no API route matched. Paths without a file extension
 * outside {@code /api} and {@code /ws} are pages of the single-page app and get {@code index.html};
 * missing files get the JSON 404.
 */
public final class StaticFilesEndpoint implements Endpoint {
  private static final String INDEX = "/index.html";

  private final StaticSite site;

  public StaticFilesEndpoint(StaticSite site) {
    this.site = site;
  }

  @Override
  public CompletionStage<FullHttpResponse> handle(Request request) {
    return CompletableFuture.completedFuture(respond(request));
  }

  private FullHttpResponse respond(Request request) {
    String path = request.path();
    Optional<StaticFile> file = site.file(path.equals("/") ? INDEX : path);
    if (file.isEmpty() && isAppPage(path)) {
      file = site.file(INDEX);
    }
    if (file.isEmpty()) {
      return HttpResponses.notFound(path);
    }
    return serve(request, file.get());
  }

  private static boolean isAppPage(String path) {
    String lastSegment = path.substring(path.lastIndexOf('/') + 1);
    return !path.startsWith("/api/")
        && !path.startsWith("/ws/")
        && !path.startsWith("/assets/")
        && !lastSegment.contains(".");
  }

  private static FullHttpResponse serve(Request request, StaticFile file) {
    FullHttpResponse response;
    if (matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), file.etag())) {
      // Content-Length: 0 keeps the connection reusable (a 304 has no body either way).
      response =
          HttpResponses.bytes(HttpResponseStatus.NOT_MODIFIED, file.contentType(), new byte[0]);
    } else if (file.gzipped() != null && acceptsGzip(request)) {
      response = HttpResponses.bytes(HttpResponseStatus.OK, file.contentType(), file.gzipped());
      response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
    } else {
      response = HttpResponses.bytes(HttpResponseStatus.OK, file.contentType(), file.body());
    }
    response.headers().set(HttpHeaderNames.ETAG, file.etag());
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, file.cacheControl());
    if (file.gzipped() != null) {
      response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
    }
    return response;
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static boolean acceptsGzip(Request request) {
    String accept = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING);
    return accept != null && accept.contains("gzip");
  }
}
