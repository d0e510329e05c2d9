package io.coderoom.server.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.UncheckedIOException;
import java.util.Map;

/** Builds responses: JSON bodies, the JSON error shape, and the headers every response carries. */
public final class HttpResponses {
  public static final String JSON = "application/json";

  /**
   * Same-origin everything, no inline code, no framing: the web client needs nothing more, and a
   * page holding an interview token must not leak it or run injected script.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private HttpResponses() {}

  /** A response with a body of the given type. */
  public static FullHttpResponse bytes(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return response;
  }

  /** A JSON response; the value is serialized with Jackson. */
  public static FullHttpResponse json(HttpResponseStatus status, Object value) {
    try {
      FullHttpResponse response = bytes(status, JSON, MAPPER.writeValueAsBytes(value));
      response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
      return response;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error shape of every API: {@code {"error": code, "message": text}}. */
  public static FullHttpResponse error(HttpResponseStatus status, String code, String message) {
    return json(status, Map.of("error", code, "message", message));
  }

  public static FullHttpResponse notFound(String path) {
    return error(HttpResponseStatus.NOT_FOUND, "not_found", "Nothing is served at " + path + ".");
  }

  public static FullHttpResponse methodNotAllowed(HttpMethod method, String allowed) {
    FullHttpResponse response =
        error(
            HttpResponseStatus.METHOD_NOT_ALLOWED,
            "method_not_allowed",
            method + " is not allowed here; use " + allowed + ".");
    response.headers().set(HttpHeaderNames.ALLOW, allowed);
    return response;
  }

  public static FullHttpResponse internalError() {
    return error(
        HttpResponseStatus.INTERNAL_SERVER_ERROR,
        "internal_error",
        "The server failed to answer; try again, and report it if it persists.");
  }

  /** Headers every response carries, whatever produced it. */
  static void addSecurityHeaders(HttpHeaders headers) {
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    // Links carry room tokens: never send them on to another site.
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
    headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }
}
